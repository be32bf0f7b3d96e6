// @vitest-environment node
import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupError, decryptBackup, encryptBackup, parseBackup } from '../backup';
import { signEcdsa } from '../csr';
import { importKey } from '../keyStore';

// a cheap scrypt for the test; the app uses N = 2^17
const KDF = { N: 2 ** 10, r: 8, p: 1 };
const owner = { enterpriseId: 'BANK-1', username: 'maker.one' };
const PASSPHRASE = 'correct horse battery staple';

async function newPkcs8() {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  return { keys, pkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

describe('the encrypted key backup', () => {
  it('round-trips: the restored key is non-extractable and signs as the original', async () => {
    const { keys, pkcs8 } = await newPkcs8();
    const file = JSON.stringify(await encryptBackup(pkcs8, PASSPHRASE, owner, KDF));
    expect(file).not.toContain(Buffer.from(pkcs8).toString('base64'));
    const backup = parseBackup(file);
    expect(backup).toMatchObject({ format: 'scf-ledger-key-backup', version: 1, ...owner, kdf: { name: 'scrypt', ...KDF } });
    const restored = await decryptBackup(backup, PASSPHRASE);
    expect(Array.from(restored)).toEqual(Array.from(pkcs8));
    const key = await importKey(restored, owner.enterpriseId, owner.username);
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
    const message = new TextEncoder().encode('transaction');
    const der = await signEcdsa(key.privateKey, message);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', keys.publicKey));
    expect(verify('sha256', message, { key: createPublicKey({ key: spki, format: 'der', type: 'spki' }), dsaEncoding: 'der' }, der)).toBe(true);
    expect(key.publicKeyId).toBe(createHash('sha256').update(spki).digest('hex'));
  });

  it('does not open with a wrong passphrase, nor when the file claims another owner', async () => {
    const { pkcs8 } = await newPkcs8();
    const backup = await encryptBackup(pkcs8, PASSPHRASE, owner, KDF);
    await expect(decryptBackup(backup, 'correct horse battery stapler')).rejects.toEqual(new BackupError('passphrase'));
    await expect(decryptBackup({ ...backup, username: 'checker.two' }, PASSPHRASE)).rejects.toBeInstanceOf(BackupError);
  });

  it('refuses short passphrases and files that are not backups', async () => {
    const { pkcs8 } = await newPkcs8();
    await expect(encryptBackup(pkcs8, 'short', owner, KDF)).rejects.toThrow(/12 characters/);
    expect(() => parseBackup('not json')).toThrow(BackupError);
    expect(() => parseBackup(JSON.stringify({ format: 'scf-ledger-key-backup', version: 1 }))).toThrow(BackupError);
    const huge = { ...(await encryptBackup(pkcs8, PASSPHRASE, owner, KDF)), kdf: { name: 'scrypt', N: 2 ** 30, r: 8, p: 1, salt: 'AA==' } };
    expect(() => parseBackup(JSON.stringify(huge))).toThrow(BackupError);
  });
});
