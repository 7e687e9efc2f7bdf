// The MSW over HTTPS against stub slaves and a stub user port, provisioned through /provision/topology.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as https from 'node:https';
import { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { canonicalBytes, parseCanonical } from '../src/canon';
import { Fields } from '../src/headers';
import { computeMac, macMatches } from '../src/mac';
import { parseArgs, Server } from '../src/main';
import { Client, Incoming, listener, Message } from '../src/wire';
import { Pki } from './pki';

const pki = new Pki();
const tlsOf = new Map<string, { certificate: string; key: string }>();
for (const a of ['sw://MSW', 'sw://SSW-1', 'sw://SSW-2', 'pc']) tlsOf.set(a, pki.issue(a));
const userKey = randomBytes(32);
const slaveKeys: Record<string, Buffer> = { 'SSW-1': randomBytes(32), 'SSW-2': randomBytes(32) };
const servers: https.Server[] = [];
const started: string[] = []; // slaves that received a Wallet.Start, in order
let userAnswer = 'SSW-2';

async function serve(address: string, handle: (m: Incoming) => Promise<Message>): Promise<string> {
  const t = tlsOf.get(address)!;
  const s = https.createServer({ key: t.key, cert: t.certificate, ca: pki.root, requestCert: true, rejectUnauthorized: false }, listener(() => address, handle, () => false));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  return `https://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

// A slave that pays every wake-up at once: Wallet.Done MAC'd over the master's request.
function slave(name: string) {
  return async (m: Incoming): Promise<Message> => {
    const key = slaveKeys[name];
    assert.ok(macMatches({ key, direction: 'request', wallet: name, login: 'MSW', kind: m.kind, fields: m.fields, body: m.body, inReplyTo: '' }, m.fields.mac), 'the virtual WUM seals its requests');
    started.push(name);
    const wake = parseCanonical(m.body, 'WakeUp');
    const body = canonicalBytes({ msg: 'Outcome', outcome: 'Paid', wallet: name, brand: wake.brand as string, xid: 'ab'.repeat(20), 'auth-code': 'A1' });
    const fields: Fields = { outcome: 'Paid', brand: wake.brand as string, session: m.fields.session, seq: m.fields.seq };
    fields.mac = computeMac({ key, direction: 'reply', wallet: name, login: 'MSW', kind: 'Wallet.Done', fields, body, inReplyTo: m.fields.mac });
    return { kind: 'Wallet.Done', fields, body };
  };
}

async function userPort(m: Incoming): Promise<Message> {
  assert.ok(macMatches({ key: userKey, direction: 'question', wallet: 'MSW', login: 'user', kind: m.kind, fields: m.fields, body: m.body, inReplyTo: '' }, m.fields.mac));
  const body = canonicalBytes({ msg: 'User.Answer', answer: userAnswer });
  const fields: Fields = { answer: userAnswer };
  fields.mac = computeMac({ key: userKey, direction: 'answer', wallet: 'MSW', login: 'user', kind: 'User.Answer', fields, body, inReplyTo: m.fields.mac });
  return { kind: 'User.Answer', fields, body };
}

async function world(embodiment: string, defect: string[] = []) {
  const addresses = { 'sw://SSW-1': await serve('sw://SSW-1', slave('SSW-1')), 'sw://SSW-2': await serve('sw://SSW-2', slave('SSW-2')), pc: await serve('pc', userPort) };
  const server = new Server(parseArgs(defect));
  const base = await server.listen();
  const topology = {
    embodiment,
    roles: ['MSW'],
    addresses,
    wallets: [
      { name: 'SSW-1', held: ['BrandA'], advertised: ['BrandA'] },
      { name: 'SSW-2', held: ['BrandB'], advertised: ['BrandB'] },
    ],
    master: { name: 'MSW', held: [], advertised: ['BrandC'] },
    knowledge: embodiment === 'E9' ? { kind: 'SswList', names: ['SSW-1', 'SSW-2'] } : { kind: 'BrandTable', entries: [{ wallet: 'SSW-1', brands: ['BrandA'] }, { wallet: 'SSW-2', brands: ['BrandB'] }] },
    tls: { root: pki.root, certificates: [{ address: 'sw://MSW', ...tlsOf.get('sw://MSW')! }] },
    logins: [{ client: 'user', wallet: 'MSW', key: userKey.toString('base64') }, ...Object.entries(slaveKeys).map(([w, k]) => ({ client: 'MSW', wallet: w, key: k.toString('base64') }))],
  };
  const res = await fetch(new URL('provision/topology', base), { method: 'PUT', body: JSON.stringify(topology) });
  assert.equal(res.status, 200);
  const msw = ((await res.json()) as Record<string, string>)['sw://MSW'];
  const pc = new Client('pc', { root: pki.root, cert: tlsOf.get('pc')!.certificate, key: tlsOf.get('pc')!.key }, (a) => (a === 'sw://MSW' ? msw : undefined), 5000);
  after(async () => {
    pc.close();
    await server.close();
  });
  return { pc, server, base };
}

function start(brand: string, lidM: string, kind = 'Wallet.Start', tamper = false): { msg: Message; mac: string } {
  const body = canonicalBytes({ msg: 'WakeUp', merchant: 'SHOP-1', 'lid-m': lidM, desc: 'goods', amount: 1000, currency: 'JPY', brand });
  const fields: Fields = { login: 'user', session: randomBytes(16).toString('hex'), seq: '0', brand };
  fields.mac = computeMac({ key: userKey, direction: 'request', wallet: 'MSW', login: 'user', kind, fields, body, inReplyTo: '' });
  if (tamper) fields.brand = 'BrandZ';
  return { msg: { kind, fields, body }, mac: fields.mac };
}

after(() => servers.forEach((s) => s.close()));

test('E7: the master proxies to the slave its table lists for the brand, the slave outcome passes through', async () => {
  const { pc } = await world('E7');
  started.length = 0;
  const { msg, mac } = start('BrandB', 'L1');
  const r = await pc.send('sw://MSW', msg);
  assert.ok(r.ok);
  assert.equal(r.reply.kind, 'Wallet.Done');
  assert.equal(parseCanonical(r.reply.body, 'Outcome').wallet, 'SSW-2');
  assert.deepEqual(started, ['SSW-2']);
  assert.ok(macMatches({ key: userKey, direction: 'reply', wallet: 'MSW', login: 'user', kind: r.reply.kind, fields: r.reply.fields, body: r.reply.body, inReplyTo: mac }, r.reply.fields.mac));
  // The same order again is a replay: refused, and no slave hears of it.
  const again = await pc.send('sw://MSW', start('BrandB', 'L1').msg);
  assert.ok(again.ok);
  assert.equal(again.reply.fields.reason, 'Replay');
  assert.deepEqual(started, ['SSW-2']);
  const none = await pc.send('sw://MSW', start('BrandD', 'L2').msg);
  assert.ok(none.ok);
  assert.equal(none.reply.fields.reason, 'NoCapableWallet');
});

test('E7 with the routing defect: the first listed slave gets the wake-up whatever it lists', async () => {
  const { pc } = await world('E7', ['--defect', 'route-first-listed']);
  started.length = 0;
  const r = await pc.send('sw://MSW', start('BrandB', 'L1').msg);
  assert.ok(r.ok);
  assert.deepEqual(started, ['SSW-1']);
});

test('a tampered session request is rejected unauthenticated and changes nothing', async () => {
  const { pc } = await world('E7');
  started.length = 0;
  const r = await pc.send('sw://MSW', start('BrandB', 'L9', 'Wallet.Start', true).msg);
  assert.ok(r.ok);
  assert.equal(r.reply.kind, 'Wallet.Rejected');
  assert.equal(r.reply.fields.reason, 'Unauthenticated');
  assert.equal(r.reply.fields.mac, undefined);
  assert.deepEqual(started, []);
  const ok = await pc.send('sw://MSW', start('BrandB', 'L9').msg);
  assert.ok(ok.ok && ok.reply.kind === 'Wallet.Done', 'the order was not taken by the rejected request');
});

test('E9: the user picks among the SSW list, an unlisted answer is an invalid choice', async () => {
  const { pc } = await world('E9');
  started.length = 0;
  userAnswer = 'SSW-2';
  const r = await pc.send('sw://MSW', start('BrandB', 'L1').msg);
  assert.ok(r.ok && r.reply.kind === 'Wallet.Done');
  assert.deepEqual(started, ['SSW-2']);
  userAnswer = 'SSW-7';
  const bad = await pc.send('sw://MSW', start('BrandB', 'L2').msg);
  assert.ok(bad.ok);
  assert.equal(bad.reply.fields.reason, 'InvalidChoice');
});

test('brand query, unknown path and misdirected requests', async () => {
  const { pc, base } = await world('E7');
  const r = await pc.send('sw://MSW', { kind: 'Wallet.BrandQuery', fields: {}, body: Buffer.alloc(0) });
  assert.ok(r.ok);
  assert.deepEqual(parseCanonical(r.reply.body, 'Brands').brands, ['BrandC']);
  const info = await (await fetch(new URL('provision/info', base))).json();
  assert.deepEqual((info as { roles: string[] }).roles, ['MSW']);
});
