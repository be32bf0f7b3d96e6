// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateRequest, enrollmentIdFor } from '../csr';
import { fromBase64, toHex } from '../der';

/** The elements of a DER SEQUENCE's contents: [tag, whole element, contents] each. */
function children(der: Uint8Array): { tag: number; element: Uint8Array; contents: Uint8Array }[] {
  const out = [];
  let at = 0;
  while (at < der.length) {
    const tag = der[at];
    let length = der[at + 1];
    let header = 2;
    if (length & 0x80) {
      const n = length & 0x7f;
      length = 0;
      for (let i = 0; i < n; i++) length = (length << 8) | der[at + 2 + i];
      header += n;
    }
    out.push({ tag, element: der.subarray(at, at + header + length), contents: der.subarray(at + header, at + header + length) });
    at += header + length;
  }
  return out;
}

const derOf = (pem: string) => fromBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));

describe('the PKCS#10 certificate request built in the browser', () => {
  it('holds the common name and the public key, and is signed by the key (ECDSA with SHA-256)', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const pem = await certificateRequest(keys, 'maker.e2e-k1');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n$/);
    const [request] = children(derOf(pem));
    const [info, algorithm, signature] = children(request.contents);
    const [version, subject, spki, attributes] = children(info.contents);
    expect(toHex(version.element)).toBe('020100');
    expect(new TextDecoder().decode(subject.element)).toContain('maker.e2e-k1');
    expect(toHex(spki.element)).toBe(toHex(new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey))));
    expect(toHex(attributes.element)).toBe('a000');
    expect(toHex(algorithm.element)).toBe('300a06082a8648ce3d040302');
    expect(signature.tag).toBe(0x03);
    const publicKey = createPublicKey({ key: Buffer.from(spki.element), format: 'der', type: 'spki' });
    expect(verify('sha256', info.element, { key: publicKey, dsaEncoding: 'der' }, signature.contents.subarray(1))).toBe(true);
  });

  it('is one that OpenSSL reads and verifies', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const pem = await certificateRequest(keys, 'checker.e2e-k2');
    let out: string;
    try {
      out = execFileSync('openssl', ['req', '-verify', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: pem, stdio: 'pipe' }).toString();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // no openssl here: the structural test above stands
      throw e;
    }
    expect(out).toContain('subject=CN=checker.e2e-k2');
  });
});

describe('the enrollment id of a new key', () => {
  it('is the user name in lower case with a suffix per key, within the CA pattern', () => {
    const id = enrollmentIdFor('Maker.ABC123', 1_700_000_000_000);
    expect(id).toBe(`maker.abc123-k${(1_700_000_000_000).toString(36)}`);
    expect(id).toMatch(/^[a-z0-9][a-z0-9._-]{2,63}$/);
    expect(enrollmentIdFor('__x@y', 0)).toMatch(/^[a-z0-9][a-z0-9._-]{2,63}$/);
  });
});
