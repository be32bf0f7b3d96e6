// @vitest-environment node
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signEcdsa } from '../csr';
import { fromHex, integer, isLowS, oid, P256_ORDER, parseDerSignature, rawToLowSDer, toHex } from '../der';

const HALF = P256_ORDER >> 1n;
const hex32 = (n: bigint) => n.toString(16).padStart(64, '0');

describe('WebCrypto r‖s to DER with low S', () => {
  it('pads an r with its top bit set and turns the highest S (n − 1) into 1', () => {
    const r = `80${'00'.repeat(30)}01`;
    const der = rawToLowSDer(fromHex(r + hex32(P256_ORDER - 1n)));
    expect(toHex(der)).toBe(`3026022100${r}020101`);
  });

  it('drops leading zeros of r and maps S = n/2 + 1 to n/2, the highest low S', () => {
    const r = `0000${'7f'.repeat(30)}`;
    const der = rawToLowSDer(fromHex(r + hex32(HALF + 1n)));
    expect(toHex(der)).toBe(`3042021e${'7f'.repeat(30)}0220${hex32(HALF)}`);
    expect(parseDerSignature(der).s).toBe(HALF);
  });

  it('keeps a low S as it is', () => {
    const der = rawToLowSDer(fromHex(hex32(5n) + hex32(HALF)));
    expect(toHex(der)).toBe(`30250201050220${hex32(HALF)}`);
    expect(parseDerSignature(der)).toEqual({ r: 5n, s: HALF });
  });

  it('refuses anything but 64 bytes', () => {
    expect(() => rawToLowSDer(new Uint8Array(63))).toThrow(/64 bytes/);
  });

  it('signs with WebCrypto so that OpenSSL (node:crypto) verifies the DER, always low S', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', keys.publicKey));
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    for (let i = 0; i < 24; i++) {
      const message = new TextEncoder().encode(`proposal ${i}`);
      const der = await signEcdsa(keys.privateKey, message);
      expect(isLowS(parseDerSignature(der).s)).toBe(true);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
      expect(verify('sha256', new TextEncoder().encode(`altered ${i}`), { key: publicKey, dsaEncoding: 'der' }, der)).toBe(false);
    }
  });
});

describe('DER building blocks', () => {
  it('encodes object identifiers and integers as X.690 says', () => {
    expect(toHex(oid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(toHex(oid('2.5.4.3'))).toBe('0603550403');
    expect(toHex(integer(0))).toBe('020100');
    expect(toHex(integer(128))).toBe('02020080');
  });

  it('refuses a signature with bytes after S', () => {
    expect(() => parseDerSignature(fromHex('3006020101020101ff'))).toThrow();
  });
});
