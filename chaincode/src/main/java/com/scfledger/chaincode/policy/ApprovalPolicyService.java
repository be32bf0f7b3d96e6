package com.scfledger.chaincode.policy;

import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.Approver;

/**
 * A bank's approval policy, changed by four eyes: one identity of the bank proposes a threshold, a second one
 * confirms the same threshold, and only then does it apply.
 */
public final class ApprovalPolicyService {

    public ApprovalPolicy set(final Invocation inv, final long fourEyesThresholdMinor) {
        Caller caller = inv.caller();
        Enterprise bank = caller.requireEnterpriseRole(EnterpriseRole.BANK);
        ApprovalPolicy current = of(inv.state(), bank.id());
        ApprovalPolicy.Proposal waiting = current.proposal();
        Approver signer = caller.identity();
        boolean confirms = waiting != null && FourEyes.confirms(waiting.proposedBy(),
                thresholdTerms(waiting.fourEyesThresholdMinor()), signer, thresholdTerms(fourEyesThresholdMinor),
                "the approval policy of " + bank.id());
        ApprovalPolicy next = confirms
                ? new ApprovalPolicy(bank.id(), fourEyesThresholdMinor, null, waiting.proposedBy(), signer,
                        inv.timestamp(), inv.txId())
                : new ApprovalPolicy(bank.id(), current.fourEyesThresholdMinor(),
                        new ApprovalPolicy.Proposal(fourEyesThresholdMinor, signer, inv.timestamp(), inv.txId()),
                        current.proposedBy(), current.confirmedBy(), inv.timestamp(), inv.txId());
        inv.state().put(next);
        return next;
    }

    /** Readable by the bank itself and by readers of everything. */
    public ApprovalPolicy get(final Invocation inv, final String bankId) {
        Caller caller = inv.caller();
        if (!caller.readsEverything() && !caller.actsFor(bankId)) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "the approval policy of " + bankId
                    + " is not visible to this identity");
        }
        return of(inv.state(), bankId);
    }

    /** The bank's policy, or the default (every approval needs two identities) when it has recorded none. */
    public static ApprovalPolicy of(final WorldState state, final String bankId) {
        return state.find(RecordKeys.approvalPolicy(bankId), ApprovalPolicy.class)
                .orElseGet(() -> ApprovalPolicy.defaultFor(bankId));
    }

    private static String thresholdTerms(final long threshold) {
        return "threshold " + threshold;
    }
}
