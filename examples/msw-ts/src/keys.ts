// Keys and signed messages: ECDSA P-256 / SHA-256 (DER signatures) and X.509 chains (openapi.yaml "Signed messages").
import { createPrivateKey, createPublicKey, KeyObject, sign, verify, X509Certificate } from 'node:crypto';
import { Canon, canonicalBytes, chain as readChain, bytes, Json, MalformedMessage, parseCanonical } from './canon';

// A CardholderCredential's key is the bare P-256 scalar; the public point comes from its leaf certificate.
export function ecKeyFromScalar(scalar: Buffer, leafDer: Buffer): KeyObject {
  const pub = new X509Certificate(leafDer).publicKey.export({ format: 'jwk' });
  const d = Buffer.concat([Buffer.alloc(Math.max(0, 32 - scalar.length)), scalar]).subarray(-32);
  return createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y, d: d.toString('base64url') }, format: 'jwk' });
}

// Server identities: PKCS#8 DER, or the bare scalar for an EC signing key (the document names PKCS#8 for RSA only).
export function privateKey(bytesIn: Buffer, leafDer: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: bytesIn, format: 'der', type: 'pkcs8' });
  } catch {
    return ecKeyFromScalar(bytesIn, leafDer);
  }
}

export function ecdsaSign(data: Buffer, key: KeyObject): Buffer {
  return sign('sha256', data, { key, dsaEncoding: 'der' });
}

export class BadSignature extends Error {}

// Leaf first, root excluded: each certificate must be signed by the next, the last by the SET root (when known).
export function verifyChain(chainDer: Buffer[], rootDer: Buffer | undefined): X509Certificate {
  if (chainDer.length === 0) throw new BadSignature('empty chain');
  let certs: X509Certificate[];
  try {
    certs = chainDer.map((d) => new X509Certificate(d));
  } catch {
    throw new BadSignature('a certificate does not parse');
  }
  for (let i = 0; i + 1 < certs.length; i++) if (!certs[i].verify(certs[i + 1].publicKey)) throw new BadSignature('chain broken');
  if (rootDer) {
    const root = new X509Certificate(rootDer);
    if (!certs[certs.length - 1].verify(root.publicKey)) throw new BadSignature('chain not under the SET root');
  }
  return certs[0];
}

export function signMessage(msg: string, inner: Canon | Buffer, key: KeyObject, chainDer: Buffer[]): Buffer {
  const content = Buffer.isBuffer(inner) ? inner : canonicalBytes(inner);
  return canonicalBytes({ msg: `Signed/${msg}`, content, sig: ecdsaSign(content, key), chain: chainDer });
}

export interface Verified {
  content: Buffer;
  signer: X509Certificate;
  chain: Buffer[];
}

export function openSigned(body: Buffer, inner: string, rootDer: Buffer | undefined): Verified {
  const signed = parseCanonical(body, `Signed/${inner}`);
  const content = bytes(signed, 'content');
  const sig = bytes(signed, 'sig');
  const chainDer = readChain(signed, 'chain');
  const signer = verifyChain(chainDer, rootDer);
  if (!verify('sha256', content, { key: signer.publicKey, dsaEncoding: 'der' }, sig)) throw new BadSignature(`Signed/${inner}: bad signature`);
  return { content, signer, chain: chainDer };
}

export function parseInner(v: Verified, msg: string): { [key: string]: Json } {
  try {
    return parseCanonical(v.content, msg);
  } catch (e) {
    throw e instanceof MalformedMessage ? e : new MalformedMessage(`${msg}: unreadable`);
  }
}

export { createPublicKey };
