package com.scfledger.platform.ledger;

import java.util.function.Consumer;

import com.scfledger.platform.problem.ApiProblem;

/** Assertions on what the API answers to a ledger failure, through the one mapping the problem handler uses. */
final class Answers {

    private Answers() {
    }

    static Consumer<LedgerFailure> answered(Consumer<ApiProblem> check) {
        return failure -> check.accept(ApiProblem.from(failure));
    }
}
