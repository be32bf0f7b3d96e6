package com.scfledger.platform.ledger;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.anchor.AnchorRecord;
import com.scfledger.contract.anchor.GetAnchor;
import com.scfledger.contract.anchor.GetAnchorVersions;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.GetEnterprise;
import com.scfledger.contract.enterprise.ProposeAdmission;
import com.scfledger.contract.enterprise.RegisterEnterprise;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.enterprise.ReinstateEnterprise;
import com.scfledger.contract.enterprise.SuspendEnterprise;
import com.scfledger.contract.enterprise.SetEnterpriseCustody;
import com.scfledger.contract.financing.ApproveFinancing;
import com.scfledger.contract.financing.CancelFinancing;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.financing.FinancingApproval;
import com.scfledger.contract.financing.GetApprovalPolicy;
import com.scfledger.contract.financing.GetCreditLimit;
import com.scfledger.contract.financing.GetFinancing;
import com.scfledger.contract.financing.GetFinancingApproval;
import com.scfledger.contract.financing.RejectFinancing;
import com.scfledger.contract.financing.RequestFinancing;
import com.scfledger.contract.financing.SetApprovalPolicy;
import com.scfledger.contract.financing.SetCreditLimit;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.ledger.GetHistory;
import com.scfledger.contract.ledger.GetLedgerSettings;
import com.scfledger.contract.ledger.GetRequest;
import com.scfledger.contract.ledger.LedgerEvent;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RecordVersion;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.ledger.SetBusinessZone;
import com.scfledger.contract.payable.AcceptPayable;
import com.scfledger.contract.payable.GetPayable;
import com.scfledger.contract.payable.GetPayableTree;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableTree;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.contract.payable.RejectPayable;
import com.scfledger.contract.settlement.SettlePayable;
import com.scfledger.contract.settlement.SettleToken;
import com.scfledger.contract.token.GetLineage;
import com.scfledger.contract.token.GetToken;
import com.scfledger.contract.token.ListTokensByHolder;
import com.scfledger.contract.token.SplitTransfer;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenPage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's one typed client of the SCF chaincode: one method per transaction, taking the contract's argument record
 * and returning its result record, signed with the identity of the enterprise named first (or, where a step needs a
 * person's own signature, the {@link Signer} named first). Every write takes the
 * same path:
 * <ol>
 *   <li>submit with the caller's {@link RequestId} as the last argument and wait for the commit;</li>
 *   <li>if the chaincode refuses the request id as used ({@code DUPLICATE_REQUEST}), the write is already done when
 *       the ledger's request record ({@code GetRequest}) names the same transaction: the call returns that
 *       transaction as it committed, its block and result read back from the ledger, marked
 *       {@link Committed#confirmedFromLedger() confirmed} (so a retry after a crash is answered as the first attempt
 *       would have been); otherwise the refusal stands;</li>
 *   <li>wait (briefly) until the read model shows the transaction, so the caller's next read sees its write;</li>
 *   <li>count the write ({@code scf.ledger.writes} by transaction and outcome), time the wait, log the commit,
 *       and name the transaction in the request log.</li>
 * </ol>
 * Refusals and outages arrive as {@link LedgerFailure}s from {@link LedgerClient}. For an enterprise that holds its
 * own key, step 1 is the client's: {@link SelfSignedWrites} asks it to sign, then hands back the committed result.
 */
@Service
public class ScfLedger {

    private static final Logger log = LoggerFactory.getLogger(ScfLedger.class);

    private final LedgerClient client;
    private final ReadModelSync readModel;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final SelfSignedWrites selfSigned;

    ScfLedger(LedgerClient client, ReadModelSync readModel, JsonMapper json, MeterRegistry meters,
              SelfSignedWrites selfSigned) {
        this.client = client;
        this.selfSigned = selfSigned;
        this.readModel = readModel;
        this.json = json;
        this.meters = meters;
    }

    // ---- enterprises ----

    /** The first platform admin's half of an admission, signed with that admin's personal identity. */
    public Committed proposeAdmission(Signer proposer, ProposeAdmission proposal, RequestId requestId) {
        return submit(proposer, proposal, requestId);
    }

    /** The second platform admin's half: confirms the proposal, signed with another admin's personal identity. */
    public Committed registerEnterprise(Signer confirmer, RegisterEnterprise registration, RequestId requestId) {
        return submit(confirmer, registration, requestId);
    }

    public Committed suspendEnterprise(Signer admin, SuspendEnterprise suspension, RequestId requestId) {
        return submit(admin, suspension, requestId);
    }

    public Committed reinstateEnterprise(Signer admin, ReinstateEnterprise reinstatement, RequestId requestId) {
        return submit(admin, reinstatement, requestId);
    }

    public Committed setEnterpriseCustody(String as, SetEnterpriseCustody custody, RequestId requestId) {
        return submit(as, custody, requestId);
    }

    public Enterprise getEnterprise(String as, GetEnterprise query) {
        return evaluate(as, query, Enterprise.class);
    }

    // ---- payables ----

    public Committed registerPayable(String obligorId, RegisterPayable payable, RequestId requestId) {
        return submit(obligorId, payable, requestId);
    }

    /** Up to RegisterPayables.MAX_ITEMS payables in one transaction, all or none (each item with its own request id). */
    public Committed registerPayables(String obligorId, RegisterPayables batch, RequestId requestId) {
        return submit(obligorId, batch, requestId);
    }

    /** Whether the enterprise holds its own key, so that each of its writes is signed by its client. */
    public boolean signsOwnWrites(String enterpriseId) {
        return selfSigned.signsOwnWrites(enterpriseId);
    }

    public Committed acceptPayable(String beneficiaryId, AcceptPayable acceptance, RequestId requestId) {
        return submit(beneficiaryId, acceptance, requestId);
    }

    public Committed rejectPayable(String beneficiaryId, RejectPayable rejection, RequestId requestId) {
        return submit(beneficiaryId, rejection, requestId);
    }

    public Committed settlePayable(String obligorId, SettlePayable settlement, RequestId requestId) {
        return submit(obligorId, settlement, requestId);
    }

    public Payable getPayable(String as, GetPayable query) {
        return evaluate(as, query, Payable.class);
    }

    public PayableTree getPayableTree(String as, GetPayableTree query) {
        return evaluate(as, query, PayableTree.class);
    }

    // ---- tokens ----

    public Committed splitTransfer(String holderId, SplitTransfer split, RequestId requestId) {
        return submit(holderId, split, requestId);
    }

    public Committed settleToken(String obligorId, SettleToken settlement, RequestId requestId) {
        return submit(obligorId, settlement, requestId);
    }

    public Token getToken(String as, GetToken query) {
        return evaluate(as, query, Token.class);
    }

    /** The token's path back to its payable's root token, root first. */
    public List<Token> getLineage(String as, GetLineage query) {
        return List.of(evaluate(as, query, Token[].class));
    }

    public TokenPage listTokensByHolder(String as, ListTokensByHolder query) {
        return evaluate(as, query, TokenPage.class);
    }

    /**
     * Every version of a token, newest first (GetHistory, under the chaincode's read rule for the token), each with
     * the signer of the transaction that wrote it, read from that transaction's block.
     */
    public List<SignedVersion<Token>> getTokenHistory(String as, String tokenId) {
        String reader = selfSigned.readerFor(as);
        GetHistory query = new GetHistory(RecordKeys.token(tokenId));
        JavaType versions = json.getTypeFactory().constructCollectionType(List.class,
                json.getTypeFactory().constructParametricType(RecordVersion.class, Token.class));
        List<RecordVersion<Token>> history = read(query.transaction(),
                client.evaluate(reader, query.transaction().wireName(), query.wireArguments()), versions);
        return history.stream().map(v -> new SignedVersion<>(v, client.signer(reader, v.txId()))).toList();
    }

    // ---- financing ----

    public Committed requestFinancing(String applicantId, RequestFinancing request, RequestId requestId) {
        return submit(applicantId, request, requestId);
    }

    public Committed approveFinancing(String bankId, ApproveFinancing approval, RequestId requestId) {
        return submit(bankId, approval, requestId);
    }

    /** ApproveFinancing signed by a bank user's personal identity: one of the four eyes. */
    public Committed approveFinancing(Signer approver, ApproveFinancing approval, RequestId requestId) {
        return submit(approver, approval, requestId);
    }

    public Committed rejectFinancing(String bankId, RejectFinancing rejection, RequestId requestId) {
        return submit(bankId, rejection, requestId);
    }

    public Committed cancelFinancing(String applicantId, CancelFinancing cancellation, RequestId requestId) {
        return submit(applicantId, cancellation, requestId);
    }

    public Financing getFinancing(String as, GetFinancing query) {
        return evaluate(as, query, Financing.class);
    }

    /** Who proposed and who confirmed the financing's approval (the certificates that signed). */
    public FinancingApproval getFinancingApproval(String as, GetFinancingApproval query) {
        return evaluate(as, query, FinancingApproval.class);
    }

    /** SetApprovalPolicy signed by a bank user's personal identity: a proposal, or the confirmation of one. */
    public Committed setApprovalPolicy(Signer bankUser, SetApprovalPolicy policy, RequestId requestId) {
        return submit(bankUser, policy, requestId);
    }

    public ApprovalPolicy getApprovalPolicy(String as, GetApprovalPolicy query) {
        return evaluate(as, query, ApprovalPolicy.class);
    }

    /** SetCreditLimit signed by a bank user's personal identity: a proposal, or the confirmation of one. */
    public Committed setCreditLimit(Signer bankUser, SetCreditLimit limit, RequestId requestId) {
        return submit(bankUser, limit, requestId);
    }

    /** The bank's limit for the obligor in the currency, with its reserved and consumed exposure. */
    public CreditLimit getCreditLimit(String as, GetCreditLimit query) {
        return evaluate(as, query, CreditLimit.class);
    }

    // ---- anchors, settings, requests ----

    /** AnchorRecord: a new version of the anchor of the record with the record's SHA-256. */
    public Committed anchorRecord(String as, AnchorRecord anchor, RequestId requestId) {
        return submit(as, anchor, requestId);
    }

    /** Every anchor of a record, version 1 (its owner's) first. */
    public List<Anchor> getAnchorVersions(String as, GetAnchorVersions query) {
        return List.of(evaluate(as, query, Anchor[].class));
    }

    public Anchor getAnchor(String as, GetAnchor query) {
        return evaluate(as, query, Anchor.class);
    }

    /** SetBusinessZone: the platform operator names the business day's time zone; the limits stay as they are. */
    public Committed setBusinessZone(String as, SetBusinessZone zone, RequestId requestId) {
        return submit(as, zone, requestId);
    }

    public LedgerSettings getLedgerSettings(String as) {
        return evaluate(as, new GetLedgerSettings(), LedgerSettings.class);
    }

    /** Which transaction used a request id; readable by the enterprise that used it. */
    public RequestRecord getRequest(String as, GetRequest query) {
        return evaluate(as, query, RequestRecord.class);
    }

    // ---- the write path ----

    private Committed submit(String as, Submission arguments, RequestId requestId) {
        return submit(Signer.enterprise(as), arguments, requestId);
    }

    private Committed submit(Signer as, Submission arguments, RequestId requestId) {
        Transaction transaction = arguments.transaction();
        Committed committed;
        try {
            String[] wire = arguments.wireArguments(requestId.value());
            LedgerResult result = selfSigned.signedByClient(as.enterpriseId(), transaction, wire)
                    .orElseGet(() -> client.submit(as, transaction.wireName(), wire));
            committed = new Committed(result.transactionId(), result.blockNumber(),
                    read(transaction, result.payload(), LedgerEvent.class), false, false);
        } catch (LedgerRefusal refusal) {
            if (!refusal.is(ErrorCode.DUPLICATE_REQUEST)) {
                throw refusal;
            }
            String earlierTxId = earlierTransaction(as.enterpriseId(), transaction, requestId, refusal);
            LedgerResult original = client.committed(as.enterpriseId(), earlierTxId);
            committed = new Committed(earlierTxId, original.blockNumber(),
                    read(transaction, original.payload(), LedgerEvent.class), false, true);
        }
        nameInRequestLog(committed.transactionId());
        meters.counter("scf.ledger.writes", "transaction", transaction.wireName(),
                "outcome", committed.confirmedFromLedger() ? "already_done" : "committed").increment();
        boolean applied = awaitReadModel(committed.transactionId());
        MDC.put("txId", committed.transactionId());
        try {
            if (committed.confirmedFromLedger()) {
                log.info("{} by {} was already done in block {} (request {}){}", transaction.wireName(), as,
                        committed.blockNumber(), requestId, applied ? "" : " (read model not updated yet)");
            } else {
                log.info("{} by {} committed in block {}{}", transaction.wireName(), as, committed.blockNumber(),
                        applied ? "" : " (read model not updated yet)");
            }
        } finally {
            MDC.remove("txId");
        }
        return committed.withReadModelApplied(applied);
    }

    /**
     * The transaction that used the request id before, when it was this same transaction; a request id used for
     * another transaction, or a refusal about another request id than this write's, leaves the refusal standing.
     */
    private String earlierTransaction(String as, Transaction transaction, RequestId requestId, LedgerRefusal refusal) {
        RequestRecord earlier;
        try {
            earlier = getRequest(as, new GetRequest(requestId.value()));
        } catch (LedgerRefusal unknown) {
            // No record of this request id: the used one was another (an item's of a RegisterPayables batch).
            if (unknown.is(ErrorCode.NOT_FOUND)) {
                throw refusal;
            }
            throw unknown;
        }
        if (earlier.transaction() != transaction || earlier.txId() == null || earlier.txId().isEmpty()) {
            throw refusal;
        }
        return earlier.txId();
    }

    private boolean awaitReadModel(String transactionId) {
        long waitStart = System.nanoTime();
        boolean applied = readModel.awaitApplied(transactionId);
        Timer.builder("scf.readmodel.await").description("How long a write waited for the read model to show it")
                .tag("applied", Boolean.toString(applied)).publishPercentileHistogram().register(meters)
                .record(System.nanoTime() - waitStart, TimeUnit.NANOSECONDS);
        return applied;
    }

    private static void nameInRequestLog(String transactionId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(LedgerCallTrace.TRANSACTION_ATTRIBUTE, transactionId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private <T> T evaluate(String as, Evaluation query, Class<T> result) {
        Transaction transaction = query.transaction();
        return read(transaction, client.evaluate(selfSigned.readerFor(as), transaction.wireName(), query.wireArguments()),
                result);
    }

    /** The chaincode's answer as its contract record; an answer that is not one is the ledger's fault, not the caller's. */
    private <T> T read(Transaction transaction, byte[] payload, Class<T> type) {
        return read(transaction, payload, json.getTypeFactory().constructType(type));
    }

    private <T> T read(Transaction transaction, byte[] payload, JavaType type) {
        try {
            return json.readValue(payload, type);
        } catch (JacksonException e) {
            throw new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "The ledger's answer to " + transaction.wireName()
                    + " is not a " + type.getRawClass().getSimpleName() + ".", transaction.wireName(), null, e);
        }
    }
}
