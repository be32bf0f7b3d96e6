package com.scfledger.platform.financing;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.ledger.LedgerFailure;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.financing.ApproveFinancing;
import com.scfledger.contract.financing.Approver;
import com.scfledger.contract.financing.CancelFinancing;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.GetApprovalPolicy;
import com.scfledger.contract.financing.GetCreditLimit;
import com.scfledger.contract.financing.GetFinancing;
import com.scfledger.contract.financing.SetApprovalPolicy;
import com.scfledger.contract.financing.SetCreditLimit;
import com.scfledger.contract.financing.RejectFinancing;
import com.scfledger.contract.financing.RequestFinancing;
import com.scfledger.contract.token.GetLineage;
import com.scfledger.contract.token.GetToken;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;
import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.DocumentKinds;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.audit.AuditTrail;
import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.enterprise.Enterprise;
import com.scfledger.platform.enterprise.Enterprises;
import com.scfledger.platform.kyc.KycDirectory;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.ledger.Signer;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.settings.BusinessCalendar;
import com.scfledger.platform.verify.AnchoredRecordSource;
import com.scfledger.platform.verify.Canonical;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Financing a token with a bank. The supplier drafts an application for one of its ACTIVE tokens, uploads the
 * invoice and contract and submits: RequestFinancing anchors the application's canonical hash and locks the token
 * for the bank. The bank underwrites, approves (two different users above the four-eyes threshold; within the
 * obligor's credit limit) with ApproveFinancing, which moves the token to the bank, or rejects with
 * RejectFinancing, which unlocks it; then records its disbursement. Ledger request ids derive from the
 * application id, so a retry after a lost answer cannot act twice ({@link ScfLedger} confirms it from the ledger).
 */
@Service
@EnableConfigurationProperties(FinancingProperties.class)
class FinancingService implements AnchoredRecordSource {

    static final String RECORD_TYPE = "FINANCING_APPLICATION";
    private static final Logger log = LoggerFactory.getLogger(FinancingService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ALL = java.util.Arrays.stream(FinancingStatus.values()).map(Enum::name).toList();

    private final FinancingRepository repository;
    private final CreditLimits limits;
    private final Documents documents;
    private final Enterprises enterprises;
    private final ScfLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private final FinancingProperties properties;
    private final KycDirectory kyc;
    private final BusinessCalendar calendar;

    FinancingService(FinancingRepository repository, CreditLimits limits, Documents documents, Enterprises enterprises,
                     ScfLedger ledger, TransactionTemplate tx, Clock clock, JsonMapper json,
                     FinancingProperties properties, KycDirectory kyc, BusinessCalendar calendar) {
        this.repository = repository;
        this.limits = limits;
        this.documents = documents;
        this.enterprises = enterprises;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
        this.kyc = kyc;
        this.calendar = calendar;
    }

    FinancingProperties properties() {
        return properties;
    }

    // ---- the supplier ----

    FinancingApplication create(ScfPrincipal caller, String tokenId, String bankId, List<String> invoiceNumbers) {
        String applicantId = caller.enterpriseId();
        Enterprise applicant = enterprises.require(applicantId);
        if (!"ACTIVE".equals(applicant.status())) {
            throw new InvalidTransition(Reason.ENTERPRISE_NOT_ACTIVE, "Enterprise " + applicantId + " is " + applicant.status()
                    + "; it is admitted (KYC) before it applies for financing.");
        }
        Enterprise bank = enterprises.find(bankId).orElseThrow(() -> new RuleViolation(Reason.INVALID_BANK,
                "No enterprise " + bankId + "."));
        if (!"BANK".equals(bank.role()) || !"ACTIVE".equals(bank.status())) {
            throw new RuleViolation(Reason.INVALID_BANK, bankId + " is not an active bank (" + bank.role() + ", "
                    + bank.status() + ").");
        }
        Token token = token(applicantId, tokenId);
        if (!applicantId.equals(token.holderId())) {
            throw tokenNotFound(tokenId);
        }
        String tokenStatus = String.valueOf(token.status());
        if (token.status() != TokenStatus.ACTIVE) {
            throw new InvalidTransition(Reason.TOKEN_NOT_ACTIVE, "Token " + tokenId + " is " + tokenStatus
                    + "; only an ACTIVE token can be financed.");
        }
        LocalDate maturity = token.maturityDate();
        LocalDate today = calendar.today();
        if (!maturity.isAfter(today)) {
            throw new RuleViolation(Reason.MATURED, "Token " + tokenId + " matures on " + maturity
                    + "; only a token maturing after today (" + today + ", " + calendar.zone() + ") can be financed.");
        }
        FinancingApplication.TokenFacts facts = new FinancingApplication.TokenFacts(tokenId,
                token.obligorId(), token.payableId(), token.tier(), token.amount(), token.currency(), maturity);
        Instant now = now();
        String id = "FIN-" + HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        FinancingApplication a = FinancingApplication.draft(id, applicantId, bankId, facts, invoiceNumbers,
                Actor.of(caller), now);
        tx.executeWithoutResult(s -> repository.save(a, a.created(Actor.of(caller))));
        AuditTrail.note("financingId", id);
        return a;
    }

    StoredDocument upload(String id, ScfPrincipal caller, String kind, MultipartFile file) {
        FinancingDocumentKind documentKind = DocumentKinds.parse(FinancingDocumentKind.class, kind);
        ownedByApplicant(id, caller).requireDraft("uploaded");
        Documents.Upload upload = documents.check(file);
        StoredDocument stored = tx.execute(s -> {
            FinancingApplication a = repository.lock(id).orElseThrow(() -> notFound(id));
            a.requireDraft("uploaded");
            StoredDocument d = documents.store(Documents.Owner.FINANCING, id, documentKind.name(), upload, caller.subjectId());
            repository.record(id, a.documentAdded(d, Actor.of(caller)));
            return d;
        });
        AuditTrail.note("documentId", stored.id());
        AuditTrail.note("sha256", stored.sha256());
        return stored;
    }

    /**
     * RequestFinancing: anchors the canonical application and locks the token for the bank. The application row is
     * locked meanwhile (an upload waits, then finds it submitted), so the anchored hash covers exactly the documents
     * the application ends up with.
     */
    FinancingApplication submit(String id, ScfPrincipal caller) {
        ownedByApplicant(id, caller).checkSubmittable(documents.list(Documents.Owner.FINANCING, id));
        return tx.execute(s -> {
            FinancingApplication a = repository.lock(id).orElseThrow(() -> notFound(id));
            List<StoredDocument> docs = documents.listRehashed(Documents.Owner.FINANCING, id);
            a.checkSubmittable(docs);
            String hash = Canonical.hash(a.canonical(docs));
            Committed requested = ledger.requestFinancing(a.applicantId(),
                    new RequestFinancing(id, a.token().tokenId(), a.bankId(), hash), RequestId.of("fin-request-" + id));
            if (requested.confirmedFromLedger()
                    && !hash.equals(ledger.getFinancing(a.applicantId(), new GetFinancing(id)).applicationDocumentHash())) {
                throw new RuleViolation(Reason.ANCHOR_MISMATCH, "The ledger already holds financing " + id
                        + " with another application hash.");
            }
            String requestTx = requested.transactionId();
            String lineage = lineage(a.applicantId(), a.token().tokenId());
            AuditTrail.note("recordHash", hash);
            repository.save(a, a.submitted(hash, requestTx, lineage, Actor.of(caller), now()));
            return a;
        });
    }

    /** The applicant withdraws: a draft simply ends; a submitted one is cancelled on the ledger (the token unlocks). */
    FinancingApplication cancel(String id, ScfPrincipal caller) {
        FinancingApplication a = ownedByApplicant(id, caller);
        a.checkCancellable();
        String txId = null;
        if (a.status() != FinancingStatus.DRAFT) {
            txId = ledger.cancelFinancing(a.applicantId(), new CancelFinancing(id), RequestId.of("fin-cancel-" + id))
                    .transactionId();
        }
        String cancelTx = txId;
        return change(id, x -> x.cancelled(cancelTx, Actor.of(caller), now()));
    }

    // ---- the bank ----

    FinancingApplication approve(String id, ScfPrincipal caller, Integer rateBps) {
        requirePerson(caller, "approve financing");
        FinancingApplication current = visibleToBank(id, caller);
        if (current.status() == FinancingStatus.APPROVING) {
            return completeApproval(current, caller);
        }
        long threshold = fourEyesThreshold(current.bankId());
        FinancingApplication a = tx.execute(s -> {
            FinancingApplication x = repository.lock(id).orElseThrow(() -> notFound(id));
            Instant now = now();
            TimelineEntry e = x.approve(Actor.of(caller), rateBps, threshold, now);
            if (x.status() == FinancingStatus.APPROVING) {
                reserveCredit(x.bankId(), x.token());
            } else if (x.status() == FinancingStatus.AWAITING_SECOND_APPROVAL) {
                e = e.onLedger(proposeOnLedger(x, caller));
            }
            repository.save(x, e);
            return x;
        });
        if (a.status() == FinancingStatus.APPROVING) {
            return completeApproval(a, caller);
        }
        return a;
    }

    /**
     * The maker's step on the ledger: ApproveFinancing signed by the maker's personal identity, which above the
     * bank's threshold records the proposal only. Runs under the application's row lock, so a refusal leaves the
     * application where it was; a retry repeats the request id and is confirmed from the ledger.
     */
    private String proposeOnLedger(FinancingApplication a, ScfPrincipal maker) {
        return ledger.approveFinancing(Signer.person(a.bankId(), maker.name()),
                new ApproveFinancing(a.id(), a.rates().proposedBps()), RequestId.of("fin-propose-" + a.id())).transactionId();
    }

    /** The bank's four-eyes threshold as its ledger policy records it (0 without one: every approval takes two). */
    long fourEyesThreshold(String bankId) {
        return ledger.getApprovalPolicy(bankId, new GetApprovalPolicy(bankId)).fourEyesThresholdMinor();
    }

    /**
     * Checks, before the approval goes to the ledger, that the bank's ledger limit for the obligor still takes the
     * face amount (RequestFinancing reserved it; the approval consumes it, and ApproveFinancing refuses with
     * LIMIT_EXCEEDED otherwise): refused, with the ledger's figures, when there is no limit or it would be exceeded.
     */
    private void reserveCredit(String bankId, FinancingApplication.TokenFacts token) {
        String obligorId = token.obligorId();
        String currency = token.currency();
        CreditLimits.Exposure e = exposure(bankId, obligorId, currency);
        if (e.limitMinor() == null) {
            throw ApiProblem.of(ProblemCode.CREDIT_LIMIT_MISSING, "Bank " + bankId + " has set no credit limit in "
                    + currency + " for obligor " + obligorId + "; set one (PUT /api/v1/financing/credit-limits/"
                    + obligorId + ", two bank users) before approving.").with("obligorId", obligorId)
                    .with("currency", currency);
        }
        long face = token.faceAmountMinor();
        if (face > e.limitMinor() - e.inUseMinor()) {
            throw ApiProblem.of(ProblemCode.CREDIT_LIMIT_EXCEEDED, "Approving " + face + " " + currency
                    + " would exceed the credit limit for obligor " + obligorId + ": limit " + e.limitMinor() + ", in use "
                    + e.inUseMinor() + ", reserved " + e.reservedMinor() + ".")
                    .with("obligorId", obligorId).with("currency", currency).with("limitMinor", e.limitMinor())
                    .with("inUseMinor", e.inUseMinor()).with("reservedMinor", e.reservedMinor())
                    .with("availableMinor", e.availableMinor()).with("requestedMinor", face);
        }
    }

    /** ApproveFinancing at the approved rate; a refusal returns the application to where the approval began. */
    private FinancingApplication completeApproval(FinancingApplication a, ScfPrincipal caller) {
        Actor actor = Actor.of(caller);
        Financing financing;
        String txId;
        try {
            Committed approved = ledger.approveFinancing(Signer.person(a.bankId(), caller.name()),
                    new ApproveFinancing(a.id(), a.rates().approvedBps()), RequestId.of("fin-approve-" + a.id()));
            financing = approved.result().map(event -> event.financings().get(0))
                    .orElseGet(() -> ledger.getFinancing(a.bankId(), new GetFinancing(a.id())));
            txId = approved.transactionId();
        } catch (ApiProblem | DomainException | LedgerFailure failure) {
            ApiProblem p = ApiProblem.answerTo(failure);
            if (p.status() < 500) {
                change(a.id(), x -> x.approvalRefused(p.code(), p.detail(), actor, now()));
            } else {
                tx.executeWithoutResult(s -> repository.record(a.id(),
                        a.approvalOutcomeUnknown(p.code(), p.detail(), actor, now())));
                throw p.with("applicationStatus", a.status().name())
                        .with("resume", "POST /api/v1/financing/applications/" + a.id() + "/approve");
            }
            throw p;
        }
        Financing f = financing;
        String decisionTx = txId;
        FinancingApplication approved = change(a.id(), x -> x.approved(f.annualRateBps(),
                new FinancingApplication.Terms(f.valueDate(), f.days(), f.discount(), f.advance()), decisionTx, actor,
                now()));
        log.info("financing {} approved by {}: token {} moved to {}", a.id(), a.bankId(), a.token().tokenId(), a.bankId());
        return approved;
    }

    FinancingApplication reject(String id, ScfPrincipal caller, String reason) {
        requirePerson(caller, "reject financing");
        FinancingApplication a = visibleToBank(id, caller);
        a.checkRejectable();
        String txId = ledger.rejectFinancing(a.bankId(), new RejectFinancing(id), RequestId.of("fin-reject-" + id))
                .transactionId();
        return change(id, x -> x.rejected(reason, txId, Actor.of(caller), now()));
    }

    FinancingApplication disburse(String id, ScfPrincipal caller, String reference) {
        visibleToBank(id, caller);
        return change(id, x -> x.disbursed(reference, Actor.of(caller), now()));
    }

    /** What the bank needs to decide one application. */
    Underwriting underwriting(String id, ScfPrincipal caller, Integer rateBps) {
        FinancingApplication a = visibleToBank(id, caller);
        LocalDate today = calendar.today();
        FinancingApplication.TokenFacts token = a.token();
        long daysRemaining = ChronoUnit.DAYS.between(today, token.maturityDate());
        Integer proposed = a.rates().proposedBps();
        int rate = rateBps != null ? rateBps : proposed != null ? proposed : properties.defaultPreviewRateBps();
        Underwriting.PricingPreview preview;
        try {
            preview = new Underwriting.PricingPreview(Pricing.act360(token.faceAmountMinor(), rate, today,
                    token.maturityDate()), null);
        } catch (RuleViolation refused) {
            preview = new Underwriting.PricingPreview(null, refused.reason() + ": " + refused.detail());
        }
        String obligorName = enterprises.find(token.obligorId()).map(Enterprise::name).orElse(null);
        long threshold = fourEyesThreshold(a.bankId());
        return new Underwriting(a.id(), a.status().name(), lineageOf(a), new Underwriting.Obligor(token.obligorId(), obligorName),
                exposure(a.bankId(), token.obligorId(), token.currency()),
                new Underwriting.Maturity(token.maturityDate(), today, daysRemaining),
                duplicateCheck(a), preview, threshold, token.faceAmountMinor() > threshold, a.applicantId(),
                kyc.standingOf(a.applicantId()));
    }

    Underwriting.DuplicateCheck duplicateCheck(FinancingApplication a) {
        List<FinancingRepository.InvoiceMatch> matches = new ArrayList<>(repository.sameInvoiceNumbers(a));
        for (StoredDocument d : documents.list(Documents.Owner.FINANCING, a.id())) {
            if (FinancingDocumentKind.INVOICE.name().equals(d.kind())) {
                matches.addAll(repository.live(documents.ownersWithSameContent(Documents.Owner.FINANCING, a.id(), d.sha256()),
                        "same invoice document sha256 " + d.sha256()));
            }
        }
        return new Underwriting.DuplicateCheck(matches.isEmpty() ? "CLEAR" : "POSSIBLE_DUPLICATE", matches,
                "The payable's invoice fingerprints are unique on the ledger (RegisterPayable refuses a reused one with "
                        + "DUPLICATE_INVOICE); this check looks for the same invoice number or invoice file in this "
                        + "applicant's other live financing applications.");
    }

    // ---- the approval policy ----

    /**
     * SetApprovalPolicy signed by the bank user's personal identity: the first user proposes the threshold, a second
     * one confirms the same threshold and it applies (the ledger refuses the proposer with SAME_APPROVER, another
     * threshold with TERMS_MISMATCH). Each call is one ledger transaction, so its request id is fresh.
     */
    ApprovalPolicy proposeOrConfirmPolicy(ScfPrincipal caller, long fourEyesThresholdMinor) {
        requirePerson(caller, "change the approval policy");
        String bankId = caller.enterpriseId();
        ledger.setApprovalPolicy(Signer.person(bankId, caller.name()), new SetApprovalPolicy(fourEyesThresholdMinor),
                RequestId.fresh());
        return approvalPolicy(caller);
    }

    ApprovalPolicy approvalPolicy(ScfPrincipal caller) {
        return ledger.getApprovalPolicy(caller.enterpriseId(), new GetApprovalPolicy(caller.enterpriseId()));
    }

    // ---- limits ----

    /**
     * SetCreditLimit signed by the bank user's personal identity: the first user proposes the limit, a second one
     * confirms the same figure and it applies (the ledger refuses the proposer with SAME_APPROVER, another figure
     * with TERMS_MISMATCH). An API key cannot set limits. Each call is one ledger transaction, with a fresh request id.
     */
    CreditLimits.Exposure setLimit(ScfPrincipal caller, String obligorId, String currency, long limitMinor) {
        requirePerson(caller, "set a credit limit");
        Enterprise obligor = enterprises.find(obligorId).orElseThrow(() -> new NotFound(Reason.ENTERPRISE_NOT_FOUND,
                "No enterprise " + obligorId + "."));
        if (!"CORE".equals(obligor.role())) {
            throw new RuleViolation(Reason.INVALID_OBLIGOR, obligorId + " is " + obligor.role() + ", not a CORE enterprise.");
        }
        String bankId = caller.enterpriseId();
        ledger.setCreditLimit(Signer.person(bankId, caller.name()), new SetCreditLimit(obligorId, currency, limitMinor),
                RequestId.fresh());
        limits.copy(bankId, obligorId, currency, limitMinor, caller.subjectId(), now());
        return exposure(bankId, obligorId, currency);
    }

    List<CreditLimits.Exposure> limits(ScfPrincipal caller) {
        String bankId = caller.enterpriseId();
        return limits.keysOf(bankId).stream().map(k -> exposure(bankId, k.obligorId(), k.currency())).toList();
    }

    /** The bank's limit and exposure as the ledger records them, with the platform's count of pending applications. */
    CreditLimits.Exposure exposure(String bankId, String obligorId, String currency) {
        CreditLimit l = ledger.getCreditLimit(bankId, new GetCreditLimit(bankId, obligorId, currency));
        CreditLimit.Proposal proposal = l.proposal();
        return new CreditLimits.Exposure(bankId, obligorId, currency, l.inForce() ? l.limitMinor() : null,
                l.consumedMinor(), l.reservedMinor(), limits.pendingMinor(bankId, obligorId, currency),
                l.inForce() ? l.availableMinor() : null, username(l.confirmedBy()), l.updatedAt(),
                proposal == null ? null : proposal.limitMinor(), proposal == null ? null : username(proposal.proposedBy()));
    }

    private static String username(Approver approver) {
        return approver == null ? null : approver.username();
    }

    // ---- reads ----

    FinancingApplication visible(String id, ScfPrincipal caller) {
        FinancingApplication a = repository.find(id).orElseThrow(() -> notFound(id));
        boolean sees = caller.role() == Role.PLATFORM_ADMIN || caller.role() == Role.AUDITOR
                || a.applicantId().equals(caller.enterpriseId()) || a.bankId().equals(caller.enterpriseId());
        if (!sees || (a.status() == FinancingStatus.DRAFT && a.bankId().equals(caller.enterpriseId()))) {
            throw notFound(id);
        }
        return a;
    }

    List<FinancingApplication> list(ScfPrincipal caller, List<FinancingStatus> statuses, int limit, int offset) {
        List<String> s = statuses == null || statuses.isEmpty() ? ALL : statuses.stream().map(Enum::name).toList();
        return switch (caller.role()) {
            case SUPPLIER -> repository.list(caller.enterpriseId(), null, s, limit, offset);
            case BANK -> repository.list(null, caller.enterpriseId(),
                    s.stream().filter(x -> !x.equals("DRAFT")).toList().isEmpty() ? List.of("NONE")
                            : s.stream().filter(x -> !x.equals("DRAFT")).toList(), limit, offset);
            case PLATFORM_ADMIN, AUDITOR -> repository.list(null, null, s, limit, offset);
            default -> throw new NotPermitted("Not allowed for this caller.");
        };
    }

    List<StoredDocument> documents(String id) {
        return documents.list(Documents.Owner.FINANCING, id);
    }

    Optional<Documents.Content> document(String id, UUID documentId) {
        return documents.content(Documents.Owner.FINANCING, id, documentId);
    }

    /** Two different bank users approve above the bank's four-eyes threshold on the ledger, one at or below it. */
    int requiredApprovals(FinancingApplication a) {
        return a.token().faceAmountMinor() > fourEyesThreshold(a.bankId()) ? 2 : 1;
    }

    List<EventView> timeline(String id) {
        return repository.timeline(id);
    }

    List<Underwriting.LineageStep> lineageOf(FinancingApplication a) {
        String lineage = a.submission().lineage();
        if (lineage == null) {
            return List.of();
        }
        List<Underwriting.LineageStep> steps = new ArrayList<>();
        json.readTree(lineage).forEach(n -> steps.add(new Underwriting.LineageStep(n.path("tokenId").asString(),
                n.path("parentId").asString(null), n.path("holderId").asString(), n.path("amountMinor").asLong(),
                n.path("tier").asInt(), n.path("status").asString(), n.path("createdByTx").asString(null))));
        return steps;
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public Optional<Object> canonicalRecord(String recordId, ScfPrincipal caller) {
        try {
            FinancingApplication a = visible(recordId, caller);
            return Optional.of(a.canonical(documents.listRehashed(Documents.Owner.FINANCING, a.id())));
        } catch (NotFound hidden) {
            return Optional.empty();
        }
    }

    // ---- helpers ----

    private Token token(String enterpriseId, String tokenId) {
        try {
            return ledger.getToken(enterpriseId, new GetToken(tokenId));
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND, ErrorCode.UNAUTHORIZED, ErrorCode.INVALID_ARGUMENT)) {
                throw tokenNotFound(tokenId);
            }
            throw refusal;
        }
    }

    /** The token's path back to its payable's root token, as the ledger gives it (GetLineage), kept compact. */
    private String lineage(String enterpriseId, String tokenId) {
        List<Map<String, Object>> compact = new ArrayList<>();
        for (Token t : ledger.getLineage(enterpriseId, new GetLineage(tokenId))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tokenId", t.id());
            m.put("parentId", t.parentId());
            m.put("holderId", t.holderId());
            m.put("amountMinor", t.amount());
            m.put("tier", t.tier());
            m.put("status", t.status().name());
            m.put("createdByTx", t.createdByTx());
            compact.add(m);
        }
        return Canonical.json(compact);
    }

    private FinancingApplication change(String id, Function<FinancingApplication, TimelineEntry> transition) {
        return tx.execute(s -> {
            FinancingApplication a = repository.lock(id).orElseThrow(() -> notFound(id));
            repository.save(a, transition.apply(a));
            return a;
        });
    }

    private FinancingApplication ownedByApplicant(String id, ScfPrincipal caller) {
        FinancingApplication a = repository.find(id).orElseThrow(() -> notFound(id));
        if (!a.applicantId().equals(caller.enterpriseId())) {
            throw notFound(id);
        }
        return a;
    }

    /** The application as its bank sees it; another bank (or a draft) gets 404, as if it did not exist. */
    private FinancingApplication visibleToBank(String id, ScfPrincipal caller) {
        FinancingApplication a = repository.find(id).orElseThrow(() -> notFound(id));
        if (!a.bankId().equals(caller.enterpriseId()) || a.status() == FinancingStatus.DRAFT) {
            throw notFound(id);
        }
        return a;
    }

    /** Credit decisions are taken by people (users), not by ERP API keys: four eyes are two users. */
    private static void requirePerson(ScfPrincipal caller, String what) {
        if (caller.kind() != ScfPrincipal.Kind.USER) {
            throw new NotPermitted(Reason.USER_REQUIRED, "Only a bank user (not an API key) may " + what + ".");
        }
    }

    private static NotFound notFound(String id) {
        return new NotFound(Reason.FINANCING_NOT_FOUND, "No financing application " + id + ".");
    }

    private static NotFound tokenNotFound(String tokenId) {
        return new NotFound(Reason.TOKEN_NOT_FOUND, "No token " + tokenId + " held by the caller's enterprise.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
