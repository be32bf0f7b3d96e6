package com.scfledger.platform.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyEncryptionKey base64 of the 32-byte AES key that encrypts ledger private keys at rest
 *                         (SCF_KEY_ENCRYPTION_KEY); required, never logged
 * @param keyFile          where the key is read from when {@code keyEncryptionKey} is not set
 *                         (SCF_KEY_FILE, default {@code .run/platform-api/key-encryption.key})
 * @param createKeyFile    create {@code keyFile} with a random key when it is missing (for local runs;
 *                         set SCF_CREATE_KEY_FILE=false in production so a missing key stops the start)
 * @param keyId            the name stored beside each ciphertext, for rotating the key later
 * @param ledgerRoles      the value of the {@code scf.role} certificate attribute for each enterprise role
 *                         (defaults to {@link #DEFAULT_LEDGER_ROLES})
 * @param caTimeout        how long a Fabric CA request may take
 * @param crlPublishCommand the command that puts an organisation's CRL on the channel after a revocation
 *                         (SCF_CRL_PUBLISH_COMMAND, {@code {org}} replaced by the organisation); empty: the
 *                         revocation stays at the CA until an operator publishes it (see {@link CrlPublisher})
 */
@ConfigurationProperties("scf.identity")
record IdentityProperties(
        String keyEncryptionKey,
        @DefaultValue(".run/platform-api/key-encryption.key") String keyFile,
        @DefaultValue("true") boolean createKeyFile,
        @DefaultValue("k1") String keyId,
        Map<String, String> ledgerRoles,
        @DefaultValue("PT15S") Duration caTimeout,
        String crlPublishCommand) {

    /** The chaincode's values: CORE, SUPPLIER, BANK for enterprises, PLATFORM_ADMIN for the platform operator. */
    static final Map<String, String> DEFAULT_LEDGER_ROLES = Map.of("PLATFORM", "PLATFORM_ADMIN", "CORE", "CORE",
            "SUPPLIER", "SUPPLIER", "BANK", "BANK");

    IdentityProperties {
        ledgerRoles = ledgerRoles == null || ledgerRoles.isEmpty() ? DEFAULT_LEDGER_ROLES : Map.copyOf(ledgerRoles);
    }

    @Override
    public String toString() {
        return "IdentityProperties[keyEncryptionKey=***, keyFile=" + keyFile + ", keyId=" + keyId + ", ledgerRoles=" + ledgerRoles
                + ", caTimeout=" + caTimeout + ", crlPublishCommand=" + crlPublishCommand + "]";
    }
}
