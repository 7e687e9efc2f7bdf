import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { EnvelopeError, open, seal } from '../src/cms';
import { Pki } from './pki';

const pki = new Pki();
const recipient = pki.issue('gateway', true);
const key = createPrivateKey(recipient.key);

test('an envelope opens with the recipient key and fails when tampered', () => {
  const env = seal(Buffer.from('secret payload'), recipient.der);
  assert.equal(open(env, recipient.der, key).toString(), 'secret payload');
  const bad = Buffer.from(env);
  bad[bad.length - 20] ^= 1;
  assert.throws(() => open(bad, recipient.der, key), EnvelopeError);
  const other = pki.issue('merchant', true);
  assert.throws(() => open(env, other.der, createPrivateKey(other.key)), EnvelopeError);
});

test('openssl cms reads our AuthEnvelopedData, and we read its', () => {
  writeFileSync(pki.file('r.pem'), recipient.certificate);
  writeFileSync(pki.file('r.key'), recipient.key);
  writeFileSync(pki.file('ours.der'), seal(Buffer.from('from node'), recipient.der));
  const plain = execFileSync('openssl', ['cms', '-decrypt', '-inform', 'DER', '-in', pki.file('ours.der'), '-recip', pki.file('r.pem'), '-inkey', pki.file('r.key')]);
  assert.equal(plain.toString(), 'from node');
  writeFileSync(pki.file('plain'), 'from openssl');
  execFileSync('openssl', ['cms', '-encrypt', '-binary', '-aes-256-gcm', '-in', pki.file('plain'), '-outform', 'DER', '-out', pki.file('theirs.der'), '-recip', pki.file('r.pem'), '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256', '-keyopt', 'rsa_mgf1_md:sha256']);
  assert.equal(open(readFileSync(pki.file('theirs.der')), recipient.der, key).toString(), 'from openssl');
});
