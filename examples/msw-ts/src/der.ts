// A minimal DER reader and writer: enough for CMS AuthEnvelopedData (RFC 5083) and X.509 issuer/serial.

export interface Node {
  tag: number; // the whole identifier octet (class, constructed bit, number < 31)
  header: number; // length of tag + length octets
  content: Buffer;
  raw: Buffer; // tag, length and content
}

export class DerError extends Error {}

export function read(buf: Buffer, offset = 0): Node {
  if (offset + 2 > buf.length) throw new DerError('truncated');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers unsupported');
  let len = buf[offset + 1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || offset + 2 + n > buf.length) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
    header += n;
  }
  const end = offset + header + len;
  if (end > buf.length) throw new DerError('truncated');
  return { tag, header, content: buf.subarray(offset + header, end), raw: buf.subarray(offset, end) };
}

export function readAll(buf: Buffer): Node {
  const node = read(buf, 0);
  if (node.raw.length !== buf.length) throw new DerError('trailing bytes');
  return node;
}

export function children(node: Node): Node[] {
  const out: Node[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const child = read(node.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

export function expect(node: Node, tag: number, what: string): Node {
  if (node.tag !== tag) throw new DerError(`${what}: tag ${node.tag.toString(16)} where ${tag.toString(16)} expected`);
  return node;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
export const octets = (b: Buffer) => tlv(0x04, b);
export const nul = () => Buffer.from([0x05, 0x00]);
export const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);

export function int(n: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

export function intValue(node: Node): number {
  expect(node, 0x02, 'INTEGER');
  let v = 0;
  for (const b of node.content) v = v * 256 + b;
  return v;
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    let v = Math.floor(p / 128);
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

export function oidValue(node: Node): string {
  expect(node, 0x06, 'OID');
  const b = node.content;
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (const byte of b.subarray(1)) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}
