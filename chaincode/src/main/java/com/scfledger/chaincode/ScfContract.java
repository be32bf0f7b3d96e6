package com.scfledger.chaincode;

import static com.scfledger.contract.Transaction.ACCEPT_PAYABLE;
import static com.scfledger.contract.Transaction.ANCHOR_RECORD;
import static com.scfledger.contract.Transaction.APPROVE_FINANCING;
import static com.scfledger.contract.Transaction.CANCEL_FINANCING;
import static com.scfledger.contract.Transaction.PROPOSE_ADMISSION;
import static com.scfledger.contract.Transaction.REGISTER_ENTERPRISE;
import static com.scfledger.contract.Transaction.REGISTER_PAYABLE;
import static com.scfledger.contract.Transaction.REGISTER_PAYABLES;
import static com.scfledger.contract.Transaction.REINSTATE_ENTERPRISE;
import static com.scfledger.contract.Transaction.REJECT_FINANCING;
import static com.scfledger.contract.Transaction.REJECT_PAYABLE;
import static com.scfledger.contract.Transaction.REQUEST_FINANCING;
import static com.scfledger.contract.Transaction.SET_APPROVAL_POLICY;
import static com.scfledger.contract.Transaction.SET_CREDIT_LIMIT;
import static com.scfledger.contract.Transaction.SET_BUSINESS_ZONE;
import static com.scfledger.contract.Transaction.SETTLE_PAYABLE;
import static com.scfledger.contract.Transaction.SET_ENTERPRISE_CUSTODY;
import static com.scfledger.contract.Transaction.SETTLE_TOKEN;
import static com.scfledger.contract.Transaction.SPLIT_TRANSFER;
import static com.scfledger.contract.Transaction.SUSPEND_ENTERPRISE;
import static com.scfledger.contract.Transaction.UPDATE_LEDGER_SETTINGS;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;

import com.scfledger.chaincode.anchor.AnchorService;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.financing.CreditLimitService;
import com.scfledger.chaincode.financing.FinancingService;
import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Json;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.SettingsService;
import com.scfledger.chaincode.payable.PayableService;
import com.scfledger.chaincode.policy.ApprovalPolicyService;
import com.scfledger.chaincode.query.HistoryService;
import com.scfledger.chaincode.settlement.SettlementService;
import com.scfledger.chaincode.token.TokenService;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.TransactionNames;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.KeyCustody;
import com.scfledger.contract.financing.ApproveFinancing;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.token.ListTokensByHolder;

/**
 * The receivable-token contract: every business transaction of the SCF ledger.
 *
 * <p>It is the chaincode's {@link Default} contract, so clients call transactions by their bare names
 * ({@code SplitTransfer}, not {@code scf:SplitTransfer}); the Contract API namespaces every contract but the
 * default one. The rules live in small per-feature services (enterprise, payable, token, financing, settlement,
 * anchor); this class only checks the form of the arguments, runs the service inside an {@link Invocation} and
 * returns canonical JSON. The separate {@code health} contract keeps its namespaced {@code health:*} names.
 *
 * <p>Every argument is a string, validated here so that malformed input gets a stable error code. Every
 * submit transaction takes the client's request id last and returns the payload of the one event it emits.
 */
@Contract(name = "scf", info = @Info(title = "SCF receivable tokens", version = "1",
        description = "Payables, receivable tokens, multi-tier transfer, financing and settlement",
        license = @License(name = "Apache-2.0"), contact = @Contact(name = "SCF ledger")))
@Default
public final class ScfContract implements ContractInterface {

    private final EnterpriseService enterprises = new EnterpriseService();
    private final PayableService payables = new PayableService();
    private final TokenService tokens = new TokenService();
    private final FinancingService financings = new FinancingService();
    private final SettlementService settlements = new SettlementService();
    private final AnchorService anchors = new AnchorService();
    private final SettingsService settings = new SettingsService();
    private final ApprovalPolicyService policies = new ApprovalPolicyService();
    private final CreditLimitService creditLimits = new CreditLimitService();
    private final HistoryService history = new HistoryService(enterprises, payables, financings, anchors, policies,
            creditLimits);

    // ---- enterprises ------------------------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.PROPOSE_ADMISSION)
    public String proposeAdmission(final Context ctx, final String enterpriseId, final String role,
            final String mspId, final String kycRecordId, final String kycHash, final String requestId) {
        String id = Args.id("enterpriseId", enterpriseId);
        EnterpriseRole enterpriseRole = Args.enumValue("role", role, EnterpriseRole.class);
        String msp = Args.mspId("mspId", mspId);
        String kycId = Args.id("kycRecordId", kycRecordId);
        String hash = Args.sha256("kycHash", kycHash);
        return submit(ctx, PROPOSE_ADMISSION, requestId,
                inv -> enterprises.propose(inv, id, enterpriseRole, msp, kycId, hash));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REGISTER_ENTERPRISE)
    public String registerEnterprise(final Context ctx, final String enterpriseId, final String role,
            final String mspId, final String kycHash, final String requestId) {
        String id = Args.id("enterpriseId", enterpriseId);
        EnterpriseRole enterpriseRole = Args.enumValue("role", role, EnterpriseRole.class);
        String msp = Args.mspId("mspId", mspId);
        String hash = Args.sha256("kycHash", kycHash);
        return submit(ctx, REGISTER_ENTERPRISE, requestId,
                inv -> enterprises.register(inv, id, enterpriseRole, msp, hash));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SUSPEND_ENTERPRISE)
    public String suspendEnterprise(final Context ctx, final String enterpriseId, final String requestId) {
        String id = Args.id("enterpriseId", enterpriseId);
        return submit(ctx, SUSPEND_ENTERPRISE, requestId, inv -> enterprises.suspend(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REINSTATE_ENTERPRISE)
    public String reinstateEnterprise(final Context ctx, final String enterpriseId, final String requestId) {
        String id = Args.id("enterpriseId", enterpriseId);
        return submit(ctx, REINSTATE_ENTERPRISE, requestId, inv -> enterprises.reinstate(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SET_ENTERPRISE_CUSTODY)
    public String setEnterpriseCustody(final Context ctx, final String enterpriseId, final String custody,
            final String selfIdentities, final String requestId) {
        String id = Args.id("enterpriseId", enterpriseId);
        KeyCustody keyCustody = Args.enumValue("custody", custody, KeyCustody.class);
        List<String> identities = Args.sha256List("selfIdentities", selfIdentities);
        return submit(ctx, SET_ENTERPRISE_CUSTODY, requestId,
                inv -> enterprises.setCustody(inv, id, keyCustody, identities));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_ENTERPRISE)
    public String getEnterprise(final Context ctx, final String enterpriseId) {
        String id = Args.id("enterpriseId", enterpriseId);
        return evaluate(ctx, inv -> enterprises.get(inv, id));
    }

    // ---- payables ---------------------------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REGISTER_PAYABLE)
    public String registerPayable(final Context ctx, final String payableId, final String beneficiaryId,
            final String amount, final String currency, final String issueDate, final String maturityDate,
            final String invoiceFingerprints, final String documentHash, final String requestId) {
        RegisterPayable request = PayableService.parseRequest(payableId, beneficiaryId, amount, currency, issueDate,
                maturityDate, invoiceFingerprints, documentHash);
        return submit(ctx, REGISTER_PAYABLE, requestId, inv -> payables.register(inv, request));
    }

    /** Up to RegisterPayables.MAX_ITEMS payables at once, all or none; a refusal names the item that caused it. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REGISTER_PAYABLES)
    public String registerPayables(final Context ctx, final String items, final String requestId) {
        var batch = PayableService.parseBatch(items);
        return submit(ctx, REGISTER_PAYABLES, requestId, inv -> payables.registerAll(inv, batch));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.ACCEPT_PAYABLE)
    public String acceptPayable(final Context ctx, final String obligorId, final String payableId,
            final String requestId) {
        String obligor = Args.id("obligorId", obligorId);
        String id = Args.id("payableId", payableId);
        return submit(ctx, ACCEPT_PAYABLE, requestId, inv -> payables.accept(inv, obligor, id));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REJECT_PAYABLE)
    public String rejectPayable(final Context ctx, final String obligorId, final String payableId,
            final String requestId) {
        String obligor = Args.id("obligorId", obligorId);
        String id = Args.id("payableId", payableId);
        return submit(ctx, REJECT_PAYABLE, requestId, inv -> payables.reject(inv, obligor, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_PAYABLE)
    public String getPayable(final Context ctx, final String obligorId, final String payableId) {
        String obligor = Args.id("obligorId", obligorId);
        String id = Args.id("payableId", payableId);
        return evaluate(ctx, inv -> payables.get(inv, obligor, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_PAYABLE_TREE)
    public String getPayableTree(final Context ctx, final String obligorId, final String payableId) {
        String obligor = Args.id("obligorId", obligorId);
        String id = Args.id("payableId", payableId);
        return evaluate(ctx, inv -> payables.tree(inv, obligor, id));
    }

    // ---- tokens -----------------------------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SPLIT_TRANSFER)
    public String splitTransfer(final Context ctx, final String tokenId, final String outputs,
            final String requestId) {
        String id = Args.id("tokenId", tokenId);
        var parsedOutputs = TokenService.parseOutputs(outputs);
        return submit(ctx, SPLIT_TRANSFER, requestId, inv -> tokens.splitTransfer(inv, id, parsedOutputs));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_TOKEN)
    public String getToken(final Context ctx, final String tokenId) {
        String id = Args.id("tokenId", tokenId);
        return evaluate(ctx, inv -> tokens.get(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_LINEAGE)
    public String getLineage(final Context ctx, final String tokenId) {
        String id = Args.id("tokenId", tokenId);
        return evaluate(ctx, inv -> tokens.lineage(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.LIST_TOKENS_BY_HOLDER)
    public String listTokensByHolder(final Context ctx, final String holderId, final String pageSize,
            final String bookmark) {
        String holder = Args.id("holderId", holderId);
        int size = Args.intInRange("pageSize", pageSize, 1, ListTokensByHolder.MAX_PAGE_SIZE);
        String from = Args.bookmark(bookmark);
        return evaluate(ctx, inv -> tokens.listByHolder(inv, holder, size, from));
    }

    // ---- financing --------------------------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REQUEST_FINANCING)
    public String requestFinancing(final Context ctx, final String financingId, final String tokenId,
            final String bankId, final String applicationDocumentHash, final String requestId) {
        String id = Args.id("financingId", financingId);
        String token = Args.id("tokenId", tokenId);
        String bank = Args.id("bankId", bankId);
        String hash = Args.sha256("applicationDocumentHash", applicationDocumentHash);
        return submit(ctx, REQUEST_FINANCING, requestId, inv -> financings.request(inv, id, token, bank, hash));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.APPROVE_FINANCING)
    public String approveFinancing(final Context ctx, final String financingId, final String annualRateBps,
            final String requestId) {
        String id = Args.id("financingId", financingId);
        int rate = Args.intInRange("annualRateBps", annualRateBps, 0, ApproveFinancing.MAX_RATE_BPS);
        return submit(ctx, APPROVE_FINANCING, requestId, inv -> financings.approve(inv, id, rate));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.REJECT_FINANCING)
    public String rejectFinancing(final Context ctx, final String financingId, final String requestId) {
        String id = Args.id("financingId", financingId);
        return submit(ctx, REJECT_FINANCING, requestId, inv -> financings.reject(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.CANCEL_FINANCING)
    public String cancelFinancing(final Context ctx, final String financingId, final String requestId) {
        String id = Args.id("financingId", financingId);
        return submit(ctx, CANCEL_FINANCING, requestId, inv -> financings.cancel(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_FINANCING)
    public String getFinancing(final Context ctx, final String financingId) {
        String id = Args.id("financingId", financingId);
        return evaluate(ctx, inv -> financings.get(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_FINANCING_APPROVAL)
    public String getFinancingApproval(final Context ctx, final String financingId) {
        String id = Args.id("financingId", financingId);
        return evaluate(ctx, inv -> financings.approval(inv, id));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SET_APPROVAL_POLICY)
    public String setApprovalPolicy(final Context ctx, final String fourEyesThresholdMinor, final String requestId) {
        long threshold = Args.amountWithinCeiling("fourEyesThresholdMinor", fourEyesThresholdMinor);
        return submit(ctx, SET_APPROVAL_POLICY, requestId, inv -> policies.set(inv, threshold));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_APPROVAL_POLICY)
    public String getApprovalPolicy(final Context ctx, final String bankId) {
        String bank = Args.id("bankId", bankId);
        return evaluate(ctx, inv -> policies.get(inv, bank));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SET_CREDIT_LIMIT)
    public String setCreditLimit(final Context ctx, final String obligorId, final String currency,
            final String limitMinor, final String requestId) {
        String obligor = Args.id("obligorId", obligorId);
        String code = Args.currency("currency", currency);
        long limit = Args.amountWithinCeiling("limitMinor", limitMinor);
        return submit(ctx, SET_CREDIT_LIMIT, requestId, inv -> creditLimits.set(inv, obligor, code, limit));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_CREDIT_LIMIT)
    public String getCreditLimit(final Context ctx, final String bankId, final String obligorId,
            final String currency) {
        String bank = Args.id("bankId", bankId);
        String obligor = Args.id("obligorId", obligorId);
        String code = Args.currency("currency", currency);
        return evaluate(ctx, inv -> creditLimits.get(inv, bank, obligor, code));
    }

    // ---- settlement -------------------------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SETTLE_TOKEN)
    public String settleToken(final Context ctx, final String tokenId, final String paymentReference,
            final String requestId) {
        String id = Args.id("tokenId", tokenId);
        String reference = Args.paymentReference("paymentReference", paymentReference);
        return submit(ctx, SETTLE_TOKEN, requestId, inv -> settlements.settleToken(inv, id, reference));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SETTLE_PAYABLE)
    public String settlePayable(final Context ctx, final String payableId, final String paymentReference,
            final String requestId) {
        String id = Args.id("payableId", payableId);
        String reference = Args.paymentReference("paymentReference", paymentReference);
        return submit(ctx, SETTLE_PAYABLE, requestId, inv -> settlements.settlePayable(inv, id, reference));
    }

    // ---- anchors ----------------------------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.ANCHOR_RECORD)
    public String anchorRecord(final Context ctx, final String recordType, final String recordId,
            final String sha256, final String requestId) {
        String type = Args.recordType("recordType", recordType);
        String id = Args.id("recordId", recordId);
        String digest = Args.sha256("sha256", sha256);
        return submit(ctx, ANCHOR_RECORD, requestId, inv -> anchors.anchorRecord(inv, type, id, digest));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_ANCHOR)
    public String getAnchor(final Context ctx, final String recordType, final String recordId) {
        String type = Args.recordType("recordType", recordType);
        String id = Args.id("recordId", recordId);
        return evaluate(ctx, inv -> anchors.get(inv, type, id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_ANCHOR_VERSIONS)
    public String getAnchorVersions(final Context ctx, final String recordType, final String recordId) {
        String type = Args.recordType("recordType", recordType);
        String id = Args.id("recordId", recordId);
        return evaluate(ctx, inv -> anchors.versions(inv, type, id));
    }

    // ---- settings, history, requests --------------------------------------------------------------------------

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.UPDATE_LEDGER_SETTINGS)
    public String updateLedgerSettings(final Context ctx, final String minUnit, final String maxOutputs,
            final String maxTierDepth, final String requestId) {
        long unit = Args.longAtLeast("minUnit", minUnit, 1);
        int outputs = Args.intInRange("maxOutputs", maxOutputs, 1, LedgerSettings.MAX_OUTPUTS_LIMIT);
        int depth = Args.intInRange("maxTierDepth", maxTierDepth, 0, LedgerSettings.MAX_TIER_DEPTH_LIMIT);
        return submit(ctx, UPDATE_LEDGER_SETTINGS, requestId, inv -> settings.update(inv, unit, outputs, depth));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.SET_BUSINESS_ZONE)
    public String setBusinessZone(final Context ctx, final String businessZone, final String requestId) {
        String zone = Args.businessZone("businessZone", businessZone);
        return submit(ctx, SET_BUSINESS_ZONE, requestId, inv -> settings.setBusinessZone(inv, zone));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_LEDGER_SETTINGS)
    public String getLedgerSettings(final Context ctx) {
        return evaluate(ctx, settings::get);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_HISTORY)
    public String getHistory(final Context ctx, final String key) {
        return evaluate(ctx, inv -> history.history(inv, key));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_REQUEST)
    public String getRequest(final Context ctx, final String requestId) {
        String id = Args.requestId(requestId);
        return evaluate(ctx, inv -> history.request(inv, id));
    }


    /** A function name that matches no transaction is refused with a stable code too. */
    @Override
    public void unknownTransaction(final Context ctx) {
        throw ScfException.of(ErrorCode.UNKNOWN_TRANSACTION, "no transaction named " + ctx.getStub().getFunction());
    }

    private static String submit(final Context ctx, final com.scfledger.contract.Transaction transaction,
            final String requestId, final Consumer<Invocation> change) {
        String request = Args.requestId(requestId);
        Invocation inv = Invocation.of(ctx);
        inv.claimRequest(transaction, request);
        change.accept(inv);
        return inv.commit();
    }

    private static String evaluate(final Context ctx, final Function<Invocation, Object> query) {
        return Json.write(query.apply(Invocation.of(ctx)));
    }
}
