package com.scfledger.platform.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyEncryptionKey base64 of the 32-byte AES key that encrypts ledger private keys at rest
 *                         (SCF_KEY_ENCRYPTION_KEY); required, never logged
 * @param keyId            the name stored beside each ciphertext, for rotating the key later
 * @param ledgerRoles      the value of the {@code scf.role} certificate attribute for each enterprise role
 * @param caTimeout        how long a Fabric CA request may take
 */
@ConfigurationProperties("scf.identity")
record IdentityProperties(
        String keyEncryptionKey,
        @DefaultValue("k1") String keyId,
        @DefaultValue({"PLATFORM=PLATFORM_ADMIN", "CORE=CORE", "SUPPLIER=SUPPLIER", "BANK=BANK"}) Map<String, String> ledgerRoles,
        @DefaultValue("PT15S") Duration caTimeout) {

    @Override
    public String toString() {
        return "IdentityProperties[keyEncryptionKey=***, keyId=" + keyId + ", ledgerRoles=" + ledgerRoles
                + ", caTimeout=" + caTimeout + "]";
    }
}
