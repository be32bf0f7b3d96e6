package com.scfledger.platform.ledger;

import java.util.Optional;

import com.scfledger.contract.Transaction;

/**
 * Where the write path learns whether an enterprise signs its own writes (implemented by the signing feature). For an
 * enterprise whose key the platform holds, nothing changes; for one that holds its own key, the client signs the
 * proposal and the transaction itself ({@link OfflineGateway}) and the write path gets the committed result.
 */
public interface SelfSignedWrites {

    /**
     * @return empty when the platform holds the enterprise's key (sign and submit as usual); the result when the
     *         client of this request already signed exactly this write and it committed
     * @throws RuntimeException an answer asking the client to sign, when it has not yet
     */
    Optional<LedgerResult> signedByClient(String enterpriseId, Transaction transaction, String[] wireArguments);

    /** Whether the enterprise holds its own key; false when the platform holds it. */
    default boolean signsOwnWrites(String enterpriseId) {
        return false;
    }

    /**
     * Whose identity reads the ledger for this enterprise: its own, unless the platform holds no key for it, when
     * the operator's (which reads every record) does.
     */
    default String readerFor(String enterpriseId) {
        return enterpriseId;
    }
}
