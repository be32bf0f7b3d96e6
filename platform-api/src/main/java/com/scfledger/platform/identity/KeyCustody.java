package com.scfledger.platform.identity;

import java.nio.ByteBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM custody of ledger private keys. Each ciphertext is {@code nonce(12) || ciphertext ||
 * tag(16)} with a fresh random nonce, and is bound by associated data to the row it belongs to (an
 * encrypted key copied to another enterprise's row does not decrypt). The key comes from
 * configuration and appears in no log or toString.
 */
final class KeyCustody {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    KeyCustody(String base64Key, String keyId) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("scf.identity.key-encryption-key (SCF_KEY_ENCRYPTION_KEY) is not set: it must be "
                    + "the base64 of 32 random bytes, e.g. from `openssl rand -base64 32`");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("scf.identity.key-encryption-key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("scf.identity.key-encryption-key must decode to 32 bytes (AES-256), not "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
        this.keyId = keyId;
    }

    /**
     * The key from configuration: the base64 value if given, else the key file; a missing file is
     * created with a fresh random key (mode 0600) only when {@code create} is true.
     */
    static KeyCustody fromConfiguration(String base64Key, Path keyFile, boolean create, String keyId) {
        if (base64Key != null && !base64Key.isBlank()) {
            return new KeyCustody(base64Key, keyId);
        }
        try {
            if (!Files.isRegularFile(keyFile)) {
                if (!create) {
                    return new KeyCustody(null, keyId); // throws the explanation
                }
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                Path tmp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "key", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(raw) + "\n");
                Arrays.fill(raw, (byte) 0);
                try {
                    Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(tmp); // another instance created it first
                }
            }
            return new KeyCustody(Files.readString(keyFile).trim(), keyId);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    String keyId() {
        return keyId;
    }

    byte[] encrypt(byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    byte[] decrypt(byte[] sealed, String associatedData) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("ciphertext too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: wrong key, or the ciphertext or its binding was altered");
        }
    }

    @Override
    public String toString() {
        return "KeyCustody[keyId=" + keyId + ", key=***]";
    }
}
