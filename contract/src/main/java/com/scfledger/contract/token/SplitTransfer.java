package com.scfledger.contract.token;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.WireJson;

/**
 * SplitTransfer: the holder spends a token into outputs that sum exactly to its amount.
 *
 * @param outputs the new tokens, in order; the wire carries them as a JSON array
 */
public record SplitTransfer(String tokenId, List<SplitOutput> outputs) implements Submission {

    public SplitTransfer {
        outputs = List.copyOf(outputs);
    }

    @Override
    public Transaction transaction() {
        return Transaction.SPLIT_TRANSFER;
    }

    @Override
    public List<String> arguments() {
        return List.of(tokenId, WireJson.array(outputs, SplitOutput::toJson));
    }
}
