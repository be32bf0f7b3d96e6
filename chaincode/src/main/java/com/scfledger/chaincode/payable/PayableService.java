package com.scfledger.chaincode.payable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Json;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.token.TokenStore;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.payable.PayableTree;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

/** Registering payables, the beneficiary's acceptance or rejection, and reading them. */
public final class PayableService {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> ITEM_LIST = new TypeReference<>() {
    };
    /** RegisterPayable's eight arguments and the item's request id. */
    private static final int ITEM_FIELDS = 9;

    /** One item of a RegisterPayables batch, its form checked. */
    public record BatchItem(RegisterPayable request, String requestId) {
    }

    /** RegisterPayable's arguments, each checked for form: the same rules for a single payable and a batch item. */
    public static RegisterPayable parseRequest(final String payableId, final String beneficiaryId, final String amount,
            final String currency, final String issueDate, final String maturityDate, final String invoiceFingerprints,
            final String documentHash) {
        return new RegisterPayable(Args.id("payableId", payableId), Args.id("beneficiaryId", beneficiaryId),
                Args.positiveAmount("amount", amount), Args.currency("currency", currency),
                Args.date("issueDate", issueDate), Args.date("maturityDate", maturityDate),
                parseFingerprints(invoiceFingerprints), Args.sha256("documentHash", documentHash));
    }

    /**
     * The items argument of RegisterPayables: a JSON array of 1 to {@link RegisterPayables#MAX_ITEMS} items, each an
     * array of RegisterPayable's arguments and the item's request id. A malformed item refuses the batch, naming it.
     */
    public static List<BatchItem> parseBatch(final String json) {
        List<List<String>> items = Json.readArgument("items", json, ITEM_LIST);
        if (items.isEmpty() || items.size() > RegisterPayables.MAX_ITEMS) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "items must list 1 to " + RegisterPayables.MAX_ITEMS
                    + " payables, not " + items.size());
        }
        List<BatchItem> parsed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            List<String> f = items.get(i);
            try {
                if (f == null || f.size() != ITEM_FIELDS) {
                    throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "an item lists RegisterPayable's "
                            + (ITEM_FIELDS - 1) + " arguments and its request id");
                }
                parsed.add(new BatchItem(parseRequest(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                        f.get(6), f.get(7)), Args.requestId(f.get(8))));
            } catch (ScfException refusal) {
                throw ScfException.of(refusal.code(), RegisterPayables.itemRefusal(i, refusal.detail()));
            }
        }
        return List.copyOf(parsed);
    }

    /** The invoice fingerprints argument: a JSON array of 1..100 distinct SHA-256-sized hex strings,
            returned sorted. */
    public static List<String> parseFingerprints(final String json) {
        List<String> fingerprints = Json.readArgument("invoiceFingerprints", json, STRING_LIST);
        if (fingerprints.isEmpty() || fingerprints.size() > RegisterPayable.MAX_INVOICES) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "invoiceFingerprints must list 1 to "
                    + RegisterPayable.MAX_INVOICES
                    + " fingerprints");
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (String fingerprint : fingerprints) {
            if (!distinct.add(Args.sha256("invoiceFingerprints[]", fingerprint))) {
                throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "invoiceFingerprints lists " + fingerprint
                        + " twice");
            }
        }
        return List.copyOf(distinct);
    }

    /** Creates the payable and its root token, pending acceptance; the request's form was checked already. */
    public Payable register(final Invocation inv, final RegisterPayable request) {
        return register(inv, request, 0);
    }

    /**
     * Registers every item of a batch in order, each under {@link #register}'s rules and with its own request id
     * claimed. The first refused item refuses the whole batch (nothing is written), its detail naming the item's
     * position; later items see the earlier ones, so a payable id, invoice or request id repeated inside the batch
     * is refused as it would be across transactions.
     */
    public List<Payable> registerAll(final Invocation inv, final List<BatchItem> items) {
        // Refused for the batch as a whole, not for its first item: dropping that item would not help.
        inv.caller().requireEnterpriseRole(EnterpriseRole.CORE);
        List<Payable> registered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            try {
                inv.claimItemRequest(item.requestId());
                registered.add(register(inv, item.request(), i));
            } catch (ScfException refusal) {
                throw ScfException.of(refusal.code(), RegisterPayables.itemRefusal(i, refusal.detail()));
            }
        }
        return List.copyOf(registered);
    }

    /** Registers one payable whose root token is the record at this position of the transaction. */
    private Payable register(final Invocation inv, final RegisterPayable request, final int position) {
        WorldState state = inv.state();
        Enterprise obligor = inv.caller().requireEnterpriseRole(EnterpriseRole.CORE);
        String key = RecordKeys.payable(obligor.id(), request.payableId());
        if (state.exists(key)) {
            throw ScfException.of(ErrorCode.ALREADY_EXISTS, "payable " + request.payableId() + " of " + obligor.id()
                    + " is already registered");
        }
        long minUnit = inv.settings().minUnit();
        if (request.amount() < minUnit) {
            throw ScfException.of(ErrorCode.INVALID_AMOUNT, "amount " + request.amount() + " is below the minimum unit "
                    + minUnit);
        }
        if (request.issueDate().isAfter(request.maturityDate())) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "issueDate " + request.issueDate()
                    + " is after maturityDate "
                    + request.maturityDate());
        }
        // A payable due today may still be registered: ERPs sync payables up to their due date, and the supplier
        // can accept it and be settled the same day. It can no longer be transferred or financed (MATURED there).
        if (inv.today().isAfter(request.maturityDate())) {
            throw ScfException.of(ErrorCode.MATURED, "maturityDate " + request.maturityDate() + " is before today "
                    + inv.today());
        }
        if (request.beneficiaryId().equals(obligor.id())) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, "an enterprise cannot owe a payable to itself");
        }
        Enterprise beneficiary = EnterpriseService.requireActiveCounterparty(state, request.beneficiaryId(),
                "beneficiary");
        if (beneficiary.role() != EnterpriseRole.SUPPLIER) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, "beneficiary " + beneficiary.id() + " is "
                    + beneficiary.role() + ", not SUPPLIER");
        }
        for (String fingerprint : request.invoiceFingerprints()) {
            if (state.exists(Keys.invoice(fingerprint))) {
                throw ScfException.of(ErrorCode.DUPLICATE_INVOICE, "invoice fingerprint " + fingerprint
                        + " is already carried by another payable");
            }
        }

        String rootTokenId = inv.derivedId(position);
        Payable payable = new Payable(request.payableId(), obligor.id(), beneficiary.id(), request.amount(),
                request.currency(), request.issueDate(), request.maturityDate(), request.invoiceFingerprints(),
                request.documentHash(), rootTokenId, PayableStatus.PENDING_ACCEPTANCE, null, inv.timestamp(),
                inv.txId(), inv.timestamp(), inv.txId());
        state.put(payable);
        for (String fingerprint : payable.invoiceFingerprints()) {
            state.putValue(Keys.invoice(fingerprint), new InvoiceClaim(fingerprint, obligor.id(), payable.id(),
                    inv.txId()));
        }
        TokenStore.save(state, null, Token.create(rootTokenId, obligor.id(), payable.id(), null,
                beneficiary.id(), payable.amount(), payable.currency(), payable.maturityDate(), 0,
                TokenStatus.PENDING_ACCEPTANCE, inv.timestamp(), inv.txId()));
        return payable;
    }

    /** The beneficiary accepts: the root token becomes ACTIVE and can be split, transferred and financed. */
    public Payable accept(final Invocation inv, final String obligorId, final String payableId) {
        Pending pending = pendingForBeneficiary(inv, obligorId, payableId);
        TokenStore.save(inv.state(), pending.root(), pending.root().transition(TokenStatus.ACTIVE, inv.timestamp(),
                inv.txId()));
        Payable accepted = pending.payable().transition(PayableStatus.ACCEPTED, null, inv.timestamp(), inv.txId());
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
        TokenStore.save(inv.state(), pending.root(), pending.root().transition(TokenStatus.REJECTED, inv.timestamp(),
                inv.txId()));
        Payable rejected = pending.payable().transition(PayableStatus.REJECTED, null, inv.timestamp(), inv.txId());
        inv.state().put(rejected);
        for (String fingerprint : rejected.invoiceFingerprints()) {
            inv.state().delete(Keys.invoice(fingerprint));
        }
        return rejected;
    }

    /**
     * Readable by its obligor and beneficiary, by a bank financing one of its tokens (which underwrites the whole
     * obligation), and by readers of everything. A supplier further down the chain sees its own token's lineage
     * (GetLineage), not the obligor's whole payable and its invoice fingerprints.
     */
    public Payable get(final Invocation inv, final String obligorId, final String payableId) {
        Payable payable = require(inv.state(), obligorId, payableId);
        Caller caller = inv.caller();
        if (caller.readsEverything() || caller.actsFor(payable.obligorId()) || caller.actsFor(payable.beneficiaryId())) {
            return payable;
        }
        for (Token token : TokenStore.ofPayable(inv.state(), obligorId, payableId)) {
            if (TokenStore.financedBy(inv, token)) {
                return payable;
            }
        }
        throw ScfException.of(ErrorCode.UNAUTHORIZED, "payable " + payableId + " is not visible to this identity");
    }

    /** The payable and every token ever created under it; for its obligor (who owes all of it) and readers of everything. */
    public PayableTree tree(final Invocation inv, final String obligorId, final String payableId) {
        Payable payable = require(inv.state(), obligorId, payableId);
        Caller caller = inv.caller();
        if (!caller.readsEverything() && !caller.actsFor(payable.obligorId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the obligor and readers of everything see the tree of "
                    + payableId);
        }
        return new PayableTree(payable, TokenStore.ofPayable(inv.state(), obligorId, payableId));
    }

    public static Payable require(final WorldState state, final String obligorId, final String payableId) {
        return state.require(RecordKeys.payable(obligorId, payableId), Payable.class,
                "payable " + payableId + " of " + obligorId);
    }

    private static Pending pendingForBeneficiary(final Invocation inv, final String obligorId,
            final String payableId) {
        Enterprise caller = inv.caller().requireEnterprise();
        Payable payable = require(inv.state(), obligorId, payableId);
        if (!caller.id().equals(payable.beneficiaryId())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the beneficiary of payable " + payableId
                    + " may accept or reject it");
        }
        if (payable.status() != PayableStatus.PENDING_ACCEPTANCE) {
            throw ScfException.of(ErrorCode.INVALID_STATE, "payable " + payableId + " is " + payable.status()
                    + ", not PENDING_ACCEPTANCE");
        }
        Token root = TokenStore.require(inv.state(), payable.rootTokenId());
        return new Pending(payable, root);
    }

    private record Pending(Payable payable, Token root) {
    }

}
