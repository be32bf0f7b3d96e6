package com.scfledger.contract.token;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/**
 * ListTokensByHolder: one page of the live tokens an enterprise holds, a {@link TokenPage}.
 *
 * @param pageSize 1 to {@link #MAX_PAGE_SIZE}
 * @param bookmark the previous page's bookmark; null or empty for the first page
 */
public record ListTokensByHolder(String holderId, int pageSize, String bookmark) implements Evaluation {

    /** The largest page the chaincode returns, to bound the work of one query. */
    public static final int MAX_PAGE_SIZE = 100;

    @Override
    public Transaction transaction() {
        return Transaction.LIST_TOKENS_BY_HOLDER;
    }

    @Override
    public List<String> arguments() {
        return List.of(holderId, Integer.toString(pageSize), bookmark == null ? "" : bookmark);
    }
}
