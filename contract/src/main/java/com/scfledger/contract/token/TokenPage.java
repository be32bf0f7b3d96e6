package com.scfledger.contract.token;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * ListTokensByHolder's result: one page of the live tokens an enterprise holds, in token id order.
 *
 * @param tokens              the tokens on this page
 * @param fetchedRecordsCount how many
 * @param bookmark            pass it back for the next page; empty when this is the last
 */
@JsonPropertyOrder(alphabetic = true)
public record TokenPage(List<Token> tokens, int fetchedRecordsCount, String bookmark) {

    public TokenPage {
        tokens = List.copyOf(tokens);
    }
}
