package com.scfledger.platform.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import org.hyperledger.fabric.client.identity.Identities;

/**
 * The TLS client certificate and key the API presents to every peer (SCF_CLIENT_TLS_CERT and
 * SCF_CLIENT_TLS_KEY): peers and orderers require mutual TLS, with a certificate issued by one of
 * the channel organisations' TLS CAs.
 */
public record ClientTls(Path certificate, Path privateKey) {

    /**
     * SHA-256 of the certificate's DER form. With mutual TLS, a peer's deliver service accepts a block
     * events request only when the signed request names the TLS certificate it came over.
     */
    byte[] certificateHash() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(Identities.readX509Certificate(Files.newBufferedReader(certificate)).getEncoded());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS client certificate " + certificate + ": " + e.getMessage(), e);
        }
    }
}
