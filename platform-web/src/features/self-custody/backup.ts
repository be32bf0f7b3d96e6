import { scryptAsync } from '@noble/hashes/scrypt.js';
import { fromBase64, toBase64 } from './der';

/**
 * The encrypted copy of a key, offered once, when the key is made (afterwards the browser holds it non-extractable):
 * its PKCS#8 under AES-256-GCM, with a key derived from the passphrase by scrypt (memory-hard, so each guess costs
 * 128 MiB and a second or so). Who it belongs to is bound in as associated data, so a file edited to claim another
 * user does not open.
 */
export interface KeyBackup {
  format: 'scf-ledger-key-backup';
  version: 1;
  enterpriseId: string;
  username: string;
  createdAt: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** base64 of the encrypted PKCS#8 */
  ciphertext: string;
}

/** scrypt at N = 2^17, r = 8, p = 1 (OWASP's recommendation for scrypt). Tests pass cheaper ones. */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE = 12;

export class BackupError extends Error {
  constructor(readonly reason: 'format' | 'passphrase') {
    super(reason === 'format' ? 'not a key backup of this platform' : 'the passphrase does not open this backup');
    this.name = 'BackupError';
  }
}

async function aesKey(passphrase: string, salt: Uint8Array, kdf: { N: number; r: number; p: number }) {
  const bytes = await scryptAsync(new TextEncoder().encode(passphrase.normalize('NFKC')), salt, { ...kdf, dkLen: 32 });
  return crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const associatedData = (b: Pick<KeyBackup, 'format' | 'version' | 'enterpriseId' | 'username'>) =>
  new TextEncoder().encode(`${b.format}|${b.version}|${b.enterpriseId}|${b.username}`);

export async function encryptBackup(pkcs8: Uint8Array, passphrase: string, owner: { enterpriseId: string; username: string },
  kdf = SCRYPT, now = new Date()): Promise<KeyBackup> {
  if (passphrase.length < MIN_PASSPHRASE) throw new Error(`the passphrase needs at least ${MIN_PASSPHRASE} characters`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = { format: 'scf-ledger-key-backup', version: 1, ...owner } as const;
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(header) },
    await aesKey(passphrase, salt, kdf), pkcs8 as BufferSource);
  return {
    ...header,
    createdAt: now.toISOString(),
    kdf: { name: 'scrypt', ...kdf, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

/** Reads a backup file's text; refuses anything that is not one (BackupError 'format'). */
export function parseBackup(text: string): KeyBackup {
  let b: KeyBackup;
  try {
    b = JSON.parse(text) as KeyBackup;
  } catch {
    throw new BackupError('format');
  }
  const ok = b && b.format === 'scf-ledger-key-backup' && b.version === 1 && typeof b.enterpriseId === 'string'
    && typeof b.username === 'string' && b.kdf?.name === 'scrypt' && Number.isInteger(b.kdf.N) && b.kdf.N >= 2 ** 10
    && b.kdf.N <= 2 ** 20 && Number.isInteger(b.kdf.r) && b.kdf.r >= 1 && b.kdf.r <= 32 && Number.isInteger(b.kdf.p)
    && b.kdf.p >= 1 && b.kdf.p <= 16 && typeof b.kdf.salt === 'string' && b.cipher?.name === 'AES-GCM'
    && typeof b.cipher.iv === 'string' && typeof b.ciphertext === 'string';
  if (!ok) throw new BackupError('format');
  return b;
}

/** The PKCS#8 inside a backup; a wrong passphrase (or an altered file) is BackupError 'passphrase'. */
export async function decryptBackup(backup: KeyBackup, passphrase: string): Promise<Uint8Array> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(backup.cipher.iv) as BufferSource, additionalData: associatedData(backup) },
      await aesKey(passphrase, fromBase64(backup.kdf.salt), backup.kdf),
      fromBase64(backup.ciphertext) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    throw new BackupError('passphrase');
  }
}
