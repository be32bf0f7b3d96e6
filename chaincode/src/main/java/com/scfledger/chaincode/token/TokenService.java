package com.scfledger.chaincode.token;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Json;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.token.SplitOutput;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenPage;
import com.scfledger.contract.token.TokenStatus;

/** Splitting and transferring tokens, and reading them. */
public final class TokenService {

    private static final TypeReference<List<SplitOutput>> OUTPUT_LIST = new TypeReference<>() {
    };
    private static final int MAX_OUTPUTS_JSON_LENGTH = 64 * 1024;

    /**
     * Spends the token and creates one child per output, atomically. The checks run in the documented order, so
     * a client gets the same code for the same mistake whatever else is wrong.
     */
    public List<Token> splitTransfer(final Invocation inv, final String tokenId, final List<SplitOutput> outputs) {
        WorldState state = inv.state();
        Enterprise holder = inv.caller().requireEnterprise();
        Token parent = TokenStore.require(state, tokenId);
        if (!holder.id().equals(parent.holderId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the holder of token " + tokenId + " may split it");
        }
        if (parent.status() != TokenStatus.ACTIVE) {
            throw ScfException.of(ErrorCode.TOKEN_NOT_ACTIVE, "token " + tokenId + " is " + parent.status());
        }
        if (parent.maturedBy(inv.today())) {
            throw ScfException.of(ErrorCode.MATURED, "token " + tokenId + " matured on " + parent.maturityDate()
                    + "; no transfer on or after maturity");
        }
        LedgerSettings settings = inv.settings();
        if (outputs.size() > settings.maxOutputs()) {
            throw ScfException.of(ErrorCode.TOO_MANY_OUTPUTS, outputs.size() + " outputs; at most "
                    + settings.maxOutputs());
        }
        long total = 0;
        for (SplitOutput output : outputs) {
            if (output.amount() <= 0 || output.amount() < settings.minUnit()) {
                throw ScfException.of(ErrorCode.INVALID_AMOUNT, "output to " + output.recipient() + " of "
                        + output.amount()
                        + " is below the minimum unit " + settings.minUnit());
            }
            total = addExact(total, output.amount());
        }
        if (total != parent.amount()) {
            throw ScfException.of(ErrorCode.CONSERVATION_VIOLATED, "outputs sum to " + total + " but token " + tokenId
                    + " carries " + parent.amount());
        }
        for (SplitOutput output : outputs) {
            if (output.recipient().equals(parent.obligorId())) {
                throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, "recipient " + output.recipient()
                        + " is the obligor of the token");
            }
            if (!output.recipient().equals(holder.id())) {
                requireSupplierRecipient(state, output.recipient());
            }
        }
        return spend(inv, parent, outputs, settings.maxTierDepth());
    }

    /**
     * Tokens move by transfer only between suppliers down the chain: a bank receives one only through financing,
     * and a core enterprise never holds a claim (its own or another's) it could not refuse.
     */
    private static void requireSupplierRecipient(final WorldState state, final String recipientId) {
        Enterprise recipient = EnterpriseService.requireActiveCounterparty(state, recipientId, "recipient");
        if (recipient.role() != EnterpriseRole.SUPPLIER) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, "recipient " + recipientId + " is a "
                    + recipient.role() + "; tokens are transferred only to suppliers (a bank receives one through"
                    + " financing)");
        }
    }

    private static List<Token> spend(final Invocation inv, final Token parent, final List<SplitOutput> outputs,
            final int maxTierDepth) {
        List<Token> children = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            SplitOutput output = outputs.get(i);
            // A remainder kept by the holder stays at its tier; only a transfer moves the claim one tier down.
            int tier = output.recipient().equals(parent.holderId()) ? parent.tier() : parent.tier() + 1;
            if (tier > maxTierDepth) {
                throw ScfException.of(ErrorCode.TIER_LIMIT_EXCEEDED, "a transfer would create a tier " + tier
                        + " token; the ledger allows at most tier " + maxTierDepth);
            }
            children.add(Token.create(inv.derivedId(i), parent.obligorId(), parent.payableId(), parent.id(),
                    output.recipient(), output.amount(), parent.currency(), parent.maturityDate(), tier,
                    TokenStatus.ACTIVE, inv.timestamp(), inv.txId()));
        }
        TokenStore.save(inv.state(), parent, parent.transition(TokenStatus.SPENT, inv.timestamp(), inv.txId()));
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
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only " + holderId
                    + " and readers of everything may list its tokens");
        }
        WorldState.IndexPage page = inv.state().indexedIdsPage(Keys.holderIndexPrefix(holderId), pageSize, bookmark);
        List<Token> tokens = new ArrayList<>(page.ids().size());
        for (String id : page.ids()) {
            tokens.add(TokenStore.require(inv.state(), id));
        }
        return new TokenPage(tokens, tokens.size(), page.bookmark());
    }

    /**
     * The outputs argument: a JSON array of at least one {@code {"recipient":..,"amount":..}}, recipients of the id
     * form. Parsing is bounded before the ledger's own max-outputs setting is even read.
     */
    public static List<SplitOutput> parseOutputs(final String json) {
        if (json != null && json.length() > MAX_OUTPUTS_JSON_LENGTH) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "outputs is longer than " + MAX_OUTPUTS_JSON_LENGTH
                    + " characters");
        }
        List<SplitOutput> outputs = Json.readArgument("outputs", json, OUTPUT_LIST);
        if (outputs.isEmpty()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "outputs must list at least one output");
        }
        for (SplitOutput output : outputs) {
            if (output == null) {
                throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "outputs must not contain null");
            }
            Args.id("outputs[].recipient", output.recipient());
        }
        return List.copyOf(outputs);
    }

    private static long addExact(final long a, final long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw ScfException.of(ErrorCode.INVALID_AMOUNT, "outputs overflow a 64-bit amount");
        }
    }
}
