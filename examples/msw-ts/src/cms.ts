// CMS ContentInfo of AuthEnvelopedData (RFC 5083) as openapi.yaml "Envelopes" states it: version 0, one
// KeyTransRecipientInfo (issuer and serial of the recipient's key-exchange certificate, RSA-OAEP SHA-256/MGF1-SHA-256),
// content type id-data, AES-256-GCM (RFC 5084: 12-byte nonce, 16-byte tag), no originator, no attributes.
import { constants, createCipheriv, createDecipheriv, KeyObject, publicEncrypt, privateDecrypt, randomBytes, X509Certificate } from 'node:crypto';
import * as der from './der';

const ID_AUTH_ENVELOPED = '1.2.840.113549.1.9.16.1.23';
const ID_DATA = '1.2.840.113549.1.7.1';
const RSAES_OAEP = '1.2.840.113549.1.1.7';
const SHA256 = '2.16.840.1.101.3.4.2.1';
const MGF1 = '1.2.840.113549.1.1.8';
const AES256_GCM = '2.16.840.1.101.3.4.1.46';

export class EnvelopeError extends Error {}

// The certificate's issuer Name (raw DER) and serial number (raw INTEGER), for IssuerAndSerialNumber.
export function issuerAndSerial(certDer: Buffer): Buffer {
  const cert = der.readAll(certDer);
  const tbs = der.children(cert)[0];
  const fields = der.children(tbs);
  const at = fields[0].tag === 0xa0 ? 1 : 0;
  return der.seq(fields[at + 2].raw, fields[at].raw);
}

const oaepParams = () => {
  // RFC 4055's sha256Identifier carries NULL parameters.
  const sha256 = der.seq(der.oid(SHA256), der.nul());
  return der.seq(der.explicit(0, sha256), der.explicit(1, der.seq(der.oid(MGF1), sha256)));
};

export function seal(plaintext: Buffer, recipientDer: Buffer): Buffer {
  const recipient = new X509Certificate(recipientDer);
  const cek = randomBytes(32);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cek, nonce, { authTagLength: 16 });
  const encrypted = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  const encryptedKey = publicEncrypt({ key: recipient.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, cek);
  const ktri = der.seq(der.int(0), issuerAndSerial(recipientDer), der.seq(der.oid(RSAES_OAEP), oaepParams()), der.octets(encryptedKey));
  const eci = der.seq(der.oid(ID_DATA), der.seq(der.oid(AES256_GCM), der.seq(der.octets(nonce), der.int(16))), der.tlv(0x80, encrypted));
  const aed = der.seq(der.int(0), der.set(ktri), eci, der.octets(tag));
  return der.seq(der.oid(ID_AUTH_ENVELOPED), der.explicit(0, aed));
}

export function open(envelope: Buffer, recipientDer: Buffer, key: KeyObject): Buffer {
  try {
    const ci = der.children(der.expect(der.readAll(envelope), 0x30, 'ContentInfo'));
    if (der.oidValue(ci[0]) !== ID_AUTH_ENVELOPED) throw new EnvelopeError('not AuthEnvelopedData');
    const aed = der.children(der.expect(der.children(der.expect(ci[1], 0xa0, 'content'))[0], 0x30, 'AuthEnvelopedData'));
    if (der.intValue(aed[0]) !== 0) throw new EnvelopeError('version is not 0');
    const recipients = der.children(der.expect(aed[1], 0x31, 'recipientInfos'));
    if (recipients.length !== 1) throw new EnvelopeError('not exactly one recipient');
    const ktri = der.children(der.expect(recipients[0], 0x30, 'KeyTransRecipientInfo'));
    if (!ktri[1].raw.equals(issuerAndSerial(recipientDer))) throw new EnvelopeError('for another recipient');
    if (der.oidValue(der.children(ktri[2])[0]) !== RSAES_OAEP) throw new EnvelopeError('not RSA-OAEP');
    const cek = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, der.expect(ktri[3], 0x04, 'encryptedKey').content);
    const eci = der.children(der.expect(aed[2], 0x30, 'EncryptedContentInfo'));
    const alg = der.children(eci[1]);
    if (der.oidValue(alg[0]) !== AES256_GCM) throw new EnvelopeError('not AES-256-GCM');
    const params = der.children(alg[1]);
    const nonce = der.expect(params[0], 0x04, 'nonce').content;
    const encrypted = der.expect(eci[2], 0x80, 'encryptedContent').content;
    const tag = der.expect(aed[aed.length - 1], 0x04, 'mac').content;
    const decipher = createDecipheriv('aes-256-gcm', cek, nonce, { authTagLength: tag.length });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch (e) {
    throw e instanceof EnvelopeError ? e : new EnvelopeError(`envelope does not open: ${(e as Error).message}`);
  }
}
