package com.scfledger.contract.enterprise;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetEnterprise: one enterprise of the registry, an {@link Enterprise}. */
public record GetEnterprise(String enterpriseId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_ENTERPRISE;
    }

    @Override
    public List<String> arguments() {
        return List.of(enterpriseId);
    }
}
