package com.scfledger.chaincode.token;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.ErrorCode;
import com.scfledger.chaincode.ledger.Json;

/**
 * One output of a SplitTransfer: {@code {"recipient":"<enterpriseId>","amount":<minor units>}}. A remainder the
 * holder keeps is an explicit output to itself.
 */
public record SplitOutput(String recipient, long amount) {

    private static final TypeReference<List<SplitOutput>> LIST = new TypeReference<>() {
    };
    /** Parsing is bounded before the ledger's own max-outputs setting is even read. */
    private static final int MAX_JSON_LENGTH = 64 * 1024;

    public static List<SplitOutput> parseList(final String json) {
        if (json != null && json.length() > MAX_JSON_LENGTH) {
            throw ErrorCode.INVALID_ARGUMENT.exception("outputs is longer than " + MAX_JSON_LENGTH + " characters");
        }
        List<SplitOutput> outputs = Json.readArgument("outputs", json, LIST);
        if (outputs.isEmpty()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("outputs must list at least one output");
        }
        for (SplitOutput output : outputs) {
            if (output == null) {
                throw ErrorCode.INVALID_ARGUMENT.exception("outputs must not contain null");
            }
            Args.id("outputs[].recipient", output.recipient());
        }
        return List.copyOf(outputs);
    }
}
