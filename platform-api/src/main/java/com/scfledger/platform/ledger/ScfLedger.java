package com.scfledger.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.web.RequestLogFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The API's one typed client of the SCF chaincode: one method per transaction, each signed with the identity of the
 * enterprise named first ({@code as}). Every write takes the same path:
 * <ol>
 *   <li>submit with the caller's {@link RequestId} as the last argument and wait for the commit;</li>
 *   <li>if the chaincode refuses the request id as used ({@code DUPLICATE_REQUEST}), the write is already done when
 *       the ledger's request record ({@code GetRequest}) names the same transaction: the call returns that
 *       transaction, {@link Committed#confirmedFromLedger() confirmed}; otherwise the refusal stands;</li>
 *   <li>wait (briefly) until the read model shows the transaction, so the caller's next read sees its write;</li>
 *   <li>time the wait, log the commit, and name the transaction in the request log.</li>
 * </ol>
 * Refusals and outages arrive as {@link ApiProblem}s from {@link LedgerClient}.
 */
@Service
public class ScfLedger {

    private static final Logger log = LoggerFactory.getLogger(ScfLedger.class);
    private static final String DUPLICATE_REQUEST = "DUPLICATE_REQUEST";

    private final LedgerClient client;
    private final ReadModelSync readModel;
    private final JsonMapper json;
    private final MeterRegistry meters;

    ScfLedger(LedgerClient client, ReadModelSync readModel, JsonMapper json, MeterRegistry meters) {
        this.client = client;
        this.readModel = readModel;
        this.json = json;
        this.meters = meters;
    }

    // ---- enterprises ----

    public Committed registerEnterprise(String as, String enterpriseId, String role, String mspId, String kycHash,
                                        RequestId requestId) {
        return write(as, "RegisterEnterprise", requestId, enterpriseId, role, mspId, kycHash);
    }

    public JsonNode getEnterprise(String as, String enterpriseId) {
        return evaluate(as, "GetEnterprise", enterpriseId);
    }

    // ---- payables ----

    /** RegisterPayable, signed by the obligor; {@code invoiceFingerprints} is the JSON array of fingerprints. */
    public Committed registerPayable(String obligorId, String payableId, String beneficiaryId, long amountMinor,
                                     String currency, LocalDate issueDate, LocalDate maturityDate,
                                     String invoiceFingerprints, String documentHash, RequestId requestId) {
        return write(obligorId, "RegisterPayable", requestId, payableId, beneficiaryId, Long.toString(amountMinor),
                currency, issueDate.toString(), maturityDate.toString(), invoiceFingerprints, documentHash);
    }

    public Committed acceptPayable(String beneficiaryId, String obligorId, String payableId, RequestId requestId) {
        return write(beneficiaryId, "AcceptPayable", requestId, obligorId, payableId);
    }

    public Committed rejectPayable(String beneficiaryId, String obligorId, String payableId, RequestId requestId) {
        return write(beneficiaryId, "RejectPayable", requestId, obligorId, payableId);
    }

    public Committed settlePayable(String obligorId, String payableId, String paymentReference, RequestId requestId) {
        return write(obligorId, "SettlePayable", requestId, payableId, paymentReference);
    }

    public JsonNode getPayable(String as, String obligorId, String payableId) {
        return evaluate(as, "GetPayable", obligorId, payableId);
    }

    public JsonNode getPayableTree(String as, String obligorId, String payableId) {
        return evaluate(as, "GetPayableTree", obligorId, payableId);
    }

    // ---- tokens ----

    /** SplitTransfer, signed by the holder; {@code outputs} is the JSON array of {@code {recipient, amount}}. */
    public Committed splitTransfer(String holderId, String tokenId, String outputs, RequestId requestId) {
        return write(holderId, "SplitTransfer", requestId, tokenId, outputs);
    }

    public Committed settleToken(String obligorId, String tokenId, String paymentReference, RequestId requestId) {
        return write(obligorId, "SettleToken", requestId, tokenId, paymentReference);
    }

    public JsonNode getToken(String as, String tokenId) {
        return evaluate(as, "GetToken", tokenId);
    }

    /** The token's path back to its payable's root token, root first. */
    public JsonNode getLineage(String as, String tokenId) {
        return evaluate(as, "GetLineage", tokenId);
    }

    public JsonNode listTokensByHolder(String as, String holderId, int pageSize, String bookmark) {
        return evaluate(as, "ListTokensByHolder", holderId, Integer.toString(pageSize), bookmark);
    }

    // ---- financing ----

    public Committed requestFinancing(String applicantId, String financingId, String tokenId, String bankId,
                                      String applicationHash, RequestId requestId) {
        return write(applicantId, "RequestFinancing", requestId, financingId, tokenId, bankId, applicationHash);
    }

    public Committed approveFinancing(String bankId, String financingId, int annualRateBps, RequestId requestId) {
        return write(bankId, "ApproveFinancing", requestId, financingId, Integer.toString(annualRateBps));
    }

    public Committed rejectFinancing(String bankId, String financingId, RequestId requestId) {
        return write(bankId, "RejectFinancing", requestId, financingId);
    }

    public Committed cancelFinancing(String applicantId, String financingId, RequestId requestId) {
        return write(applicantId, "CancelFinancing", requestId, financingId);
    }

    public JsonNode getFinancing(String as, String financingId) {
        return evaluate(as, "GetFinancing", financingId);
    }

    // ---- anchors, settings ----

    /** AnchorRecord: a new version of the anchor of {@code recordType/recordId} with the record's SHA-256. */
    public Committed anchorRecord(String as, String recordType, String recordId, String sha256, RequestId requestId) {
        return write(as, "AnchorRecord", requestId, recordType, recordId, sha256);
    }

    public JsonNode getAnchor(String as, String recordType, String recordId) {
        return evaluate(as, "GetAnchor", recordType, recordId);
    }

    public JsonNode getLedgerSettings(String as) {
        return evaluate(as, "GetLedgerSettings");
    }

    // ---- the write path ----

    private Committed write(String as, String transaction, RequestId requestId, String... arguments) {
        String[] withRequestId = Arrays.copyOf(arguments, arguments.length + 1);
        withRequestId[arguments.length] = requestId.value();
        String transactionId;
        long block;
        JsonNode event;
        boolean confirmed;
        try {
            LedgerResult result = client.submit(as, transaction, withRequestId);
            transactionId = result.transactionId();
            block = result.blockNumber();
            event = parse(result.payload());
            confirmed = false;
        } catch (ApiProblem refusal) {
            if (!DUPLICATE_REQUEST.equals(refusal.code())) {
                throw refusal;
            }
            transactionId = earlierTransaction(as, transaction, requestId, refusal);
            block = -1;
            event = JsonNodeFactory.instance.objectNode();
            confirmed = true;
        }
        nameInRequestLog(transactionId);
        boolean applied = awaitReadModel(transactionId);
        MDC.put("txId", transactionId);
        try {
            if (confirmed) {
                log.info("{} by {} was already done (request {}){}", transaction, as, requestId,
                        applied ? "" : " (read model not updated yet)");
            } else {
                log.info("{} by {} committed in block {}{}", transaction, as, block,
                        applied ? "" : " (read model not updated yet)");
            }
        } finally {
            MDC.remove("txId");
        }
        return new Committed(transactionId, block, event, applied, confirmed);
    }

    /**
     * The transaction that used the request id before, when it was this same transaction; a request id used for
     * another transaction leaves the refusal standing.
     */
    private String earlierTransaction(String as, String transaction, RequestId requestId, ApiProblem refusal) {
        JsonNode record = evaluate(as, "GetRequest", requestId.value());
        String earlierTx = record.path("txId").asString("");
        if (!transaction.equals(record.path("transaction").asString("")) || earlierTx.isEmpty()) {
            throw refusal;
        }
        return earlierTx;
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
            request.setAttribute(RequestLogFilter.TRANSACTION_ATTRIBUTE, transactionId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private JsonNode evaluate(String as, String transaction, String... arguments) {
        return json.readTree(client.evaluate(as, transaction, arguments));
    }

    private JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return json.readTree(payload);
        } catch (RuntimeException e) {
            return JsonNodeFactory.instance.objectNode().put("raw", new String(payload, StandardCharsets.UTF_8));
        }
    }
}
