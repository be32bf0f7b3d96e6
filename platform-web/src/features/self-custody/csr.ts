import { bitString, integer, oid, pem, rawToLowSDer, sequence, set, tlv, utf8String } from './der';

const COMMON_NAME = '2.5.4.3';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/**
 * A PKCS#10 certificate request (RFC 2986) for a P-256 key, signed by that key: the subject is only the common name,
 * which the API takes as the enrollment id at the organisation's Fabric CA. The private key stays in the browser;
 * it is used here only through WebCrypto, so it may be non-extractable.
 */
export async function certificateRequest(keys: CryptoKeyPair, commonName: string): Promise<string> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const subject = sequence(set(sequence(oid(COMMON_NAME), utf8String(commonName))));
  // version 0, subject, the public key, and no attributes ([0] IMPLICIT SET OF Attribute, empty)
  const info = sequence(integer(0), subject, spki, tlv(0xa0));
  const signature = await signEcdsa(keys.privateKey, info);
  return pem('CERTIFICATE REQUEST', sequence(info, sequence(oid(ECDSA_WITH_SHA256)), bitString(signature)));
}

/** ECDSA P-256 over SHA-256 of the bytes, as low-S DER (what the peers and the API verify). */
export async function signEcdsa(privateKey: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  const raw = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, bytes as BufferSource);
  return rawToLowSDer(new Uint8Array(raw));
}

/** The enrollment id for a user's new key: lower case, unique per key, within the CA's pattern. */
export function enrollmentIdFor(username: string, now = Date.now()): string {
  const base = username.toLowerCase().replace(/[^a-z0-9._-]/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 50);
  return `${base || 'user'}-k${now.toString(36)}`;
}
