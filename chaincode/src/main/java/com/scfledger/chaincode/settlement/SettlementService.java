package com.scfledger.chaincode.settlement;

import java.util.List;

import com.scfledger.chaincode.financing.CreditLimitService;
import com.scfledger.chaincode.financing.FinancingService;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.payable.PayableService;
import com.scfledger.chaincode.token.TokenStore;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

/**
 * The obligor paying what it owes, on or after maturity, token by token or the whole payable at once. The
 * payment itself happens off-chain; the reference ties the ledger to it. A payable becomes SETTLED when every
 * live token of it is.
 */
public final class SettlementService {

    public Token settleToken(final Invocation inv, final String tokenId, final String paymentReference) {
        Enterprise obligor = inv.caller().requireEnterprise();
        WorldState state = inv.state();
        Token token = TokenStore.require(state, tokenId);
        if (!obligor.id().equals(token.obligorId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the obligor " + token.obligorId() + " may settle token "
                    + tokenId);
        }
        if (!settleable(token)) {
            throw ScfException.of(ErrorCode.TOKEN_NOT_ACTIVE, "token " + tokenId + " is " + token.status()
                    + "; only ACTIVE and FINANCED tokens are settled");
        }
        requireMatured(inv, token);
        Token settled = settle(inv, token, paymentReference);

        // The written token is visible to the point reads below, so the check sees this settlement too.
        List<Token> tokens = TokenStore.ofPayable(state, token.obligorId(), token.payableId());
        boolean allSettled = tokens.stream()
                .filter(t -> t.status().live())
                .allMatch(t -> t.status() == TokenStatus.SETTLED);
        if (allSettled) {
            Payable payable = PayableService.require(state, token.obligorId(), token.payableId());
            state.put(payable.transition(PayableStatus.SETTLED, null, inv.timestamp(), inv.txId()));
        }
        return settled;
    }

    public Payable settlePayable(final Invocation inv, final String payableId, final String paymentReference) {
        Enterprise obligor = inv.caller().requireEnterprise();
        WorldState state = inv.state();
        // Keyed by the caller's own id: an enterprise can only ever name payables it owes.
        Payable payable = PayableService.require(state, obligor.id(), payableId);
        if (payable.status() != PayableStatus.ACCEPTED) {
            throw ScfException.of(ErrorCode.INVALID_STATE, "payable " + payableId + " is " + payable.status()
                    + ", not ACCEPTED");
        }
        if (inv.today().isBefore(payable.maturityDate())) {
            throw ScfException.of(ErrorCode.NOT_MATURED, "payable " + payableId + " matures on "
                    + payable.maturityDate());
        }
        List<Token> tokens = TokenStore.ofPayable(state, obligor.id(), payableId);
        for (Token token : tokens) {
            if (token.status().live() && token.status() != TokenStatus.SETTLED && !settleable(token)) {
                throw ScfException.of(ErrorCode.TOKEN_NOT_ACTIVE, "token " + token.id() + " is " + token.status()
                        + "; resolve it before settling the payable");
            }
        }
        for (Token token : tokens) {
            if (settleable(token)) {
                settle(inv, token, paymentReference);
            }
        }
        Payable settled = payable.transition(PayableStatus.SETTLED, paymentReference, inv.timestamp(), inv.txId());
        state.put(settled);
        return settled;
    }

    private static boolean settleable(final Token token) {
        return token.status() == TokenStatus.ACTIVE || token.status() == TokenStatus.FINANCED;
    }

    private static void requireMatured(final Invocation inv, final Token token) {
        if (inv.today().isBefore(token.maturityDate())) {
            throw ScfException.of(ErrorCode.NOT_MATURED, "token " + token.id() + " matures on " + token.maturityDate());
        }
    }

    /** Settling a financed token ends the bank's exposure: the consumed amount returns to its credit limit. */
    private static Token settle(final Invocation inv, final Token token, final String paymentReference) {
        if (token.status() == TokenStatus.FINANCED && token.financingId() != null) {
            CreditLimitService.releaseConsumed(inv, FinancingService.require(inv.state(), token.financingId()),
                    token.obligorId());
        }
        Token settled = token.transition(TokenStatus.SETTLED, inv.timestamp(),
                inv.txId()).withPaymentReference(paymentReference);
        TokenStore.save(inv.state(), token, settled);
        return settled;
    }
}
