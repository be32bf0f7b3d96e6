package com.scfledger.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.approval.TimelineFacts;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class FinancingApplicationUnitTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor SUPPLIER = new Actor("s1", "supplier");
    private static final Actor MAKER = new Actor("b1", "maker");
    private static final Actor CHECKER = new Actor("b2", "checker");
    private static final long THRESHOLD = 500_000;
    private static final FinancingApplication.Terms TERMS =
            new FinancingApplication.Terms(LocalDate.parse("2026-03-02"), 120, 1, 99);

    private static FinancingApplication draft(long face) {
        return FinancingApplication.draft("FIN-1", "SUP", "BANK",
                new FinancingApplication.TokenFacts("tx.0", "CORE", "PO-1", 1, face, "CNY", LocalDate.parse("2026-06-30")),
                List.of("INV-1"), SUPPLIER, NOW);
    }

    private static FinancingApplication submitted(long face) {
        FinancingApplication a = draft(face);
        a.checkSubmittable(List.of(doc("INVOICE"), doc("CONTRACT")));
        a.submitted("a".repeat(64), "tx-req", "[]", SUPPLIER, NOW);
        return a;
    }

    private static StoredDocument doc(String kind) {
        return new StoredDocument(UUID.randomUUID(), kind, kind.toLowerCase() + ".pdf", "application/pdf", 10,
                "b".repeat(64), "s1", NOW);
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (DomainException p) {
            return p.reason().name();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theGraphIsTheDocumentedOne() {
        List<String> legal = new ArrayList<>();
        for (FinancingStatus from : FinancingStatus.values()) {
            for (FinancingStatus to : FinancingStatus.values()) {
                if (from.canBecome(to)) {
                    legal.add(from + ">" + to);
                }
            }
        }
        assertThat(legal).containsExactlyInAnyOrder("DRAFT>SUBMITTED", "DRAFT>CANCELLED",
                "SUBMITTED>AWAITING_SECOND_APPROVAL", "SUBMITTED>APPROVING", "SUBMITTED>REJECTED", "SUBMITTED>CANCELLED",
                "AWAITING_SECOND_APPROVAL>APPROVING", "AWAITING_SECOND_APPROVAL>REJECTED",
                "AWAITING_SECOND_APPROVAL>CANCELLED", "APPROVING>APPROVED", "APPROVING>SUBMITTED",
                "APPROVING>AWAITING_SECOND_APPROVAL", "APPROVED>DISBURSED");
    }

    @Test
    void aSubmissionNeedsAnInvoiceAndAContract() {
        FinancingApplication a = draft(100);
        assertThat(code(() -> a.checkSubmittable(List.of(doc("INVOICE"))))).isEqualTo("FINANCING_DOCUMENTS_MISSING");
        a.checkSubmittable(List.of(doc("INVOICE"), doc("CONTRACT")));
        TimelineEntry e = a.submitted("a".repeat(64), "tx-req", "[]", SUPPLIER, NOW);
        assertThat(e.ledgerTxId()).isEqualTo("tx-req");
        assertThat(e.facts()).isEqualTo(TimelineFacts.builder().token("tx.0").counterparty("BANK").amount(100, "CNY")
                .record("FINANCING_APPLICATION", "FIN-1", "a".repeat(64)).build());
        assertThat(e.note()).isNull();
        assertThat(a.submission()).isEqualTo(new FinancingApplication.Submission("a".repeat(64), "tx-req", "[]"));
        assertThat(code(() -> a.checkSubmittable(List.of(doc("INVOICE"), doc("CONTRACT")))))
                .isEqualTo("INVALID_FINANCING_STATE");
    }

    @Test
    void atOrBelowTheThresholdOneApprovalGoesToTheLedger() {
        FinancingApplication a = submitted(THRESHOLD);
        TimelineEntry e = a.approve(MAKER, 450, THRESHOLD, NOW);
        assertThat(a.status()).isEqualTo(FinancingStatus.APPROVING);
        assertThat(e.action()).isEqualTo("APPROVAL");
        assertThat(a.rates().approvedBps()).isEqualTo(450);
        assertThat(a.approval().checker().by()).isEqualTo(MAKER);
        assertThat(a.fourEyes()).isFalse();
    }

    @Test
    void aboveTheThresholdTheSecondApprovalMustComeFromAnotherUser() {
        FinancingApplication a = submitted(THRESHOLD + 1);
        assertThat(a.approve(MAKER, 450, THRESHOLD, NOW).action()).isEqualTo("FIRST_APPROVAL");
        assertThat(a.status()).isEqualTo(FinancingStatus.AWAITING_SECOND_APPROVAL);
        assertThat(a.rates()).isEqualTo(new FinancingApplication.Rates(450, null));
        assertThat(code(() -> a.approve(MAKER, 450, THRESHOLD, NOW))).isEqualTo("SAME_APPROVER");
        assertThat(code(() -> a.approve(CHECKER, 500, THRESHOLD, NOW))).isEqualTo("TERMS_MISMATCH");
        assertThat(a.status()).isEqualTo(FinancingStatus.AWAITING_SECOND_APPROVAL);
        assertThat(a.approval().checker()).isNull();
        assertThat(a.approve(CHECKER, null, THRESHOLD, NOW).action()).isEqualTo("SECOND_APPROVAL");
        assertThat(a.status()).isEqualTo(FinancingStatus.APPROVING);
        assertThat(a.rates().approvedBps()).isEqualTo(450);
        assertThat(a.fourEyes()).isTrue();
    }

    @Test
    void aLedgerRefusalReturnsToWhereTheApprovalBegan() {
        FinancingApplication four = submitted(THRESHOLD + 1);
        four.approve(MAKER, 450, THRESHOLD, NOW);
        four.approve(CHECKER, 450, THRESHOLD, NOW);
        four.approvalRefused("MATURED", "matured", CHECKER, NOW);
        assertThat(four.status()).isEqualTo(FinancingStatus.AWAITING_SECOND_APPROVAL);
        assertThat(four.approval().maker().by()).isEqualTo(MAKER);
        assertThat(four.approval().checker()).isNull();
        assertThat(four.rates()).isEqualTo(new FinancingApplication.Rates(450, null));

        FinancingApplication one = submitted(100);
        one.approve(MAKER, 450, THRESHOLD, NOW);
        one.approvalRefused("MATURED", "matured", MAKER, NOW);
        assertThat(one.status()).isEqualTo(FinancingStatus.SUBMITTED);
        assertThat(one.approval().maker()).isNull();
        assertThat(one.rates()).isEqualTo(FinancingApplication.Rates.NONE);
    }

    @Test
    void theFirstApprovalNeedsARate() {
        FinancingApplication a = submitted(100);
        assertThat(code(() -> a.approve(MAKER, null, THRESHOLD, NOW))).isEqualTo("VALIDATION_FAILED");
        assertThat(a.status()).isEqualTo(FinancingStatus.SUBMITTED);
    }

    @Test
    void approvedThenDisbursedAndNothingAfter() {
        FinancingApplication a = submitted(100);
        a.approve(MAKER, 450, THRESHOLD, NOW);
        assertThat(code(() -> a.approve(MAKER, 450, THRESHOLD, NOW))).isEqualTo("INVALID_FINANCING_STATE");
        TimelineFacts approved = a.approved(450, TERMS, "tx-ok", MAKER, NOW).facts();
        assertThat(approved).isEqualTo(TimelineFacts.builder().token("tx.0").counterparty("BANK").amount(100, "CNY")
                .rate(450).discount(120, 1, 99).build());
        assertThat(a.terms()).isEqualTo(TERMS);
        assertThat(a.decision()).isEqualTo(new FinancingApplication.Decision("tx-ok", NOW));
        assertThat(code(a::checkRejectable)).isEqualTo("INVALID_FINANCING_STATE");
        assertThat(code(a::checkCancellable)).isEqualTo("INVALID_FINANCING_STATE");
        TimelineEntry paid = a.disbursed("PAY-1", MAKER, NOW);
        assertThat(paid.facts().advanceMinor()).isEqualTo(99);
        assertThat(paid.facts().currency()).isEqualTo("CNY");
        assertThat(paid.facts().reference()).isEqualTo("PAY-1");
        assertThat(paid.note()).isNull();
        assertThat(a.status()).isEqualTo(FinancingStatus.DISBURSED);
        assertThat(code(() -> a.disbursed("PAY-2", MAKER, NOW))).isEqualTo("INVALID_FINANCING_STATE");
        assertThat(code(() -> a.approve(MAKER, 450, THRESHOLD, NOW))).isEqualTo("INVALID_FINANCING_STATE");
        assertThat(a.disbursement()).isEqualTo(new FinancingApplication.Disbursement("PAY-1", NOW));
    }

    @Test
    void rejectionAndCancellationAreFinal() {
        FinancingApplication a = submitted(100);
        TimelineEntry rejected = a.rejected("too risky", "tx-rej", MAKER, NOW);
        assertThat(rejected.note()).isEqualTo("too risky");
        assertThat(rejected.facts().tokenId()).isEqualTo("tx.0");
        assertThat(a.status()).isEqualTo(FinancingStatus.REJECTED);
        assertThat(a.approval().reason()).isEqualTo("too risky");
        assertThat(code(() -> a.approve(CHECKER, 450, THRESHOLD, NOW))).isEqualTo("INVALID_FINANCING_STATE");
        FinancingApplication b = submitted(100);
        b.cancelled("tx-c", SUPPLIER, NOW);
        assertThat(b.decision().tx()).isEqualTo("tx-c");
        assertThat(code(b::checkRejectable)).isEqualTo("INVALID_FINANCING_STATE");
        FinancingApplication c = draft(100);
        assertThat(c.cancelled(null, SUPPLIER, NOW).note()).isNull();
        assertThat(c.status()).isEqualTo(FinancingStatus.CANCELLED);
    }

    @Test
    void documentsOnlyWhileADraft() {
        draft(100).requireDraft("uploaded");
        assertThat(code(() -> submitted(100).requireDraft("uploaded"))).isEqualTo("FINANCING_NOT_EDITABLE");
        assertThat(code(() -> submitted(100).documentAdded(doc("INVOICE"), SUPPLIER))).isEqualTo("FINANCING_NOT_EDITABLE");
    }
}
