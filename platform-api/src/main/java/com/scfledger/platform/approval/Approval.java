package com.scfledger.platform.approval;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.ConcurrentUpdate;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.RuleViolation;

/**
 * The maker-checker life every application shares, whatever it applies for: a status that only moves along its
 * graph ({@link ApprovalState}), the submission, the two signatures (the checker is never the maker), the reason of
 * the last decision against the applicant, and the version that makes a concurrent change fail instead of being
 * lost. An aggregate (a KYC application, a financing application) holds one and adds its own rules around it.
 * Every step returns the {@link TimelineEntry} to record.
 */
public final class Approval<S extends Enum<S> & ApprovalState<S>> {

    private final String applicationId;
    private final RefusalCodes codes;
    private S status;
    private int version;
    private Instant submittedAt;
    private Signature maker;
    private Signature checker;
    private String reason;
    private Instant updatedAt;

    private Approval(String applicationId, RefusalCodes codes, S status, int version, Instant submittedAt,
                     Signature maker, Signature checker, String reason, Instant updatedAt) {
        this.applicationId = applicationId;
        this.codes = codes;
        this.status = status;
        this.version = version;
        this.submittedAt = submittedAt;
        this.maker = maker;
        this.checker = checker;
        this.reason = reason;
        this.updatedAt = updatedAt;
    }

    /** A new application in its first status, never saved (version 0). */
    public static <S extends Enum<S> & ApprovalState<S>> Approval<S> start(String applicationId, RefusalCodes codes,
                                                                          S first, Instant now) {
        return new Approval<>(applicationId, codes, first, 0, null, null, null, null, now);
    }

    /** An application as it was saved. */
    public static <S extends Enum<S> & ApprovalState<S>> Approval<S> restore(String applicationId, RefusalCodes codes,
            S status, int version, Instant submittedAt, Signature maker, Signature checker, String reason,
            Instant updatedAt) {
        return new Approval<>(applicationId, codes, status, version, submittedAt, maker, checker, reason, updatedAt);
    }

    // ---- guards ----

    /** Refuses unless the graph allows the current status to become {@code next}. */
    public void requireCanBecome(S next, String verb) {
        if (!status.canBecome(next)) {
            throw invalidTransition(verb);
        }
    }

    /** The refusal for a step the current status does not allow. */
    public InvalidTransition invalidTransition(String verb) {
        return new InvalidTransition(codes.invalidState(),
                "Application " + applicationId + " is " + status + " and cannot be " + verb + ".");
    }

    /** Refuses a change of details or documents unless the applicant may still edit. */
    public void requireEditable(String what) {
        if (!status.editable()) {
            String editable = EnumSet.allOf(status.getDeclaringClass()).stream().filter(ApprovalState::editable)
                    .map(Enum::name).collect(Collectors.joining(" or "));
            throw new InvalidTransition(codes.notEditable(), "Application "
                    + applicationId + " is " + status + "; details and documents can be " + what + " only in " + editable
                    + ".");
        }
    }

    /** Refuses unless the documents include at least one of every kind. */
    public <K extends Enum<K>> void requireDocuments(Class<K> kinds, List<StoredDocument> documents) {
        Set<K> missing = EnumSet.allOf(kinds);
        documents.forEach(d -> missing.removeIf(k -> k.name().equals(d.kind())));
        if (!missing.isEmpty()) {
            throw new RuleViolation(codes.documentsMissing(), "Upload " + missing + " before submitting.");
        }
    }

    // ---- steps ----

    /** The application was created in its first status. */
    public TimelineEntry created(Actor actor, TimelineFacts facts) {
        return new TimelineEntry("CREATED", null, status.name(), actor, facts, null, null, updatedAt);
    }

    /** Moves to {@code next} if the graph allows it; {@code note} is what the actor typed, if anything. */
    public TimelineEntry move(S next, String verb, String action, Actor actor, TimelineFacts facts, String note,
                              String ledgerTxId, Instant now) {
        requireCanBecome(next, verb);
        S from = status;
        status = next;
        updatedAt = now;
        return new TimelineEntry(action, from.name(), next.name(), actor, facts, note, ledgerTxId, now);
    }

    /** A step that keeps the status (details changed, a ledger step done). */
    public TimelineEntry note(String action, Actor actor, TimelineFacts facts, String ledgerTxId, Instant now) {
        updatedAt = now;
        return new TimelineEntry(action, status.name(), status.name(), actor, facts, null, ledgerTxId, now);
    }

    /** Something happened around the application that leaves it as it is (a failed ledger call, a document). */
    public TimelineEntry remark(String action, Actor actor, TimelineFacts facts, Instant at) {
        return new TimelineEntry(action, status.name(), status.name(), actor, facts, null, null, at);
    }

    /** A document was added; only while the applicant may edit. The application itself does not change. */
    public TimelineEntry documentAdded(StoredDocument document, Actor actor) {
        requireEditable("uploaded");
        return remark("DOCUMENT_UPLOADED", actor,
                TimelineFacts.builder().document(document.kind(), document.fileName(), document.sha256()).build(),
                document.uploadedAt());
    }

    /** Submitted (again): the review starts over, without signatures or an earlier reason. */
    public TimelineEntry submit(S submitted, String action, Actor applicant, TimelineFacts facts, String ledgerTxId,
                                Instant now) {
        TimelineEntry entry = move(submitted, "submitted", action, applicant, facts, null, ledgerTxId, now);
        submittedAt = now;
        maker = null;
        checker = null;
        reason = null;
        return entry;
    }

    /** A decision against the applicant (more information wanted, rejection), with its reason as the note. */
    public TimelineEntry decideAgainst(S next, String verb, String action, Actor decider, String why,
                                       TimelineFacts facts, String ledgerTxId, Instant now) {
        TimelineEntry entry = move(next, verb, action, decider, facts, why, ledgerTxId, now);
        reason = why;
        return entry;
    }

    /** The maker's decision: the first of the two. */
    public void signAsMaker(Actor actor, Instant now) {
        maker = new Signature(actor, now);
    }

    /** The checker's decision; four eyes: never the maker's. */
    public void signAsChecker(Actor actor, Instant now) {
        if (maker != null && maker.by().sameAs(actor)) {
            throw new NotPermitted(codes.sameChecker(), "Four eyes: " + actor.name()
                    + " made the first decision on application " + applicationId
                    + "; the second must come from someone else.");
        }
        checker = new Signature(actor, now);
    }

    /** One person decides alone, where the side's rules allow it (both signatures are theirs). */
    public void signAlone(Actor actor, Instant now) {
        maker = new Signature(actor, now);
        checker = maker;
    }

    /** The checker's decision did not stand; the maker's does. */
    public void withdrawChecker() {
        checker = null;
    }

    /** Neither decision stands. */
    public void withdrawSignatures() {
        maker = null;
        checker = null;
    }

    /** The refusal of a save over a version someone else saved meanwhile. */
    public ConcurrentUpdate changedMeanwhile() {
        return new ConcurrentUpdate("Application " + applicationId
                + " was changed by someone else meanwhile; reload it and try again.");
    }

    /** The store saved this state: the next save expects this version. */
    public void saved() {
        version++;
    }

    // ---- reads ----

    /** Two different people decided. */
    public boolean fourEyes() {
        return maker != null && checker != null && !maker.by().sameAs(checker.by());
    }

    public S status() {
        return status;
    }

    /** The version the application was loaded at; the store refuses a save over a newer one. */
    public int version() {
        return version;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Signature maker() {
        return maker;
    }

    public Signature checker() {
        return checker;
    }

    public String reason() {
        return reason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
