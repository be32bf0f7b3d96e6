package com.scfledger.chaincode.token;

import java.util.ArrayList;
import java.util.List;

import com.scfledger.chaincode.enterprise.Enterprise;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.identity.Caller;
import com.scfledger.chaincode.ledger.ErrorCode;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.LedgerSettings;
import com.scfledger.chaincode.ledger.WorldState;

/** Splitting and transferring tokens, and reading them. */
public final class TokenService {

    /**
     * Spends the token and creates one child per output, atomically. The checks run in the documented order, so
     * a client gets the same code for the same mistake whatever else is wrong.
     */
    public List<Token> splitTransfer(final Invocation inv, final String tokenId, final List<SplitOutput> outputs) {
        WorldState state = inv.state();
        Enterprise holder = inv.caller().requireEnterprise();
        Token parent = TokenStore.require(state, tokenId);
        if (!holder.id().equals(parent.holderId())) {
            throw ErrorCode.UNAUTHORIZED.exception("only the holder of token " + tokenId + " may split it");
        }
        if (parent.status() != TokenStatus.ACTIVE) {
            throw ErrorCode.TOKEN_NOT_ACTIVE.exception("token " + tokenId + " is " + parent.status());
        }
        if (parent.maturedBy(inv.today())) {
            throw ErrorCode.MATURED.exception("token " + tokenId + " matured on " + parent.maturityDate()
                    + "; no transfer on or after maturity");
        }
        LedgerSettings settings = inv.settings();
        if (outputs.size() > settings.maxOutputs()) {
            throw ErrorCode.TOO_MANY_OUTPUTS.exception(outputs.size() + " outputs; at most " + settings.maxOutputs());
        }
        long total = 0;
        for (SplitOutput output : outputs) {
            if (output.amount() <= 0 || output.amount() < settings.minUnit()) {
                throw ErrorCode.INVALID_AMOUNT.exception("output to " + output.recipient() + " of " + output.amount()
                        + " is below the minimum unit " + settings.minUnit());
            }
            total = addExact(total, output.amount());
        }
        if (total != parent.amount()) {
            throw ErrorCode.CONSERVATION_VIOLATED.exception("outputs sum to " + total + " but token " + tokenId
                    + " carries " + parent.amount());
        }
        for (SplitOutput output : outputs) {
            if (output.recipient().equals(parent.obligorId())) {
                throw ErrorCode.INVALID_COUNTERPARTY.exception("recipient " + output.recipient()
                        + " is the obligor of the token");
            }
            if (!output.recipient().equals(holder.id())) {
                EnterpriseService.requireActiveCounterparty(state, output.recipient(), "recipient");
            }
        }
        return spend(inv, parent, outputs, settings.maxTierDepth());
    }

    private static List<Token> spend(final Invocation inv, final Token parent, final List<SplitOutput> outputs,
            final int maxTierDepth) {
        List<Token> children = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            SplitOutput output = outputs.get(i);
            // A remainder kept by the holder stays at its tier; only a transfer moves the claim one tier down.
            int tier = output.recipient().equals(parent.holderId()) ? parent.tier() : parent.tier() + 1;
            if (tier > maxTierDepth) {
                throw ErrorCode.TIER_LIMIT_EXCEEDED.exception("a transfer would create a tier " + tier
                        + " token; the ledger allows at most tier " + maxTierDepth);
            }
            children.add(Token.create(inv, inv.derivedId(i), parent.obligorId(), parent.payableId(), parent.id(),
                    output.recipient(), output.amount(), parent.currency(), parent.maturityDate(), tier,
                    TokenStatus.ACTIVE));
        }
        TokenStore.save(inv.state(), parent, parent.transition(TokenStatus.SPENT, inv));
        for (Token child : children) {
            TokenStore.save(inv.state(), null, child);
        }
        return children;
    }

    public Token get(final Invocation inv, final String tokenId) {
        return TokenStore.requireReadable(inv, tokenId);
    }

    /** The token and its ancestors, from the token itself back to the root token of its payable. */
    public List<Token> lineage(final Invocation inv, final String tokenId) {
        Token token = TokenStore.requireReadable(inv, tokenId);
        List<Token> path = new ArrayList<>();
        path.add(token);
        while (token.parentId() != null) {
            token = TokenStore.require(inv.state(), token.parentId());
            path.add(token);
        }
        return path;
    }

    /** One page of the live tokens an enterprise holds, in token id order. */
    public TokenPage listByHolder(final Invocation inv, final String holderId, final int pageSize,
            final String bookmark) {
        Caller caller = inv.caller();
        if (!caller.readsEverything() && !caller.actsFor(holderId)) {
            throw ErrorCode.UNAUTHORIZED.exception("only " + holderId + " and readers of everything may list its tokens");
        }
        WorldState.IndexPage page = inv.state().indexedIdsPage(Keys.holderIndexPrefix(holderId), pageSize, bookmark);
        List<Token> tokens = new ArrayList<>(page.ids().size());
        for (String id : page.ids()) {
            tokens.add(TokenStore.require(inv.state(), id));
        }
        return new TokenPage(tokens, tokens.size(), page.bookmark());
    }

    private static long addExact(final long a, final long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw ErrorCode.INVALID_AMOUNT.exception("outputs overflow a 64-bit amount");
        }
    }

    /**
     * A page of {@link #listByHolder}.
     *
     * @param tokens              the tokens on this page
     * @param fetchedRecordsCount how many
     * @param bookmark            pass it back for the next page; empty when this is the last
     */
    public record TokenPage(List<Token> tokens, int fetchedRecordsCount, String bookmark) {
    }
}
