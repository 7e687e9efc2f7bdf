// POST /mw on both ends (openapi.yaml "One endpoint, many message kinds", "HTTP status codes", "TLS").
import * as http from 'node:http';
import * as https from 'node:https';
import { TLSSocket } from 'node:tls';
import { decodeFields, encodeFields, Fields, MalformedHeader, percentDecode, percentEncode } from './headers';

export interface Message {
  kind: string;
  fields: Fields;
  body: Buffer;
}

export interface Incoming extends Message {
  from: string;
  to: string;
}

export type NetworkFailure = 'Unreachable' | 'UnknownAddress' | 'Timeout' | 'Garbled';

export type SendResult = { ok: true; reply: Message } | { ok: false; failure: NetworkFailure; detail: string };

const ADDRESS = /^(pc|merchant|gateway|sw:\/\/[^\s/]+)$/;
const SMALL_KINDS = new Set(['Wallet.Start', 'Wallet.StartWithInfo', 'Wallet.BrandQuery', 'User.Choose', 'User.TypeAddress', 'User.Answer']);

export const bodyLimit = (kind: string) => (SMALL_KINDS.has(kind) ? 16 * 1024 : 256 * 1024);

// A link whose two ends are server parties is mutual (and every link to the gateway).
export const isServerParty = (address: string) => address === 'merchant' || address === 'gateway' || address.startsWith('sw://');

export interface TlsMaterial {
  root: string;
  cert: string;
  key: string;
}

function refuse(res: http.ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'X-MW-Reason': percentEncode(reason.slice(0, 160)) });
  res.end();
}

export type Handler = (msg: Incoming) => Promise<Message | 'silent'>;

// The request handler of one party's listener; `address` is the party it serves.
export function listener(address: () => string, handle: Handler, isSilent: () => boolean) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (isSilent()) return; // accepts, never answers
    if (req.method !== 'POST' || req.url !== '/mw') return refuse(res, 404, 'not POST /mw');
    let from: string, to: string, kind: string, fields: Fields;
    try {
      const h = (name: string) => {
        const v = req.headers[name];
        if (typeof v !== 'string') throw new MalformedHeader(`${name} missing`);
        return v;
      };
      from = percentDecode(h('x-mw-from'));
      to = percentDecode(h('x-mw-to'));
      kind = percentDecode(h('x-mw-kind'));
      fields = decodeFields(h('x-mw-fields'));
      if (!ADDRESS.test(from) || !ADDRESS.test(to) || kind === '') throw new MalformedHeader('bad address or kind');
    } catch (e) {
      return refuse(res, 400, e instanceof MalformedHeader ? e.message : 'malformed header');
    }
    if (to !== address()) return refuse(res, 421, 'not this listener');
    const socket = req.socket as TLSSocket;
    const peer = socket.getPeerCertificate?.();
    const presented = peer && Object.keys(peer).length > 0;
    if (presented && (!socket.authorized || peer.subject?.CN !== from)) return refuse(res, 403, 'client certificate does not name the sender');
    if (!presented && isServerParty(from)) return refuse(res, 403, 'client certificate required');
    const limit = bodyLimit(kind);
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(res, 413, 'body over the limit');
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('error', () => refuse(res, 400, 'body unreadable'));
    req.on('end', () => {
      if (over) return refuse(res, 413, 'body over the limit');
      handle({ from, to, kind, fields, body: Buffer.concat(chunks) }).then(
        (answer) => {
          if (answer === 'silent') return;
          res.writeHead(200, {
            'Content-Type': 'application/octet-stream',
            'X-MW-From': percentEncode(to),
            'X-MW-To': percentEncode(from),
            'X-MW-Kind': percentEncode(answer.kind),
            'X-MW-Fields': encodeFields(answer.fields),
          });
          res.end(answer.body);
        },
        () => refuse(res, 400, 'rejected'),
      );
    });
  };
}

export class Client {
  private agent: https.Agent;
  constructor(
    private readonly self: string,
    private readonly tls: TlsMaterial,
    private readonly urlOf: (address: string) => string | undefined,
    private readonly timeoutMs: number,
  ) {
    this.agent = new https.Agent({ keepAlive: true, ca: tls.root, cert: tls.cert, key: tls.key });
  }

  close(): void {
    this.agent.destroy();
  }

  // timeoutMs: this hop's bounded wait (openapi.yaml "Time": hop waits nest).
  send(to: string, msg: Message, timeoutMs = this.timeoutMs): Promise<SendResult> {
    const base = this.urlOf(to);
    if (!base) return Promise.resolve({ ok: false, failure: 'UnknownAddress', detail: `no URL for ${to}` });
    const url = new URL('mw', base.endsWith('/') ? base : base + '/');
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: SendResult) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve(r);
        }
      };
      const req = https.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          ca: this.tls.root,
          cert: this.tls.cert,
          key: this.tls.key,
          // A sender accepts only a server certificate naming the addressed party.
          checkServerIdentity: (_host, cert) => (cert.subject?.CN === to ? undefined : new Error(`server certificate names ${cert.subject?.CN}, not ${to}`)),
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Length': msg.body.length,
            'X-MW-From': percentEncode(this.self),
            'X-MW-To': percentEncode(to),
            'X-MW-Kind': percentEncode(msg.kind),
            'X-MW-Fields': encodeFields(msg.fields),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', () => done({ ok: false, failure: 'Garbled', detail: 'answer unreadable' }));
          res.on('end', () => {
            if (res.statusCode !== 200) return done({ ok: false, failure: 'Garbled', detail: `HTTP ${res.statusCode}` });
            try {
              const h = (n: string) => {
                const v = res.headers[n];
                if (typeof v !== 'string') throw new MalformedHeader(`${n} missing`);
                return v;
              };
              if (percentDecode(h('x-mw-from')) !== to || percentDecode(h('x-mw-to')) !== this.self) throw new MalformedHeader('addresses not swapped');
              done({ ok: true, reply: { kind: percentDecode(h('x-mw-kind')), fields: decodeFields(h('x-mw-fields')), body: Buffer.concat(chunks) } });
            } catch (e) {
              done({ ok: false, failure: 'Garbled', detail: (e as Error).message });
            }
          });
        },
      );
      const timer = setTimeout(() => {
        done({ ok: false, failure: 'Timeout', detail: `no answer from ${to} in ${timeoutMs} ms` });
        req.destroy();
      }, timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) => {
        const refused = e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' || e.code === 'EHOSTUNREACH';
        done({ ok: false, failure: refused ? 'Unreachable' : 'Garbled', detail: `${to}: ${e.code ?? e.message}` });
      });
      req.end(msg.body);
    });
  }
}
