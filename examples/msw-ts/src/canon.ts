// Canonical JSON as openapi.yaml "Bodies: canonical JSON" states it: UTF-8, no whitespace, keys sorted by ordinal order,
// integers only, byte strings as padded base64, System.Text.Json's default escaping (non-ASCII and HTML-sensitive
// characters as \uXXXX). Parsing is strict: the bytes must be exactly the canonical re-encoding of what was parsed.

export type Canon = string | number | bigint | boolean | Buffer | Canon[] | { [key: string]: Canon };

export class MalformedMessage extends Error {
  constructor(public readonly cause: string) {
    super(cause);
  }
}

// The characters System.Text.Json's default encoder leaves as they are: printable ASCII but the HTML-sensitive ones.
const HTML_SENSITIVE = new Set(['"', '&', "'", '+', '<', '>', '`']);

function escapeString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e || HTML_SENSITIVE.has(ch)) {
      // Astral characters become their UTF-16 surrogate pair, each escaped.
      for (let i = 0; i < ch.length; i++) out += '\\u' + ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

function ordinal(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}

export function encode(value: Canon): string {
  // Byte strings are strings like any other: their base64 '+' is escaped too (\u002B).
  if (Buffer.isBuffer(value)) return escapeString(value.toString('base64'));
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON holds integers only, not ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '[' + value.map(encode).join(',') + ']';
  const keys = Object.keys(value).sort(ordinal);
  return '{' + keys.map((k) => escapeString(k) + ':' + encode(value[k])).join(',') + '}';
}

export function canonicalBytes(value: Canon): Buffer {
  return Buffer.from(encode(value), 'utf8');
}

export type Json = string | number | bigint | boolean | null | Json[] | { [key: string]: Json };

// JSON.parse would round int64 values beyond 2^53 (e.g. .NET ticks): integers that are not safe become bigint.
function parseJson(text: string): Json {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(`bad JSON at ${i}`);
  };
  const value = (): Json => {
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: Json } = {};
      if (text[i] === '}') return i++, obj;
      for (;;) {
        if (text[i] !== '"') fail();
        const key = str();
        if (text[i++] !== ':') fail();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail();
        obj[key] = value();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, obj;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value());
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, arr;
        else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 40));
    if (m) {
      i += m[0].length;
      if (m[2] || m[3]) return Number(m[0]);
      const n = Number(m[1]);
      return Number.isSafeInteger(n) ? n : BigInt(m[1]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) if (text.startsWith(word, i)) return (i += word.length), v;
    return fail();
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const v = value();
  if (i !== text.length) fail();
  return v;
}

// Parses a canonical message and checks its type tag; every other check is the caller's, per field.
export function parseCanonical(bytes: Buffer, msg: string): { [key: string]: Json } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MalformedMessage(`${msg}: not UTF-8`);
  }
  let value: Json;
  try {
    value = parseJson(text);
  } catch {
    throw new MalformedMessage(`${msg}: not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new MalformedMessage(`${msg}: not an object`);
  if (value['msg'] !== msg) throw new MalformedMessage(`${msg}: msg is not ${msg}`);
  let again: string;
  try {
    again = encode(value as Canon);
  } catch {
    throw new MalformedMessage(`${msg}: not canonical`);
  }
  if (again !== text) throw new MalformedMessage(`${msg}: not canonical`);
  return value as { [key: string]: Json };
}

// Field readers that name the field at fault.
export function text(obj: { [key: string]: Json }, key: string, allowEmpty = false): string {
  const v = obj[key];
  if (typeof v !== 'string' || (!allowEmpty && v.length === 0)) throw new MalformedMessage(`${String(obj['msg'])}.${key}: missing or not a string`);
  return v;
}

export function integer(obj: { [key: string]: Json }, key: string): number {
  const v = obj[key];
  if (typeof v === 'bigint') return Number(v); // only read where the magnitude does not matter (expiry)
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new MalformedMessage(`${String(obj['msg'])}.${key}: missing or not an integer`);
  return v;
}

export function bytes(obj: { [key: string]: Json }, key: string, length?: number): Buffer {
  const v = text(obj, key);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v)) throw new MalformedMessage(`${String(obj['msg'])}.${key}: not base64`);
  const b = Buffer.from(v, 'base64');
  if (length !== undefined && b.length !== length) throw new MalformedMessage(`${String(obj['msg'])}.${key}: not ${length} bytes`);
  return b;
}

export function strings(obj: { [key: string]: Json }, key: string): string[] {
  const v = obj[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new MalformedMessage(`${String(obj['msg'])}.${key}: missing or not a list of strings`);
  return v as string[];
}

export function chain(obj: { [key: string]: Json }, key: string): Buffer[] {
  return strings(obj, key).map((s) => Buffer.from(s, 'base64'));
}
