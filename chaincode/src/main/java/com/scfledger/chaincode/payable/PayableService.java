package com.scfledger.chaincode.payable;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.scfledger.chaincode.enterprise.Enterprise;
import com.scfledger.chaincode.enterprise.EnterpriseRole;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.identity.Caller;
import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.ErrorCode;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Json;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.token.Token;
import com.scfledger.chaincode.token.TokenStatus;
import com.scfledger.chaincode.token.TokenStore;

/** Registering payables, the beneficiary's acceptance or rejection, and reading them. */
public final class PayableService {

    public static final int MAX_INVOICES = 100;
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    /** What RegisterPayable asks for, validated for form; the ledger rules are checked in {@link #register}. */
    public record NewPayable(String id, String beneficiaryId, long amount, String currency, LocalDate issueDate,
            LocalDate maturityDate, List<String> invoiceFingerprints, String documentHash) {
    }

    /** The invoice fingerprints argument: a JSON array of 1..100 distinct SHA-256-sized hex strings, returned sorted. */
    public static List<String> parseFingerprints(final String json) {
        List<String> fingerprints = Json.readArgument("invoiceFingerprints", json, STRING_LIST);
        if (fingerprints.isEmpty() || fingerprints.size() > MAX_INVOICES) {
            throw ErrorCode.INVALID_ARGUMENT.exception("invoiceFingerprints must list 1 to " + MAX_INVOICES
                    + " fingerprints");
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (String fingerprint : fingerprints) {
            if (!distinct.add(Args.sha256("invoiceFingerprints[]", fingerprint))) {
                throw ErrorCode.INVALID_ARGUMENT.exception("invoiceFingerprints lists " + fingerprint + " twice");
            }
        }
        return List.copyOf(distinct);
    }

    /** Creates the payable and its root token, pending acceptance by the beneficiary. */
    public Payable register(final Invocation inv, final NewPayable request) {
        WorldState state = inv.state();
        Enterprise obligor = inv.caller().requireEnterpriseRole(EnterpriseRole.CORE);
        String key = Keys.payable(obligor.id(), request.id());
        if (state.exists(key)) {
            throw ErrorCode.ALREADY_EXISTS.exception("payable " + request.id() + " of " + obligor.id()
                    + " is already registered");
        }
        long minUnit = inv.settings().minUnit();
        if (request.amount() < minUnit) {
            throw ErrorCode.INVALID_AMOUNT.exception("amount " + request.amount() + " is below the minimum unit "
                    + minUnit);
        }
        if (request.issueDate().isAfter(request.maturityDate())) {
            throw ErrorCode.INVALID_ARGUMENT.exception("issueDate " + request.issueDate() + " is after maturityDate "
                    + request.maturityDate());
        }
        // A payable due today may still be registered: ERPs sync payables up to their due date, and the supplier
        // can accept it and be settled the same day. It can no longer be transferred or financed (MATURED there).
        if (inv.today().isAfter(request.maturityDate())) {
            throw ErrorCode.MATURED.exception("maturityDate " + request.maturityDate() + " is before today "
                    + inv.today());
        }
        if (request.beneficiaryId().equals(obligor.id())) {
            throw ErrorCode.INVALID_COUNTERPARTY.exception("an enterprise cannot owe a payable to itself");
        }
        Enterprise beneficiary = EnterpriseService.requireActiveCounterparty(state, request.beneficiaryId(),
                "beneficiary");
        if (beneficiary.role() != EnterpriseRole.SUPPLIER) {
            throw ErrorCode.INVALID_COUNTERPARTY.exception("beneficiary " + beneficiary.id() + " is "
                    + beneficiary.role() + ", not SUPPLIER");
        }
        for (String fingerprint : request.invoiceFingerprints()) {
            if (state.exists(Keys.invoice(fingerprint))) {
                throw ErrorCode.DUPLICATE_INVOICE.exception("invoice fingerprint " + fingerprint
                        + " is already carried by another payable");
            }
        }

        String rootTokenId = inv.derivedId(0);
        Payable payable = new Payable(request.id(), obligor.id(), beneficiary.id(), request.amount(),
                request.currency(), request.issueDate(), request.maturityDate(), request.invoiceFingerprints(),
                request.documentHash(), rootTokenId, PayableStatus.PENDING_ACCEPTANCE, null, inv.timestamp(),
                inv.txId(), inv.timestamp(), inv.txId());
        state.put(payable);
        for (String fingerprint : payable.invoiceFingerprints()) {
            state.putValue(Keys.invoice(fingerprint), new InvoiceClaim(fingerprint, obligor.id(), payable.id(),
                    inv.txId()));
        }
        TokenStore.save(state, null, Token.create(inv, rootTokenId, obligor.id(), payable.id(), null,
                beneficiary.id(), payable.amount(), payable.currency(), payable.maturityDate(), 0,
                TokenStatus.PENDING_ACCEPTANCE));
        return payable;
    }

    /** The beneficiary accepts: the root token becomes ACTIVE and can be split, transferred and financed. */
    public Payable accept(final Invocation inv, final String obligorId, final String payableId) {
        Pending pending = pendingForBeneficiary(inv, obligorId, payableId);
        TokenStore.save(inv.state(), pending.root(), pending.root().transition(TokenStatus.ACTIVE, inv));
        Payable accepted = pending.payable().transition(PayableStatus.ACCEPTED, null, inv);
        inv.state().put(accepted);
        return accepted;
    }

    /**
     * The beneficiary rejects: payable and root token end REJECTED, and the invoice fingerprints are released so
     * that the obligor can register a corrected payable for the same invoices. A rejected payable can never be
     * financed, so releasing them cannot enable double financing.
     */
    public Payable reject(final Invocation inv, final String obligorId, final String payableId) {
        Pending pending = pendingForBeneficiary(inv, obligorId, payableId);
        TokenStore.save(inv.state(), pending.root(), pending.root().transition(TokenStatus.REJECTED, inv));
        Payable rejected = pending.payable().transition(PayableStatus.REJECTED, null, inv);
        inv.state().put(rejected);
        for (String fingerprint : rejected.invoiceFingerprints()) {
            inv.state().delete(Keys.invoice(fingerprint));
        }
        return rejected;
    }

    /** Readable by its obligor and beneficiary, by anyone who may read one of its tokens, and by readers of everything. */
    public Payable get(final Invocation inv, final String obligorId, final String payableId) {
        Payable payable = require(inv.state(), obligorId, payableId);
        Caller caller = inv.caller();
        if (caller.readsEverything() || caller.actsFor(payable.obligorId()) || caller.actsFor(payable.beneficiaryId())) {
            return payable;
        }
        for (Token token : TokenStore.ofPayable(inv.state(), obligorId, payableId)) {
            if (TokenStore.readableBy(inv, token)) {
                return payable;
            }
        }
        throw ErrorCode.UNAUTHORIZED.exception("payable " + payableId + " is not visible to this identity");
    }

    /** The payable and every token ever created under it; for its obligor (who owes all of it) and readers of everything. */
    public PayableTree tree(final Invocation inv, final String obligorId, final String payableId) {
        Payable payable = require(inv.state(), obligorId, payableId);
        Caller caller = inv.caller();
        if (!caller.readsEverything() && !caller.actsFor(payable.obligorId())) {
            throw ErrorCode.UNAUTHORIZED.exception("only the obligor and readers of everything see the tree of "
                    + payableId);
        }
        return new PayableTree(payable, TokenStore.ofPayable(inv.state(), obligorId, payableId));
    }

    public static Payable require(final WorldState state, final String obligorId, final String payableId) {
        return state.require(Keys.payable(obligorId, payableId), Payable.class,
                "payable " + payableId + " of " + obligorId);
    }

    private static Pending pendingForBeneficiary(final Invocation inv, final String obligorId,
            final String payableId) {
        Enterprise caller = inv.caller().requireEnterprise();
        Payable payable = require(inv.state(), obligorId, payableId);
        if (!caller.id().equals(payable.beneficiaryId())) {
            throw ErrorCode.UNAUTHORIZED.exception("only the beneficiary of payable " + payableId
                    + " may accept or reject it");
        }
        if (payable.status() != PayableStatus.PENDING_ACCEPTANCE) {
            throw ErrorCode.INVALID_STATE.exception("payable " + payableId + " is " + payable.status()
                    + ", not PENDING_ACCEPTANCE");
        }
        Token root = TokenStore.require(inv.state(), payable.rootTokenId());
        return new Pending(payable, root);
    }

    private record Pending(Payable payable, Token root) {
    }

    /**
     * GetPayableTree's result.
     *
     * @param payable the payable
     * @param tokens  all its tokens, spent ones included, in token id order; parentId links them into the tree
     */
    public record PayableTree(Payable payable, List<Token> tokens) {
    }
}
