package com.scfledger.platform.token;

import java.time.Instant;
import java.util.List;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.ledger.TransactionSigner;
import com.scfledger.platform.security.ScfPrincipal;
import org.springframework.stereotype.Service;

/**
 * A token's history from the ledger itself (GetHistory over its key), not from the read model: every version, newest
 * first, with the transaction that wrote it and who signed that transaction. Readable by whoever may see the token
 * (its parties and auditors); anyone else is answered as for a token that does not exist.
 */
@Service
class TokenHistory {

    /**
     * One version of the token.
     *
     * @param transactionId the transaction that wrote it
     * @param timestamp     that transaction's timestamp
     * @param signer        who signed that transaction
     * @param deleted       whether the transaction deleted the token (then {@code state} is null)
     * @param state         the token as that transaction left it
     */
    record Entry(String transactionId, Instant timestamp, TransactionSigner signer, boolean deleted, TokenView state) {
    }

    private final TokenReads reads;
    private final ScfLedger ledger;

    TokenHistory(TokenReads reads, ScfLedger ledger) {
        this.reads = reads;
        this.ledger = ledger;
    }

    /**
     * @throws com.scfledger.platform.domain.NotFound when the token does not exist or the caller may not see it
     */
    List<Entry> of(String tokenId, ScfPrincipal caller) {
        reads.requireVisible(tokenId, caller);
        try {
            return ledger.getTokenHistory(reads.ledgerReader(caller), tokenId).stream()
                    .map(v -> new Entry(v.version().txId(), v.version().timestamp(), v.signer(), v.version().deleted(),
                            v.version().value() == null ? null : TokenView.fromLedger(v.version().value())))
                    .toList();
        } catch (LedgerRefusal refusal) {
            // The chaincode's read rule is the same as the read model's; a refusal here means the projection is behind.
            if (refusal.is(ErrorCode.NOT_FOUND, ErrorCode.UNAUTHORIZED)) {
                throw TokenReads.notFound(tokenId);
            }
            throw refusal;
        }
    }
}
