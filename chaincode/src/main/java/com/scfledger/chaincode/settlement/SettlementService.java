package com.scfledger.chaincode.settlement;

import java.util.List;

import com.scfledger.chaincode.enterprise.Enterprise;
import com.scfledger.chaincode.ledger.ErrorCode;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.payable.Payable;
import com.scfledger.chaincode.payable.PayableService;
import com.scfledger.chaincode.payable.PayableStatus;
import com.scfledger.chaincode.token.Token;
import com.scfledger.chaincode.token.TokenStatus;
import com.scfledger.chaincode.token.TokenStore;

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
            throw ErrorCode.UNAUTHORIZED.exception("only the obligor " + token.obligorId() + " may settle token "
                    + tokenId);
        }
        if (!settleable(token)) {
            throw ErrorCode.TOKEN_NOT_ACTIVE.exception("token " + tokenId + " is " + token.status()
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
            state.put(payable.transition(PayableStatus.SETTLED, null, inv));
        }
        return settled;
    }

    public Payable settlePayable(final Invocation inv, final String payableId, final String paymentReference) {
        Enterprise obligor = inv.caller().requireEnterprise();
        WorldState state = inv.state();
        // Keyed by the caller's own id: an enterprise can only ever name payables it owes.
        Payable payable = PayableService.require(state, obligor.id(), payableId);
        if (payable.status() != PayableStatus.ACCEPTED) {
            throw ErrorCode.INVALID_STATE.exception("payable " + payableId + " is " + payable.status()
                    + ", not ACCEPTED");
        }
        if (inv.today().isBefore(payable.maturityDate())) {
            throw ErrorCode.NOT_MATURED.exception("payable " + payableId + " matures on " + payable.maturityDate());
        }
        List<Token> tokens = TokenStore.ofPayable(state, obligor.id(), payableId);
        for (Token token : tokens) {
            if (token.status().live() && token.status() != TokenStatus.SETTLED && !settleable(token)) {
                throw ErrorCode.TOKEN_NOT_ACTIVE.exception("token " + token.id() + " is " + token.status()
                        + "; resolve it before settling the payable");
            }
        }
        for (Token token : tokens) {
            if (settleable(token)) {
                settle(inv, token, paymentReference);
            }
        }
        Payable settled = payable.transition(PayableStatus.SETTLED, paymentReference, inv);
        state.put(settled);
        return settled;
    }

    private static boolean settleable(final Token token) {
        return token.status() == TokenStatus.ACTIVE || token.status() == TokenStatus.FINANCED;
    }

    private static void requireMatured(final Invocation inv, final Token token) {
        if (inv.today().isBefore(token.maturityDate())) {
            throw ErrorCode.NOT_MATURED.exception("token " + token.id() + " matures on " + token.maturityDate());
        }
    }

    private static Token settle(final Invocation inv, final Token token, final String paymentReference) {
        Token settled = token.transition(TokenStatus.SETTLED, inv).withPaymentReference(paymentReference);
        TokenStore.save(inv.state(), token, settled);
        return settled;
    }
}
