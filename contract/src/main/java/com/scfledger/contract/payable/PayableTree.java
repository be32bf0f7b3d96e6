package com.scfledger.contract.payable;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.token.Token;

/**
 * GetPayableTree's result.
 *
 * @param payable the payable
 * @param tokens  all its tokens, spent ones included, in token id order; parentId links them into the tree
 */
@JsonPropertyOrder(alphabetic = true)
public record PayableTree(Payable payable, List<Token> tokens) {

    public PayableTree {
        tokens = List.copyOf(tokens);
    }
}
