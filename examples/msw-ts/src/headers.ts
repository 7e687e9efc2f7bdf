// Header encoding (openapi.yaml "Header encoding"): RFC 3986 unreserved characters stay, every other UTF-8 byte is %XX
// upper-case; decoding is strict. X-MW-Fields is k=v&k=v, keys sorted by ordinal order, no key twice.

export class MalformedHeader extends Error {}

export type Fields = Record<string, string>;

export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9._~-]/.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function percentDecode(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) throw new MalformedHeader('raw character outside 0x20-0x7E');
    if (value[i] === '%') {
      const hex = value.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new MalformedHeader('% not followed by two hex digits');
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(bytes));
  } catch {
    throw new MalformedHeader('not UTF-8');
  }
}

export function sortedKeys(fields: Fields): string[] {
  return Object.keys(fields).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

export function encodeFields(fields: Fields): string {
  return sortedKeys(fields)
    .map((k) => percentEncode(k) + '=' + percentEncode(fields[k]))
    .join('&');
}

export function decodeFields(header: string): Fields {
  const fields: Fields = {};
  if (header === '') return fields;
  for (const pair of header.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new MalformedHeader('field without a name');
    const key = percentDecode(pair.slice(0, eq));
    if (key in fields) throw new MalformedHeader(`field ${key} twice`);
    fields[key] = percentDecode(pair.slice(eq + 1));
  }
  return fields;
}
