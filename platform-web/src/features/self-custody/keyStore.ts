import { toHex } from './der';

/**
 * The user's signing keys in this browser's IndexedDB, one per (enterprise, user). The private key is a
 * non-extractable CryptoKey: the browser stores it and signs with it, and no script (this one included) can read
 * it out again.
 */
export interface StoredKey {
  id: string;
  enterpriseId: string;
  username: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** SHA-256 (hex) of the public key's SubjectPublicKeyInfo: what the API's identities are matched by */
  publicKeyId: string;
  createdAt: string;
}

const DB = 'scf-ledger-keys';
const STORE = 'keys';

export const keyIdOf = (enterpriseId: string, username: string) => `${enterpriseId}/${username}`;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function loadKey(enterpriseId: string, username: string): Promise<StoredKey | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  return inStore<StoredKey | undefined>('readonly', (s) => s.get(keyIdOf(enterpriseId, username)));
}

export async function saveKey(key: StoredKey): Promise<void> {
  await inStore('readwrite', (s) => s.put(key));
}

export async function deleteKey(enterpriseId: string, username: string): Promise<void> {
  await inStore('readwrite', (s) => s.delete(keyIdOf(enterpriseId, username)));
}

export async function publicKeyIdOf(publicKey: CryptoKey): Promise<string> {
  const spki = await crypto.subtle.exportKey('spki', publicKey);
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)));
}

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * A new key, made extractable only so that its encrypted backup can be taken now: the PKCS#8 is handed to
 * {@code backup} and then dropped, and the key is imported again as non-extractable, which is the only handle kept.
 */
export async function createKey(enterpriseId: string, username: string,
  backup: (pkcs8: Uint8Array) => Promise<void>, now = new Date()): Promise<StoredKey> {
  const extractable = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', extractable.privateKey));
  try {
    await backup(pkcs8);
    return await importKey(pkcs8, enterpriseId, username, now);
  } finally {
    pkcs8.fill(0);
  }
}

/** A key from its PKCS#8 (a new key's, or a restored backup's), kept non-extractable. */
export async function importKey(pkcs8: Uint8Array, enterpriseId: string, username: string, now = new Date()): Promise<StoredKey> {
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, EC, false, ['sign']);
  // the public key from the private one: WebCrypto exports it as a JWK without d only from a public key, so the
  // private key is read once more through a short-lived extractable import of the same bytes
  const jwk = await crypto.subtle.exportKey('jwk', await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, EC, true, ['sign']));
  const publicKey = await crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }, EC, true, ['verify']);
  return {
    id: keyIdOf(enterpriseId, username),
    enterpriseId,
    username,
    privateKey,
    publicKey,
    publicKeyId: await publicKeyIdOf(publicKey),
    createdAt: now.toISOString(),
  };
}
