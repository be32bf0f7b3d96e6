package com.scfledger.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCustodyUnitTest {

    private static String randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final String base64Key = randomKey();
    private final KeyCustody custody = new KeyCustody(base64Key, "k1");

    @Test
    void roundTrip() {
        byte[] secret = "-----BEGIN PRIVATE KEY----- not really".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = custody.encrypt(secret, "ent|id");
        assertThat(sealed).hasSize(12 + secret.length + 16);
        assertThat(custody.decrypt(sealed, "ent|id")).isEqualTo(secret);
    }

    @Test
    void aFreshNonceEveryTime() {
        byte[] secret = {1, 2, 3};
        assertThat(custody.encrypt(secret, "a")).isNotEqualTo(custody.encrypt(secret, "a"));
    }

    @Test
    void theCiphertextIsBoundToItsRow() {
        byte[] sealed = custody.encrypt(new byte[] {9, 9, 9}, "scf-ledger-key|ENT-A|ent-a-1");
        assertThatThrownBy(() -> custody.decrypt(sealed, "scf-ledger-key|ENT-B|ent-a-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperingIsDetected() {
        byte[] sealed = custody.encrypt(new byte[] {1, 2, 3, 4}, "x");
        sealed[14] ^= 1;
        assertThatThrownBy(() -> custody.decrypt(sealed, "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] sealed = custody.encrypt(new byte[] {1}, "x");
        KeyCustody other = new KeyCustody(randomKey(), "k1");
        assertThatThrownBy(() -> other.decrypt(sealed, "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyNeverAppearsInToString() {
        assertThat(custody.toString()).doesNotContain(base64Key).contains("***");
        assertThat(new IdentityProperties(base64Key, "f", true, "k1", java.util.Map.of(), java.time.Duration.ofSeconds(1), null)
                .toString()).doesNotContain(base64Key);
    }

    @Test
    void aMissingOrMalformedKeyIsExplained() {
        assertThatThrownBy(() -> new KeyCustody(null, "k1")).hasMessageContaining("SCF_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new KeyCustody("not base64!", "k1")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new KeyCustody(Base64.getEncoder().encodeToString(new byte[16]), "k1"))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aKeyFileIsCreatedOnceWithOwnerOnlyPermissionsAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/key");
        KeyCustody first = KeyCustody.fromConfiguration(null, file, true, "k1");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] sealed = first.encrypt(new byte[] {7}, "x");
        KeyCustody second = KeyCustody.fromConfiguration("", file, true, "k1");
        assertThat(second.decrypt(sealed, "x")).containsExactly(7);
    }

    @Test
    void withoutCreationAMissingKeyFileStopsTheStart(@TempDir Path dir) {
        assertThatThrownBy(() -> KeyCustody.fromConfiguration(null, dir.resolve("none"), false, "k1"))
                .hasMessageContaining("SCF_KEY_ENCRYPTION_KEY");
    }
}
