// The master's own SET purchase against a merchant and gateway written here from SET.md: the merchant verifies the
// dual signature from OIData and H(PIData) alone, the gateway opens the PI envelope and checks the same signature.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, randomBytes, verify, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { bytes, canonicalBytes, parseCanonical } from '../src/canon';
import { open } from '../src/cms';
import { signMessage } from '../src/keys';
import { parseWakeUp, Purchase } from '../src/purchase';
import { Pki } from './pki';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const pki = new Pki();
const root = execFileSync('openssl', ['x509', '-in', pki.file('root.pem'), '-outform', 'DER']);
const merchant = pki.issue('merchant');
const gatewayKe = pki.issue('gateway', true);
const holder = pki.issue('cardholder');

function run(tamperPInitRes: boolean) {
  const wake = parseWakeUp(canonicalBytes({ msg: 'WakeUp', merchant: 'SHOP-1', 'lid-m': 'L1', desc: 'goods', amount: 1200, currency: 'JPY', brand: 'BrandA' }));
  const card = { brand: 'BrandA', chain: [holder.der], key: createPrivateKey(holder.key), pan: '4111111111111111', panSecret: randomBytes(20), cardSecret: randomBytes(20) };
  const p = new Purchase('MSW', wake, card, root);
  const first = p.start();
  assert.equal(first.kind, 'forward');
  if (first.kind !== 'forward') return;
  const init = parseCanonical(first.body, 'PInitReq');
  const xid = randomBytes(20);
  const challM = randomBytes(20);
  const res = { msg: 'PInitRes', 'lid-c': init['lid-c'] as string, 'lid-m': 'L1', xid, date: '2026-01-01', rrpid: bytes(init, 'rrpid'), 'chall-c': bytes(init, 'chall-c'), 'chall-m': challM, 'gw-thumb': sha256(gatewayKe.der).toString('hex'), 'gw-chain': [gatewayKe.der] };
  let signed = signMessage('PInitRes', res, createPrivateKey(merchant.key), [merchant.der]);
  if (tamperPInitRes) {
    // The merchant's signed content altered in flight (another XID), its signature left as it was.
    const outer = parseCanonical(signed, 'Signed/PInitRes');
    const inner = canonicalBytes({ ...res, xid: randomBytes(20) });
    signed = canonicalBytes({ ...outer, content: inner } as never);
  }
  return { p, step: p.deliver('PInitRes', signed), xid, challM };
}

test('PReq: the merchant verifies the dual signature on OIData, the gateway on the PI it decrypts', () => {
  const r = run(false)!;
  assert.equal(r.step.kind, 'forward');
  if (r.step.kind !== 'forward') return;
  assert.equal(r.step.setKind, 'PReq');
  const preq = parseCanonical(r.step.body, 'PReq');
  const oidata = bytes(preq, 'oidata');
  const oi = parseCanonical(oidata, 'OIData');
  assert.ok(bytes(oi, 'xid').equals(r.xid) && bytes(oi, 'chall-m').equals(r.challM));
  const pds = parseCanonical(bytes(preq, 'pi-dual-signed'), 'PIDualSigned');
  const holderKey = new X509Certificate(holder.der).publicKey;
  const merchantView = Buffer.concat([bytes(preq, 'h-pidata'), sha256(oidata)]);
  assert.ok(verify('sha256', merchantView, { key: holderKey, dsaEncoding: 'der' }, bytes(pds, 'dual-sig')), 'merchant side');
  const pi = parseCanonical(open(bytes(pds, 'pi-env'), gatewayKe.der, createPrivateKey(gatewayKe.key)), 'PIEnvelope');
  const piData = canonicalBytes({ msg: 'PIData', 'pi-head': bytes(pi, 'pi-head'), 'pan-data': bytes(pi, 'pan-data') });
  const gatewayView = Buffer.concat([sha256(piData), bytes(pi, 'h-oidata')]);
  assert.ok(verify('sha256', gatewayView, { key: holderKey, dsaEncoding: 'der' }, bytes(pds, 'dual-sig')), 'gateway side');
  const head = parseCanonical(bytes(pi, 'pi-head'), 'PIHead');
  assert.equal(head.amount, 1200);
  assert.ok(bytes(head, 'hod').equals(bytes(oi, 'hod')), 'one HOD for both halves');
  assert.equal(parseCanonical(bytes(pi, 'pan-data'), 'PANData').pan, '4111111111111111');
  assert.ok(!r.step.body.includes(Buffer.from('4111111111111111')), 'the PAN is not readable in the PReq');
});

test('a PInitRes whose signed content was altered ends the purchase refused, nothing forwarded', () => {
  const r = run(true)!;
  assert.equal(r.step.kind, 'done');
  if (r.step.kind === 'done') assert.equal(r.step.outcome.outcome, 'Refused');
});
