// What PUT /provision/topology gives the MSW (openapi.yaml ProvisionTopology), read into the form the MSW uses.
import { X509Certificate } from 'node:crypto';
import { Credential } from './purchase';
import { ecKeyFromScalar, privateKey } from './keys';
import type { KeyObject } from 'node:crypto';

export const BRANDS = ['BrandA', 'BrandB', 'BrandC', 'BrandD', 'BrandE'];
// The login a master uses at its slaves is named MSW whatever the master's wallet name (openapi.yaml, role MSW).
export const MASTER_LOGIN = 'MSW';

export interface WalletSpec {
  name: string;
  held: string[];
  advertised: string[];
  down?: boolean;
  silent?: boolean;
}

export type Knowledge =
  | { kind: 'None' }
  | { kind: 'BrandTable'; entries: { wallet: string; brands: string[] }[] }
  | { kind: 'InstalledWums'; entries: { wallet: string; version: number; brands: string[] }[] }
  | { kind: 'SswList'; names: string[] };

export interface ServerIdentity {
  signingChain: Buffer[];
  signingKey: KeyObject;
  keChain: Buffer[];
  keKey: KeyObject;
}

export interface Topology {
  embodiment: string;
  addresses: Record<string, string>;
  slaves: WalletSpec[];
  master: WalletSpec;
  knowledge: Knowledge;
  tls: { root: string; cert: string; key: string };
  logins: Map<string, Buffer>; // "client@wallet" -> key
  credentials: Map<string, Credential>; // brand -> the master's credential
  identity?: ServerIdentity;
  setRoot?: Buffer;
  timeoutMs: number;
}

export class Unsupported extends Error {
  constructor(public readonly field: string, message: string) {
    super(message);
  }
}

const b64 = (s: string) => Buffer.from(s, 'base64');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readTopology(t: any): Topology {
  if (!t || typeof t !== 'object') throw new Unsupported('', 'not an object');
  const roles: string[] = t.roles ?? [];
  if (roles.length !== 1 || roles[0] !== 'MSW') throw new Unsupported('/roles', 'this system plays the MSW only');
  if (!['E7', 'E8', 'E9', 'E10', 'E11', 'E12'].includes(t.embodiment)) throw new Unsupported('/embodiment', `${t.embodiment} has no MSW`);
  if (!t.master || typeof t.master.name !== 'string') throw new Unsupported('/master', 'no master');
  const name: string = t.master.name;
  const mine = (t.tls?.certificates ?? []).find((c: { address: string }) => c.address === `sw://${name}`);
  if (!mine) throw new Unsupported('/tls/certificates', 'no certificate for the master address');
  const logins = new Map<string, Buffer>();
  for (const l of t.logins ?? []) logins.set(`${l.client}@${l.wallet}`, b64(l.key));
  const credentials = new Map<string, Credential>();
  for (const c of t.credentials ?? []) {
    if (c.wallet !== name) continue;
    const chain = (c.chain as string[]).map(b64);
    credentials.set(c.brand, { brand: c.brand, chain, key: ecKeyFromScalar(b64(c.key), chain[0]), pan: c.pan, panSecret: b64(c['pan-secret']), cardSecret: b64(c['card-secret']) });
  }
  let identity: ServerIdentity | undefined;
  const id = (t.serverIdentities ?? []).find((s: { wallet: string }) => s.wallet === name);
  if (id) {
    const signingChain = (id['signing-chain'] as string[]).map(b64);
    const keChain = (id['key-exchange-chain'] as string[]).map(b64);
    identity = { signingChain, signingKey: privateKey(b64(id['signing-key']), signingChain[0]), keChain, keKey: privateKey(b64(id['key-exchange-key']), keChain[0]) };
  }
  new X509Certificate(mine.certificate); // fails early on a bad certificate
  return {
    embodiment: t.embodiment,
    addresses: t.addresses ?? {},
    slaves: t.wallets ?? [],
    master: t.master,
    knowledge: t.knowledge ?? { kind: 'None' },
    tls: { root: t.tls.root, cert: mine.certificate, key: mine.key },
    logins,
    credentials,
    identity,
    setRoot: t.setRoot ? b64(t.setRoot) : undefined,
    timeoutMs: typeof t.timeout === 'number' ? t.timeout : 5000,
  };
}
