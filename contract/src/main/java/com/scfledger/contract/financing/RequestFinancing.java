package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** RequestFinancing: the holder asks a bank to finance a token, which locks it for that bank. */
public record RequestFinancing(String financingId, String tokenId, String bankId, String applicationDocumentHash)
        implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.REQUEST_FINANCING;
    }

    @Override
    public List<String> arguments() {
        return List.of(financingId, tokenId, bankId, applicationDocumentHash);
    }
}
