package com.scfledger.chaincode.financing;

import java.util.Optional;

import com.scfledger.chaincode.anchor.AnchorService;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.policy.ApprovalPolicyService;
import com.scfledger.chaincode.policy.FourEyes;
import com.scfledger.chaincode.token.TokenStore;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.Approver;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.financing.FinancingApproval;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

/**
 * Financing a token with a bank: the holder asks, which locks the token for that bank; the bank approves (the
 * token moves to it, FINANCED, with the terms recorded) or rejects; the holder may cancel while it is pending.
 * Rejection and cancellation unlock the token back to ACTIVE with its holder. Each step moves the exposure on the
 * bank's credit limit for the token's obligor ({@link CreditLimitService}): the request reserves the face amount,
 * the approval consumes it, rejection and cancellation release it.
 */
public final class FinancingService {

    public Financing request(final Invocation inv, final String financingId, final String tokenId,
            final String bankId, final String applicationDocumentHash) {
        WorldState state = inv.state();
        Enterprise applicant = inv.caller().requireEnterprise();
        if (state.exists(RecordKeys.financing(financingId))) {
            throw ScfException.of(ErrorCode.ALREADY_EXISTS, "financing " + financingId + " already exists");
        }
        Token token = TokenStore.require(state, tokenId);
        if (!applicant.id().equals(token.holderId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the holder of token " + tokenId
                    + " may ask to finance it");
        }
        if (token.status() != TokenStatus.ACTIVE) {
            throw ScfException.of(ErrorCode.TOKEN_NOT_ACTIVE, "token " + tokenId + " is " + token.status());
        }
        if (token.maturedBy(inv.today())) {
            throw ScfException.of(ErrorCode.MATURED, "token " + tokenId + " matured on " + token.maturityDate());
        }
        if (bankId.equals(applicant.id())) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, "an enterprise cannot finance its own token");
        }
        Enterprise bank = EnterpriseService.requireActiveCounterparty(state, bankId, "bank");
        if (bank.role() != EnterpriseRole.BANK) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, bankId + " is " + bank.role() + ", not BANK");
        }

        Financing financing = new Financing(financingId, tokenId, bankId, applicant.id(), token.amount(),
                token.currency(), token.maturityDate(), applicationDocumentHash, Financing.ACT_360,
                FinancingStatus.REQUESTED, null, null, null, null, null, inv.timestamp(), inv.txId(),
                inv.timestamp(), inv.txId());
        CreditLimitService.reserve(inv, financing, token.obligorId());
        state.put(financing);
        Token locked = token.transition(TokenStatus.FINANCING_PENDING, inv.timestamp(), inv.txId());
        TokenStore.save(state, token, locked.withFinancing(financingId));
        AnchorService.anchor(inv, Anchor.FINANCING_APPLICATION, financingId, applicationDocumentHash);
        return financing;
    }

    /**
     * The named bank approves at a rate; the token moves to the bank, FINANCED. Above the bank's four-eyes
     * threshold the first call only records the proposal (the financing stays REQUESTED) and a second, distinct
     * identity of the bank confirms the same rate; at or below it this one call approves. Both signers are kept in
     * the financing's approval record ({@code financingApproval:<id>}).
     */
    public Financing approve(final Invocation inv, final String financingId, final int annualRateBps) {
        Locked locked = lockedForBank(inv, financingId);
        Financing financing = locked.financing();
        Approver signer = inv.caller().identity();
        ApprovalPolicy policy = ApprovalPolicyService.of(inv.state(), financing.bankId());
        Optional<FinancingApproval> proposal = inv.state().find(RecordKeys.financingApproval(financingId),
                FinancingApproval.class);
        FinancingApproval approval;
        if (policy.needsFourEyes(financing.faceAmount())) {
            boolean confirms = proposal.isPresent() && FourEyes.confirms(proposal.get().proposedBy(),
                    rateTerms(proposal.get().annualRateBps()), signer, rateTerms(annualRateBps),
                    "the approval of financing " + financingId);
            if (!confirms) {
                inv.state().put(new FinancingApproval(financingId, financing.bankId(), financing.faceAmount(),
                        annualRateBps, policy.fourEyesThresholdMinor(), signer, inv.timestamp(), inv.txId(), null,
                        null, null));
                return financing;
            }
            approval = proposal.get().confirm(signer, inv.timestamp(), inv.txId());
        } else {
            approval = new FinancingApproval(financingId, financing.bankId(), financing.faceAmount(), annualRateBps,
                    policy.fourEyesThresholdMinor(), signer, inv.timestamp(), inv.txId(), signer, inv.timestamp(),
                    inv.txId());
        }
        inv.state().put(approval);
        DiscountTerms terms = DiscountTerms.act360(financing.faceAmount(), annualRateBps, inv.today(),
                financing.maturityDate());
        CreditLimitService.consume(inv, financing, locked.token().obligorId());
        Financing approved = terms.applyTo(financing.transition(FinancingStatus.APPROVED, inv.timestamp(), inv.txId()));
        inv.state().put(approved);
        Token token = locked.token();
        Token financed = token.transition(TokenStatus.FINANCED, inv.timestamp(), inv.txId());
        TokenStore.save(inv.state(), token, financed.withHolder(financing.bankId()));
        return approved;
    }

    /** Who proposed and who confirmed the financing's approval; visible to whoever sees the financing. */
    public FinancingApproval approval(final Invocation inv, final String financingId) {
        get(inv, financingId);
        return inv.state().require(RecordKeys.financingApproval(financingId), FinancingApproval.class,
                "approval of financing " + financingId);
    }

    private static String rateTerms(final int annualRateBps) {
        return annualRateBps + " bps";
    }

    public Financing reject(final Invocation inv, final String financingId) {
        Locked locked = lockedForBank(inv, financingId);
        return unlock(inv, locked, FinancingStatus.REJECTED);
    }

    public Financing cancel(final Invocation inv, final String financingId) {
        Enterprise caller = inv.caller().requireEnterprise();
        Financing financing = require(inv.state(), financingId);
        if (!caller.id().equals(financing.applicantId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the applicant may cancel financing " + financingId);
        }
        return unlock(inv, pending(inv, financing), FinancingStatus.CANCELLED);
    }

    /** Readable by its applicant and bank, and by readers of everything. */
    public Financing get(final Invocation inv, final String financingId) {
        Financing financing = require(inv.state(), financingId);
        Caller caller = inv.caller();
        if (!caller.readsEverything() && !caller.actsFor(financing.applicantId())
                && !caller.actsFor(financing.bankId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "financing " + financingId
                    + " is not visible to this identity");
        }
        return financing;
    }

    private static Financing unlock(final Invocation inv, final Locked locked, final FinancingStatus outcome) {
        Financing closed = locked.financing().transition(outcome, inv.timestamp(), inv.txId());
        inv.state().put(closed);
        Token token = locked.token();
        CreditLimitService.releaseReserved(inv, closed, token.obligorId());
        Token unlocked = token.transition(TokenStatus.ACTIVE, inv.timestamp(), inv.txId());
        TokenStore.save(inv.state(), token, unlocked.withFinancing(null));
        return closed;
    }

    private static Locked lockedForBank(final Invocation inv, final String financingId) {
        Enterprise caller = inv.caller().requireEnterprise();
        Financing financing = require(inv.state(), financingId);
        if (!caller.id().equals(financing.bankId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only bank " + financing.bankId() + " may decide financing "
                    + financingId);
        }
        return pending(inv, financing);
    }

    private static Locked pending(final Invocation inv, final Financing financing) {
        if (financing.status() != FinancingStatus.REQUESTED) {
            throw ScfException.of(ErrorCode.INVALID_STATE, "financing " + financing.id() + " is " + financing.status()
                    + ", not REQUESTED");
        }
        Token token = TokenStore.require(inv.state(), financing.tokenId());
        // The request locked the token and nothing else can unlock it, so this holds unless the ledger is damaged.
        if (token.status() != TokenStatus.FINANCING_PENDING || !financing.id().equals(token.financingId())) {
            throw ScfException.of(ErrorCode.TOKEN_NOT_ACTIVE, "token " + token.id() + " is " + token.status()
                    + " and not locked for financing " + financing.id());
        }
        return new Locked(financing, token);
    }

    public static Financing require(final WorldState state, final String financingId) {
        return state.require(RecordKeys.financing(financingId), Financing.class, "financing " + financingId);
    }

    private record Locked(Financing financing, Token token) {
    }
}
