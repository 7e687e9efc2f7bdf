// Session and user-port MACs (openapi.yaml SessionMacInput): lower-hex(HMAC-SHA256(login key, canonical
// SessionMacInput)[0..16]) over every field but mac, the body's SHA-256 and the MAC it answers.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalBytes } from './canon';
import { Fields, sortedKeys } from './headers';

export type Direction = 'request' | 'reply' | 'question' | 'answer';

export interface MacInput {
  key: Buffer;
  direction: Direction;
  wallet: string;
  login: string;
  kind: string;
  fields: Fields;
  body: Buffer;
  inReplyTo: string;
}

export function computeMac(input: MacInput): string {
  const names = sortedKeys(input.fields).filter((k) => k !== 'mac');
  const message = canonicalBytes({
    msg: 'SessionMac',
    direction: input.direction,
    wallet: input.wallet,
    login: input.login,
    kind: input.kind,
    'field-names': names,
    'field-values': names.map((k) => input.fields[k]),
    'body-digest': createHash('sha256').update(input.body).digest(),
    'in-reply-to': input.inReplyTo,
  });
  return createHmac('sha256', input.key).update(message).digest().subarray(0, 16).toString('hex');
}

export function macMatches(input: MacInput, tag: string | undefined): boolean {
  if (tag === undefined || !/^[0-9a-f]{32}$/.test(tag)) return false;
  return timingSafeEqual(Buffer.from(computeMac(input), 'hex'), Buffer.from(tag, 'hex'));
}
