package com.scfledger.contract.token;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.WireJson;

/**
 * One output of a SplitTransfer: {@code {"amount":<minor units>,"recipient":"<enterpriseId>"}}. A remainder the
 * holder keeps is an explicit output to itself.
 */
@JsonPropertyOrder(alphabetic = true)
public record SplitOutput(String recipient, long amount) {

    /** The output as the chaincode reads it, keys in canonical order. */
    public String toJson() {
        return "{\"amount\":" + amount + ",\"recipient\":" + WireJson.string(recipient) + "}";
    }
}
