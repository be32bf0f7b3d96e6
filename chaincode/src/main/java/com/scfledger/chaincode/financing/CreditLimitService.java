package com.scfledger.chaincode.financing;

import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.policy.FourEyes;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.Approver;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.Financing;

/**
 * A bank's credit limits per obligor and currency, set by four eyes, and the exposure financing holds against them:
 * a request reserves, an approval consumes, rejection, cancellation and settlement release. Only the bank's own
 * identities set its limits; the figures are changed only by the financing transactions.
 */
public final class CreditLimitService {

    /**
     * The first call proposes a limit; a second, distinct identity of the bank confirming the same figure puts it in
     * force. A limit below the exposure already held is allowed (a bank may cut a limit): it admits no new request
     * until enough is released.
     */
    public CreditLimit set(final Invocation inv, final String obligorId, final String currency,
            final long limitMinor) {
        Caller caller = inv.caller();
        Enterprise bank = caller.requireEnterpriseRole(EnterpriseRole.BANK);
        Enterprise obligor = EnterpriseService.require(inv.state(), obligorId);
        if (obligor.role() != EnterpriseRole.CORE) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, obligorId + " is " + obligor.role()
                    + ", not CORE: only a core enterprise owes payables");
        }
        CreditLimit current = of(inv.state(), bank.id(), obligorId, currency);
        CreditLimit.Proposal waiting = current.proposal();
        Approver signer = caller.identity();
        boolean confirms = waiting != null && FourEyes.confirms(waiting.proposedBy(), limitTerms(waiting.limitMinor()),
                signer, limitTerms(limitMinor), "the credit limit of " + bank.id() + " for " + obligorId + " in "
                        + currency);
        CreditLimit next = confirms ? current.confirm(signer, inv.timestamp(), inv.txId())
                : current.propose(limitMinor, signer, inv.timestamp(), inv.txId());
        inv.state().put(next);
        return next;
    }

    /** Readable by the bank itself and by readers of everything. */
    public CreditLimit get(final Invocation inv, final String bankId, final String obligorId, final String currency) {
        Caller caller = inv.caller();
        if (!caller.readsEverything() && !caller.actsFor(bankId)) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "the credit limits of " + bankId
                    + " are not visible to this identity");
        }
        return of(inv.state(), bankId, obligorId, currency);
    }

    /** RequestFinancing: the face amount must fit beside everything already reserved and consumed. */
    static void reserve(final Invocation inv, final Financing financing, final String obligorId) {
        CreditLimit limit = of(inv.state(), financing.bankId(), obligorId, financing.currency());
        if (!limit.canReserve(financing.faceAmount())) {
            throw exceeded(limit, financing, "requesting");
        }
        inv.state().put(limit.reserve(financing.faceAmount(), inv.timestamp(), inv.txId()));
    }

    /** The approval: the reserved amount becomes consumed, if the limit (perhaps cut since) still takes it. */
    static void consume(final Invocation inv, final Financing financing, final String obligorId) {
        CreditLimit limit = of(inv.state(), financing.bankId(), obligorId, financing.currency());
        if (!limit.canConsume(financing.faceAmount())) {
            throw exceeded(limit, financing, "approving");
        }
        inv.state().put(limit.consume(financing.faceAmount(), inv.timestamp(), inv.txId()));
    }

    /** Rejection or cancellation of a REQUESTED financing. */
    static void releaseReserved(final Invocation inv, final Financing financing, final String obligorId) {
        CreditLimit limit = of(inv.state(), financing.bankId(), obligorId, financing.currency());
        inv.state().put(limit.releaseReserved(financing.faceAmount(), inv.timestamp(), inv.txId()));
    }

    /** Settlement of a token an APPROVED financing moved to the bank. */
    public static void releaseConsumed(final Invocation inv, final Financing financing, final String obligorId) {
        CreditLimit limit = of(inv.state(), financing.bankId(), obligorId, financing.currency());
        inv.state().put(limit.releaseConsumed(financing.faceAmount(), inv.timestamp(), inv.txId()));
    }

    /** The bank's limit for the obligor, or {@link CreditLimit#none} when it has set none. */
    public static CreditLimit of(final WorldState state, final String bankId, final String obligorId,
            final String currency) {
        return state.find(RecordKeys.creditLimit(bankId, obligorId, currency), CreditLimit.class)
                .orElseGet(() -> CreditLimit.none(bankId, obligorId, currency));
    }

    private static ScfException exceeded(final CreditLimit limit, final Financing financing, final String doing) {
        String where = "bank " + limit.bankId() + " for obligor " + limit.obligorId() + " in " + limit.currency();
        if (!limit.inForce()) {
            return ScfException.of(ErrorCode.LIMIT_EXCEEDED, "no credit limit is in force for " + where
                    + ": the bank sets one (SetCreditLimit, two identities) before financing against the obligor");
        }
        return ScfException.of(ErrorCode.LIMIT_EXCEEDED, doing + " financing " + financing.id() + " of "
                + financing.faceAmount() + " exceeds the credit limit of " + where + ": limit " + limit.limitMinor()
                + ", reserved " + limit.reservedMinor() + ", consumed " + limit.consumedMinor());
    }

    private static String limitTerms(final long limitMinor) {
        return "limit " + limitMinor;
    }
}
