package com.scfledger.platform.kyc;

import com.scfledger.platform.ledger.LedgerFailure;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.scfledger.contract.anchor.AnchorRecord;
import com.scfledger.contract.anchor.GetAnchor;
import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.DocumentKinds;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.audit.AuditTrail;
import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.enterprise.Enterprise;
import com.scfledger.platform.enterprise.EnterpriseOnboarding;
import com.scfledger.platform.enterprise.Enterprises;
import com.scfledger.platform.identity.LedgerEnrollment;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.verify.AnchoredRecordSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The KYC workflow: the applicant's side (details, documents, submission), the platform admins' maker-checker
 * review, and on approval the ledger: enroll the enterprise's identity at its CA, anchor the canonical KYC record
 * (AnchorRecord KYC/{id}) and admit the enterprise over it with four eyes (ProposeAdmission signed by the reviewer's
 * personal ledger identity, RegisterEnterprise by the approver's). Each ledger step is recorded as it completes, so a
 * failed activation is resumed where it stopped.
 */
@Service
class KycService implements AnchoredRecordSource {

    static final String RECORD_TYPE = "KYC";
    private static final Logger log = LoggerFactory.getLogger(KycService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KycRepository repository;
    private final Documents documents;
    private final Enterprises enterprises;
    private final EnterpriseOnboarding onboarding;
    private final LedgerEnrollment enrollment;
    private final ScfLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String operatorId;

    KycService(KycRepository repository, Documents documents, Enterprises enterprises, EnterpriseOnboarding onboarding,
               LedgerEnrollment enrollment, ScfLedger ledger, TransactionTemplate tx, Clock clock,
               @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.repository = repository;
        this.documents = documents;
        this.enterprises = enterprises;
        this.onboarding = onboarding;
        this.enrollment = enrollment;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.operatorId = operatorId;
    }

    // ---- the applicant ----

    KycApplication create(ScfPrincipal caller, KycRequests.Application request) {
        String enterpriseId = applicantEnterprise(caller);
        Enterprise enterprise = enterprises.require(enterpriseId);
        if (!"PENDING".equals(enterprise.status())) {
            throw new InvalidTransition(Reason.ENTERPRISE_ALREADY_ADMITTED, "Enterprise " + enterpriseId + " is "
                    + enterprise.status() + "; KYC onboarding is for enterprises that are not admitted yet.");
        }
        if (request.role() != null && !request.role().name().equals(enterprise.role())) {
            throw new RuleViolation(Reason.ROLE_MISMATCH, "Enterprise " + enterpriseId + " was invited as "
                    + enterprise.role() + ", not " + request.role() + ".");
        }
        Instant now = now();
        String id = "KYC-" + HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        KycApplication a = KycApplication.draft(id, enterpriseId, enterprise.role(), request.toDetails(), Actor.of(caller), now);
        tx.executeWithoutResult(s -> repository.save(a, a.created(Actor.of(caller))));
        AuditTrail.note("kycApplicationId", id);
        return a;
    }

    KycApplication update(String id, ScfPrincipal caller, KycRequests.Application request) {
        if (request.role() != null) {
            KycApplication current = own(id, caller);
            if (!request.role().name().equals(current.role())) {
                throw new RuleViolation(Reason.ROLE_MISMATCH, "The application is for a " + current.role() + " enterprise.");
            }
        }
        return change(id, a -> {
            own(a, caller);
            return a.update(request.toDetails(), Actor.of(caller), now());
        });
    }

    StoredDocument upload(String id, ScfPrincipal caller, String kind, MultipartFile file) {
        KycDocumentKind documentKind = DocumentKinds.parse(KycDocumentKind.class, kind);
        own(id, caller).requireEditable("uploaded");
        Documents.Upload upload = documents.check(file);
        StoredDocument stored = tx.execute(s -> {
            KycApplication current = own(id, caller);
            current.requireEditable("uploaded");
            StoredDocument d = documents.store(Documents.Owner.KYC, id, documentKind.name(), upload, caller.subjectId());
            repository.record(id, current.documentAdded(d, Actor.of(caller)));
            return d;
        });
        AuditTrail.note("documentId", stored.id());
        AuditTrail.note("sha256", stored.sha256());
        return stored;
    }

    KycApplication submit(String id, ScfPrincipal caller) {
        return change(id, a -> {
            own(a, caller);
            return a.submit(documents.list(Documents.Owner.KYC, id), Actor.of(caller), now());
        });
    }

    List<KycApplication> mine(ScfPrincipal caller) {
        return repository.byEnterprise(applicantEnterprise(caller));
    }

    KycApplication own(String id, ScfPrincipal caller) {
        return own(repository.find(id).orElseThrow(() -> notFound(id)), caller);
    }

    // ---- platform admins ----

    KycApplication require(String id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    List<KycApplication> queue(List<KycStatus> statuses, int limit, int offset) {
        return repository.byStatus(statuses, limit, offset);
    }

    KycApplication review(String id, ScfPrincipal admin, String note) {
        return change(id, a -> a.review(Actor.of(admin), note, now()));
    }

    KycApplication requestMoreInformation(String id, ScfPrincipal admin, String reason) {
        return change(id, a -> a.requestMoreInformation(Actor.of(admin), reason, now()));
    }

    KycApplication reject(String id, ScfPrincipal admin, String reason) {
        return change(id, a -> a.reject(Actor.of(admin), reason, now()));
    }

    /** The checker's approval, then the ledger activation. */
    KycApplication approve(String id, ScfPrincipal admin, String note) {
        KycApplication approved = change(id, a -> {
            TimelineEntry e = a.approve(Actor.of(admin), note, documents.listRehashed(Documents.Owner.KYC, id), now());
            onboarding.recordKycHash(a.enterpriseId(), a.recordHash());
            return e;
        });
        AuditTrail.note("recordHash", approved.recordHash());
        return activate(approved, admin);
    }

    /** Resumes the ledger activation of an approved application where it stopped. */
    KycApplication activate(String id, ScfPrincipal admin) {
        KycApplication a = require(id);
        a.requireApproved();
        if (a.activated()) {
            throw new InvalidTransition(Reason.ALREADY_ACTIVATED, "Application " + id + " was activated on the ledger at "
                    + a.activation().activatedAt() + ".");
        }
        return activate(a, admin);
    }

    private KycApplication activate(KycApplication a, ScfPrincipal admin) {
        Actor actor = Actor.of(admin);
        String enterpriseId = a.enterpriseId();
        String step = "LEDGER_IDENTITY";
        try {
            if (a.activation().enrollmentId() == null) {
                String enrollmentId = enrollment.currentEnrollmentId(enterpriseId)
                        .orElseGet(() -> enrollment.enroll(enterpriseId));
                a = change(a.id(), x -> x.identityEnrolled(enrollmentId, actor, now()));
            }
            // The ledger admits an enterprise only over an anchored KYC record: anchor first, then admit.
            step = "KYC_ANCHOR";
            if (a.activation().anchorTx() == null) {
                String anchorTx = anchor(a);
                a = change(a.id(), x -> x.anchored(anchorTx, actor, now()));
            }
            step = "LEDGER_REGISTRATION";
            if (a.activation().registeredTx() == null) {
                Enterprise e = enterprises.require(enterpriseId);
                String registeredTx = "PENDING".equals(e.status())
                        ? onboarding.registerOnLedger(enterpriseId, a.id(), a.reviewer().by().name(),
                                a.approver().by().name()).ledgerRegisteredTx()
                        : e.ledgerRegisteredTx();
                String txId = registeredTx == null ? "confirmed-on-ledger" : registeredTx;
                a = change(a.id(), x -> x.registered(txId, actor, now()));
            }
            log.info("KYC application {} activated: enterprise {} enrolled, registered and anchored", a.id(), enterpriseId);
            return a;
        } catch (ApiProblem | DomainException | LedgerFailure refused) {
            ApiProblem p = ApiProblem.answerTo(refused);
            String failedStep = step;
            KycApplication failed = a;
            String id = a.id();
            tx.executeWithoutResult(s -> repository.record(id,
                    failed.activationFailed(failedStep, p.code(), p.detail(), actor, now())));
            throw p.with("applicationStatus", "APPROVED").with("activationStep", failedStep)
                    .with("resume", "POST /api/v1/admin/kyc/applications/" + id + "/activation");
        }
    }

    /** AnchorRecord(KYC, id, sha256) signed by the platform operator; a retry after a lost answer is confirmed from the
     * ledger. */
    private String anchor(KycApplication a) {
        Committed anchored = ledger.anchorRecord(operatorId, new AnchorRecord(RECORD_TYPE, a.id(), a.recordHash()),
                RequestId.of("anchor-kyc-" + a.id()));
        if (anchored.confirmedFromLedger()
                && !a.recordHash().equals(ledger.getAnchor(operatorId, new GetAnchor(RECORD_TYPE, a.id())).sha256())) {
            throw new RuleViolation(Reason.ANCHOR_MISMATCH, "The ledger anchors another hash for KYC/" + a.id() + ".");
        }
        return anchored.transactionId();
    }

    // ---- other features ----

    /** The latest application of an enterprise, for underwriting. */
    Optional<KycApplication> latest(String enterpriseId) {
        return repository.latest(enterpriseId);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public Optional<Object> canonicalRecord(String recordId, ScfPrincipal caller) {
        return repository.find(recordId)
                .filter(a -> caller.role() == Role.PLATFORM_ADMIN || caller.role() == Role.AUDITOR
                        || a.enterpriseId().equals(caller.enterpriseId()))
                .map(a -> a.canonical(documents.listRehashed(Documents.Owner.KYC, a.id())));
    }

    List<EventView> events(String id) {
        return repository.timeline(id);
    }

    List<StoredDocument> documents(String id) {
        return documents.list(Documents.Owner.KYC, id);
    }

    Optional<Documents.Content> document(String id, UUID documentId) {
        return documents.content(Documents.Owner.KYC, id, documentId);
    }

    // ---- helpers ----

    /** Loads, applies a transition and saves it with its event, in one database transaction. */
    private KycApplication change(String id, Function<KycApplication, TimelineEntry> transition) {
        return tx.execute(s -> {
            KycApplication a = require(id);
            repository.save(a, transition.apply(a));
            return a;
        });
    }

    private KycApplication own(KycApplication a, ScfPrincipal caller) {
        if (!a.enterpriseId().equals(caller.enterpriseId())) {
            throw notFound(a.id());
        }
        return a;
    }

    private static String applicantEnterprise(ScfPrincipal caller) {
        if (caller.enterpriseId() == null || caller.role() == Role.PLATFORM_ADMIN || caller.role() == Role.AUDITOR) {
            throw new NotPermitted("Only a user of the applying enterprise files its KYC application.");
        }
        return caller.enterpriseId();
    }

    private static NotFound notFound(String id) {
        return new NotFound(Reason.KYC_APPLICATION_NOT_FOUND, "No KYC application " + id + ".");
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
