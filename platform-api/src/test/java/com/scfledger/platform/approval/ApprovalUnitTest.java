package com.scfledger.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.ConcurrentUpdate;
import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ApprovalUnitTest {

    /** A small maker-checker graph: drafted, submitted, checked by one and approved by another, or sent back. */
    enum Stage implements ApprovalState<Stage> {
        DRAFT, SUBMITTED, CHECKED, RETURNED, APPROVED, REJECTED;

        @Override
        public Set<Stage> successors() {
            return switch (this) {
                case DRAFT -> EnumSet.of(SUBMITTED);
                case SUBMITTED -> EnumSet.of(CHECKED, RETURNED, REJECTED);
                case CHECKED -> EnumSet.of(APPROVED, RETURNED, REJECTED);
                case RETURNED -> EnumSet.of(SUBMITTED);
                case APPROVED, REJECTED -> EnumSet.noneOf(Stage.class);
            };
        }

        @Override
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    enum Paper { LICENCE, CONTRACT }

    private static final RefusalCodes CODES = new RefusalCodes(Reason.INVALID_KYC_STATE, Reason.KYC_NOT_EDITABLE,
            Reason.KYC_DOCUMENTS_MISSING, Reason.SAME_REVIEWER);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Actor APPLICANT = new Actor("u0", "applicant");
    private static final Actor MAKER = new Actor("a1", "maker");
    private static final Actor CHECKER = new Actor("a2", "checker");

    private static Approval<Stage> at(Stage stage) {
        return Approval.restore("APP-1", CODES, stage, 3, null, null, null, null, T0);
    }

    private static DomainException refusal(Runnable step) {
        try {
            step.run();
        } catch (DomainException r) {
            return r;
        }
        throw new AssertionError("not refused");
    }

    private static StoredDocument paper(String kind) {
        return new StoredDocument(UUID.randomUUID(), kind, kind.toLowerCase() + ".pdf", "application/pdf", 10,
                "c".repeat(64), "u0", T1);
    }

    @Test
    void everyTransitionOfTheGraphIsAllowedAndEveryOtherIsRefusedWithoutAChange() {
        int allowed = 0;
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                Approval<Stage> a = at(from);
                if (from.successors().contains(to)) {
                    TimelineFacts facts = TimelineFacts.builder().rate(450).build();
                    TimelineEntry e = a.move(to, "moved", "MOVED", MAKER, facts, "why", "tx-1", T1);
                    assertThat(a.status()).isEqualTo(to);
                    assertThat(a.updatedAt()).isEqualTo(T1);
                    assertThat(e).isEqualTo(new TimelineEntry("MOVED", from.name(), to.name(), MAKER, facts, "why", "tx-1",
                            T1));
                    allowed++;
                } else {
                    DomainException r = refusal(() -> a.move(to, "moved", "MOVED", MAKER, TimelineFacts.NONE, null, null, T1));
                    assertThat(r).isInstanceOf(InvalidTransition.class);
                    assertThat(r.reason()).isEqualTo(Reason.INVALID_KYC_STATE);
                    assertThat(r.detail()).isEqualTo("Application APP-1 is " + from + " and cannot be moved.");
                    assertThat(a.status()).isEqualTo(from);
                    assertThat(a.updatedAt()).isEqualTo(T0);
                }
            }
        }
        assertThat(allowed).isEqualTo(8);
    }

    @Test
    void theCheckerIsNeverTheMaker() {
        Approval<Stage> a = at(Stage.SUBMITTED);
        a.move(Stage.CHECKED, "checked", "CHECKED", MAKER, TimelineFacts.NONE, null, null, T1);
        a.signAsMaker(MAKER, T1);
        DomainException r = refusal(() -> a.signAsChecker(new Actor("a1", "the maker under another name"), T1));
        assertThat(r).isInstanceOf(NotPermitted.class);
        assertThat(r.reason()).isEqualTo(Reason.SAME_REVIEWER);
        assertThat(a.checker()).isNull();
        assertThat(a.fourEyes()).isFalse();

        a.signAsChecker(CHECKER, T1);
        assertThat(a.maker()).isEqualTo(new Signature(MAKER, T1));
        assertThat(a.checker()).isEqualTo(new Signature(CHECKER, T1));
        assertThat(a.fourEyes()).isTrue();
    }

    @Test
    void oneDecidingAloneSignsTwiceButIsNotFourEyes() {
        Approval<Stage> a = at(Stage.SUBMITTED);
        a.signAlone(MAKER, T1);
        assertThat(a.maker()).isEqualTo(a.checker());
        assertThat(a.fourEyes()).isFalse();
        a.withdrawChecker();
        assertThat(a.maker()).isNotNull();
        assertThat(a.checker()).isNull();
        a.withdrawSignatures();
        assertThat(a.maker()).isNull();
    }

    @Test
    void aResubmissionStartsTheReviewOverWithoutSignaturesOrReason() {
        Approval<Stage> a = at(Stage.CHECKED);
        a.signAsMaker(MAKER, T0);
        TimelineEntry back = a.decideAgainst(Stage.RETURNED, "returned", "RETURNED", CHECKER, "blurred scan",
                TimelineFacts.NONE, null, T0);
        assertThat(back.note()).isEqualTo("blurred scan");
        assertThat(a.reason()).isEqualTo("blurred scan");
        TimelineEntry e = a.submit(Stage.SUBMITTED, "RESUBMITTED", APPLICANT, TimelineFacts.NONE, null, T1);
        assertThat(e.fromStatus()).isEqualTo("RETURNED");
        assertThat(a.submittedAt()).isEqualTo(T1);
        assertThat(a.maker()).isNull();
        assertThat(a.checker()).isNull();
        assertThat(a.reason()).isNull();
    }

    @Test
    void detailsAndDocumentsChangeOnlyInAnEditableState() {
        DomainException r = refusal(() -> at(Stage.SUBMITTED).requireEditable("changed"));
        assertThat(r).isInstanceOf(InvalidTransition.class);
        assertThat(r.reason()).isEqualTo(Reason.KYC_NOT_EDITABLE);
        assertThat(r.detail()).isEqualTo("Application APP-1 is SUBMITTED; details and documents can be changed only in "
                + "DRAFT or RETURNED.");
        assertThat(refusal(() -> at(Stage.APPROVED).documentAdded(paper("LICENCE"), APPLICANT)).reason())
                .isEqualTo(Reason.KYC_NOT_EDITABLE);

        Approval<Stage> a = at(Stage.RETURNED);
        a.requireEditable("changed");
        TimelineEntry e = a.documentAdded(paper("LICENCE"), APPLICANT);
        assertThat(e.action()).isEqualTo("DOCUMENT_UPLOADED");
        assertThat(e.facts()).isEqualTo(TimelineFacts.builder().document("LICENCE", "licence.pdf", "c".repeat(64)).build());
        assertThat(e.note()).isNull();
        assertThat(e.at()).isEqualTo(T1);
        assertThat(a.updatedAt()).isEqualTo(T0);
    }

    @Test
    void everyKindOfDocumentIsRequiredAndTheMissingOnesAreNamed() {
        Approval<Stage> a = at(Stage.DRAFT);
        DomainException r = refusal(() -> a.requireDocuments(Paper.class, List.of(paper("LICENCE"), paper("OTHER"))));
        assertThat(r).isInstanceOf(RuleViolation.class);
        assertThat(r.reason()).isEqualTo(Reason.KYC_DOCUMENTS_MISSING);
        assertThat(r.detail()).isEqualTo("Upload [CONTRACT] before submitting.");
        a.requireDocuments(Paper.class, List.of(paper("CONTRACT"), paper("LICENCE"), paper("LICENCE")));
    }

    @Test
    void aSaveMovesTheExpectedVersionOn() {
        Approval<Stage> fresh = Approval.start("APP-2", CODES, Stage.DRAFT, T0);
        assertThat(fresh.version()).isZero();
        TimelineFacts facts = TimelineFacts.builder().token("T.0").build();
        assertThat(fresh.created(APPLICANT, facts))
                .isEqualTo(new TimelineEntry("CREATED", null, "DRAFT", APPLICANT, facts, null, null, T0));
        fresh.saved();
        assertThat(fresh.version()).isEqualTo(1);
        Approval<Stage> loaded = at(Stage.DRAFT);
        loaded.saved();
        assertThat(loaded.version()).isEqualTo(4);
        ConcurrentUpdate conflict = loaded.changedMeanwhile();
        assertThat(conflict.reason()).isEqualTo(Reason.CONCURRENT_UPDATE);
        assertThat(conflict.detail()).contains("APP-1");
    }

    @Test
    void aDocumentKindIsReadLeniently() {
        assertThat(DocumentKinds.parse(Paper.class, " contract ")).isEqualTo(Paper.CONTRACT);
        DomainException r = refusal(() -> DocumentKinds.parse(Paper.class, "INVOICE"));
        assertThat(r).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) r).field()).isEqualTo("kind");
        assertThat(r.detail()).isEqualTo("must be one of [LICENCE, CONTRACT]");
        assertThat(refusal(() -> DocumentKinds.parse(Paper.class, null))).isInstanceOf(InvalidInput.class);
    }
}
