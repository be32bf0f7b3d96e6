/**
 * The little DER this feature needs: ECDSA signatures (WebCrypto's r‖s to the DER that Fabric verifies, with S in
 * the low half of the group order) and the few ASN.1 types of a PKCS#10 certificate request.
 */

/** The order n of the P-256 group. */
export const P256_ORDER = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');
const HALF_ORDER = P256_ORDER >> 1n;

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let l = length; l > 0; l >>= 8) bytes.unshift(l & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** One DER element: tag, length, contents. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = concat(...contents);
  return concat(Uint8Array.of(tag, ...lengthBytes(body.length)), body);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const sequence = (...items: Uint8Array[]) => tlv(0x30, ...items);
export const set = (...items: Uint8Array[]) => tlv(0x31, ...items);
export const utf8String = (text: string) => tlv(0x0c, new TextEncoder().encode(text));
export const bitString = (bytes: Uint8Array) => tlv(0x03, Uint8Array.of(0), bytes);

/** An OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const base128: number[] = [arc & 0x7f];
    for (let a = arc >>> 7; a > 0; a >>>= 7) base128.unshift(0x80 | (a & 0x7f));
    bytes.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** A non-negative INTEGER, minimally encoded (a leading zero only where the top bit is set). */
export function integer(value: bigint | number): Uint8Array {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = fromHex(hex);
  if (bytes[0] & 0x80) bytes = concat(Uint8Array.of(0), bytes);
  return tlv(0x02, bytes);
}

export function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length ? BigInt(`0x${toHex(bytes)}`) : 0n;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 || /[^0-9a-f]/i.test(clean)) throw new Error('not hex');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/**
 * WebCrypto's ECDSA P-256 signature (r‖s, 32 bytes each) as DER {@code SEQUENCE { INTEGER r, INTEGER s }}, with S
 * replaced by n − S when it is in the high half: both verify, but Fabric accepts only the low one.
 */
export function rawToLowSDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new Error(`a P-256 signature is 64 bytes, not ${raw.length}`);
  const r = toBigInt(raw.subarray(0, 32));
  let s = toBigInt(raw.subarray(32));
  if (s > HALF_ORDER) s = P256_ORDER - s;
  return sequence(integer(r), integer(s));
}

/** r and s of a DER ECDSA signature (strict: one sequence of two integers, nothing after). */
export function parseDerSignature(der: Uint8Array): { r: bigint; s: bigint } {
  const fail = () => {
    throw new Error('not a DER ECDSA signature');
  };
  if (der[0] !== 0x30 || der[1] !== der.length - 2) fail();
  const read = (at: number) => {
    if (der[at] !== 0x02) fail();
    const length = der[at + 1];
    if (!length || at + 2 + length > der.length) fail();
    return { value: toBigInt(der.subarray(at + 2, at + 2 + length)), next: at + 2 + length };
  };
  const r = read(2);
  const s = read(r.next);
  if (s.next !== der.length) fail();
  return { r: r.value, s: s.value };
}

export const isLowS = (s: bigint) => s > 0n && s <= HALF_ORDER;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function pem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
