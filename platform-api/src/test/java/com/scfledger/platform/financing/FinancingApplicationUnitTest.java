package com.scfledger.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class FinancingApplicationUnitTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor SUPPLIER = new Actor("s1", "supplier");
    private static final Actor MAKER = new Actor("b1", "maker");
    private static final Actor CHECKER = new Actor("b2", "checker");
    private static final long THRESHOLD = 500_000;

    private static FinancingApplication submitted(long face) {
        FinancingApplication a = FinancingApplication.draft("FIN-1", "SUP", "BANK",
                new FinancingApplication.TokenFacts("tx.0", "CORE", "PO-1", 1, face, "CNY", LocalDate.parse("2026-06-30")),
                List.of("INV-1"), SUPPLIER, NOW);
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
        } catch (ApiProblem p) {
            return p.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aSubmissionNeedsAnInvoiceAndAContract() {
        FinancingApplication a = FinancingApplication.draft("FIN-1", "SUP", "BANK",
                new FinancingApplication.TokenFacts("tx.0", "CORE", "PO-1", 0, 100, "CNY", LocalDate.parse("2026-06-30")),
                List.of(), SUPPLIER, NOW);
        assertThat(code(() -> a.checkSubmittable(List.of(doc("INVOICE"))))).isEqualTo("FINANCING_DOCUMENTS_MISSING");
        a.checkSubmittable(List.of(doc("INVOICE"), doc("CONTRACT")));
    }

    @Test
    void atOrBelowTheThresholdOneApprovalGoesToTheLedger() {
        FinancingApplication a = submitted(THRESHOLD);
        FinancingApplication.Event e = a.approve(MAKER, 450, THRESHOLD, NOW);
        assertThat(a.status).isEqualTo(FinancingStatus.APPROVING);
        assertThat(e.action()).isEqualTo("APPROVAL");
        assertThat(a.approvedRateBps).isEqualTo(450);
        assertThat(a.fourEyes()).isFalse();
    }

    @Test
    void aboveTheThresholdTheSecondApprovalMustComeFromAnotherUser() {
        FinancingApplication a = submitted(THRESHOLD + 1);
        a.approve(MAKER, 450, THRESHOLD, NOW);
        assertThat(a.status).isEqualTo(FinancingStatus.AWAITING_SECOND_APPROVAL);
        assertThat(code(() -> a.approve(MAKER, 450, THRESHOLD, NOW))).isEqualTo("SAME_APPROVER");
        assertThat(code(() -> a.approve(CHECKER, 500, THRESHOLD, NOW))).isEqualTo("TERMS_MISMATCH");
        assertThat(a.status).isEqualTo(FinancingStatus.AWAITING_SECOND_APPROVAL);
        a.approve(CHECKER, null, THRESHOLD, NOW);
        assertThat(a.status).isEqualTo(FinancingStatus.APPROVING);
        assertThat(a.approvedRateBps).isEqualTo(450);
        assertThat(a.fourEyes()).isTrue();
    }

    @Test
    void aLedgerRefusalReturnsToWhereTheApprovalBegan() {
        FinancingApplication four = submitted(THRESHOLD + 1);
        four.approve(MAKER, 450, THRESHOLD, NOW);
        four.approve(CHECKER, 450, THRESHOLD, NOW);
        four.approvalRefused("MATURED", "matured", CHECKER, NOW);
        assertThat(four.status).isEqualTo(FinancingStatus.AWAITING_SECOND_APPROVAL);
        assertThat(four.maker).isEqualTo(MAKER);
        assertThat(four.checker).isNull();

        FinancingApplication one = submitted(100);
        one.approve(MAKER, 450, THRESHOLD, NOW);
        one.approvalRefused("MATURED", "matured", MAKER, NOW);
        assertThat(one.status).isEqualTo(FinancingStatus.SUBMITTED);
        assertThat(one.maker).isNull();
    }

    @Test
    void theFirstApprovalNeedsARate() {
        assertThat(code(() -> submitted(100).approve(MAKER, null, THRESHOLD, NOW))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void approvedThenDisbursedAndNothingAfter() {
        FinancingApplication a = submitted(100);
        a.approve(MAKER, 450, THRESHOLD, NOW);
        a.approved(450, LocalDate.parse("2026-03-02"), 120, 1, 99, "tx-ok", MAKER, NOW);
        assertThat(code(a::checkRejectable)).isEqualTo("INVALID_FINANCING_STATE");
        assertThat(code(a::checkCancellable)).isEqualTo("INVALID_FINANCING_STATE");
        a.disbursed("PAY-1", MAKER, NOW);
        assertThat(a.status).isEqualTo(FinancingStatus.DISBURSED);
        assertThat(code(() -> a.disbursed("PAY-2", MAKER, NOW))).isEqualTo("INVALID_FINANCING_STATE");
        assertThat(code(() -> a.approve(MAKER, 450, THRESHOLD, NOW))).isEqualTo("INVALID_FINANCING_STATE");
    }

    @Test
    void rejectionAndCancellationAreFinal() {
        FinancingApplication a = submitted(100);
        a.rejected("too risky", "tx-rej", MAKER, NOW);
        assertThat(a.status).isEqualTo(FinancingStatus.REJECTED);
        assertThat(code(() -> a.approve(CHECKER, 450, THRESHOLD, NOW))).isEqualTo("INVALID_FINANCING_STATE");
        FinancingApplication b = submitted(100);
        b.cancelled("tx-c", SUPPLIER, NOW);
        assertThat(code(b::checkRejectable)).isEqualTo("INVALID_FINANCING_STATE");
    }

    @Test
    void documentsOnlyWhileADraft() {
        assertThat(code(() -> submitted(100).requireDraft("uploaded"))).isEqualTo("FINANCING_NOT_EDITABLE");
    }

}
