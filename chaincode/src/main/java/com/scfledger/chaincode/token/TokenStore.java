package com.scfledger.chaincode.token;

import java.util.ArrayList;
import java.util.List;

import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.token.Token;

/**
 * Tokens and their two indexes. Every token write goes through {@link #save}, which keeps the indexes in step:
 * the payable index lists every token ever created for a payable (its tree); the holder index lists each live
 * token (not spent, not rejected) under its current holder.
 *
 * <p>Splits never touch the payable record itself, so concurrent splits of different tokens of one payable do not
 * conflict with each other at validation.
 */
public final class TokenStore {

    private TokenStore() {
    }

    public static Token require(final WorldState state, final String tokenId) {
        return state.require(RecordKeys.token(tokenId), Token.class, "token " + tokenId);
    }

    /** Writes a new or changed token; {@code before} is null for a new one. */
    public static void save(final WorldState state, final Token before, final Token after) {
        state.put(after);
        if (before == null) {
            state.addIndex(Keys.payableIndex(after.obligorId(), after.payableId(), after.id()));
        }
        boolean wasListed = before != null && before.status().live();
        boolean isListed = after.status().live();
        boolean holderChanged = before != null && !before.holderId().equals(after.holderId());
        if (wasListed && (!isListed || holderChanged)) {
            state.removeIndex(Keys.holderIndex(before.holderId(), before.id()));
        }
        if (isListed && (!wasListed || holderChanged)) {
            state.addIndex(Keys.holderIndex(after.holderId(), after.id()));
        }
    }

    /** Every token of a payable, in id order, as this transaction sees them. */
    public static List<Token> ofPayable(final WorldState state, final String obligorId, final String payableId) {
        List<Token> tokens = new ArrayList<>();
        for (String tokenId : state.indexedIds(Keys.payableIndexPrefix(obligorId, payableId))) {
            tokens.add(require(state, tokenId));
        }
        return tokens;
    }

    /**
     * Whether the caller may read the token: readers of everything, its holder, its obligor, and the bank and
     * applicant of the financing that locks or financed it.
     */
    public static boolean readableBy(final Invocation inv, final Token token) {
        Caller caller = inv.caller();
        if (caller.readsEverything() || caller.actsFor(token.holderId()) || caller.actsFor(token.obligorId())) {
            return true;
        }
        if (token.financingId() == null || caller.enterpriseId() == null) {
            return false;
        }
        return inv.state().find(RecordKeys.financing(token.financingId()), Financing.class)
                .map(f -> caller.actsFor(f.bankId()) || caller.actsFor(f.applicantId()))
                .orElse(false);
    }

    /** Whether the caller is the bank of the financing that locks or financed the token. */
    public static boolean financedBy(final Invocation inv, final Token token) {
        Caller caller = inv.caller();
        if (token.financingId() == null || caller.enterpriseId() == null) {
            return false;
        }
        return inv.state().find(RecordKeys.financing(token.financingId()), Financing.class)
                .map(f -> caller.actsFor(f.bankId()))
                .orElse(false);
    }

    public static Token requireReadable(final Invocation inv, final String tokenId) {
        Token token = require(inv.state(), tokenId);
        if (!readableBy(inv, token)) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "token " + tokenId + " is not visible to this identity");
        }
        return token;
    }
}
