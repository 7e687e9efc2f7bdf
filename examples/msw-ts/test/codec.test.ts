import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, MalformedMessage, parseCanonical } from '../src/canon';
import { decodeFields, encodeFields, MalformedHeader, percentDecode, percentEncode } from '../src/headers';
import { computeMac, macMatches, MacInput } from '../src/mac';

test('canonical JSON sorts keys by ordinal order, writes bytes as base64 and escapes like System.Text.Json', () => {
  assert.equal(encode({ msg: 'X', b: 1, a: [Buffer.from([1, 2, 3]), Buffer.from([0xfb, 0xff])], Z: 'é<&>+\'"\\\n' }), '{"Z":"\\u00E9\\u003C\\u0026\\u003E\\u002B\\u0027\\u0022\\\\\\n","a":["AQID","\\u002B/8="],"b":1,"msg":"X"}');
});

test('parsing is strict: whitespace, reordered keys, another type tag are refused', () => {
  assert.deepEqual(parseCanonical(Buffer.from('{"a":1,"msg":"X"}'), 'X'), { a: 1, msg: 'X' });
  for (const bad of ['{"msg":"X","a":1}', '{"a": 1,"msg":"X"}', '{"a":1,"msg":"Y"}', '{"a":1.5,"msg":"X"}', '{"a":1,"a":1,"msg":"X"}', '[1]'])
    assert.throws(() => parseCanonical(Buffer.from(bad), 'X'), MalformedMessage, bad);
});

test('headers are percent-encoded with upper-case hex and decoded strictly', () => {
  assert.equal(percentEncode('sw://MSW'), 'sw%3A%2F%2FMSW');
  assert.equal(percentEncode('45121 JPY'), '45121%20JPY');
  assert.equal(percentDecode('sw%3a%2F%2FMSW'), 'sw://MSW');
  assert.throws(() => percentDecode('a%2'), MalformedHeader);
  assert.throws(() => percentDecode('a%C3'), MalformedHeader);
  assert.equal(encodeFields({ seq: '0', brand: 'BrandA', amount: '1 JPY' }), 'amount=1%20JPY&brand=BrandA&seq=0');
  assert.deepEqual(decodeFields('a=1&b='), { a: '1', b: '' });
  assert.throws(() => decodeFields('a=1&a=2'), MalformedHeader);
});

test('the session MAC covers every field but mac, the body and the MAC it answers', () => {
  const base: MacInput = { key: Buffer.alloc(32, 7), direction: 'request', wallet: 'MSW', login: 'user', kind: 'Wallet.Start', fields: { seq: '0', session: 'ab' }, body: Buffer.from('x'), inReplyTo: '' };
  const tag = computeMac(base);
  assert.match(tag, /^[0-9a-f]{32}$/);
  assert.ok(macMatches({ ...base, fields: { ...base.fields, mac: tag } }, tag), 'mac itself is not covered');
  for (const other of [{ ...base, body: Buffer.from('y') }, { ...base, fields: { seq: '1', session: 'ab' } }, { ...base, inReplyTo: 'z' }, { ...base, direction: 'reply' as const }, { ...base, wallet: 'SSW-1' }])
    assert.ok(!macMatches(other, tag));
});
