package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * ApproveFinancing: the bank approves at a rate; the token moves to it, FINANCED. Above the bank's four-eyes
 * threshold ({@link ApprovalPolicy}) the first call proposes the rate and a second call by another identity of the
 * bank confirms it; only the confirmation approves.
 *
 * @param annualRateBps 0 to {@link #MAX_RATE_BPS} basis points
 */
public record ApproveFinancing(String financingId, int annualRateBps) implements Submission {

    /** The highest annual rate a bank may approve: 100%. */
    public static final int MAX_RATE_BPS = 10_000;

    @Override
    public Transaction transaction() {
        return Transaction.APPROVE_FINANCING;
    }

    @Override
    public List<String> arguments() {
        return List.of(financingId, Integer.toString(annualRateBps));
    }
}
