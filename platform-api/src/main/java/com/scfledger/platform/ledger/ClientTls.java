package com.scfledger.platform.ledger;

import java.nio.file.Path;

/**
 * The TLS client certificate and key the API presents to every peer (SCF_CLIENT_TLS_CERT and
 * SCF_CLIENT_TLS_KEY): peers and orderers require mutual TLS, with a certificate issued by one of
 * the channel organisations' TLS CAs.
 */
public record ClientTls(Path certificate, Path privateKey) {
}
