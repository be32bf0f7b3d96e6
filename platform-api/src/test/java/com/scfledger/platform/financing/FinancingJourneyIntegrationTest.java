package com.scfledger.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.OnboardingTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole journey on the real network and database: enterprises admitted through KYC, a payable registered and
 * accepted, a financing application with documents anchored and the token locked, the bank's underwriting,
 * four-eyes approval (and its refusals), the token moved to the bank, disbursement; limits and rejections.
 */
class FinancingJourneyIntegrationTest extends OnboardingTestBase {

    /** Above the default four-eyes threshold (100 000 000 minor units). */
    private static final long LARGE = 150_000_000L;
    private static final int RATE = 450;

    private String maker;
    private String checker;

    @BeforeEach
    void admins() {
        maker = adminToken();
        checker = secondAdminToken();
    }

    private String bankUser(Party bank) {
        return login(createUser(maker, bank.id(), "BANK"), PASSWORD);
    }

    @Test
    void fromKycToAnApprovedAndDisbursedFinancing() {
        Party core = admit(maker, checker, "CORE", "CORE");
        Party supplier = admit(maker, checker, "SUP", "SUPPLIER");
        Party bank = admit(maker, checker, "BANK", "BANK");
        Party otherBank = admit(maker, checker, "BANK", "BANK");
        String bankMaker = bank.userToken();
        String bankChecker = bankUser(bank);

        LocalDate maturity = today().plusDays(90);
        String tokenId = activeToken(core, supplier, LARGE, maturity);

        JsonNode limit = creditLimit(bankMaker, bankChecker, core, 200_000_000L);
        System.out.println("JOURNEY limit set: " + limit);
        assertThat(limit.path("limitMinor").asLong()).isEqualTo(200_000_000L);

        Response created = is(post("/api/v1/financing/applications", Map.of("tokenId", tokenId, "bankId", bank.id(),
                "invoiceNumbers", List.of("INV-" + tokenId.substring(0, 8))), supplier.user()), 201);
        System.out.println("JOURNEY draft: " + created.body());
        String id = created.json().path("id").asString();
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().path("token").path("faceAmountMinor").asLong()).isEqualTo(LARGE);
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/submit", "", supplier.user()), 422)))
                .isEqualTo("FINANCING_DOCUMENTS_MISSING");
        is(upload("/api/v1/financing/applications/" + id + "/documents", Map.of("kind", "INVOICE"), "invoice.pdf", pdf(),
                supplier.user()), 201);
        is(upload("/api/v1/financing/applications/" + id + "/documents", Map.of("kind", "CONTRACT"), "contract.pdf", pdf(),
                supplier.user()), 201);

        Response submitted = is(post("/api/v1/financing/applications/" + id + "/submit", "", supplier.user()), 200);
        System.out.println("JOURNEY submitted: " + submitted.body());
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().path("requestTx").asString()).matches("[0-9a-f]{64}");
        assertThat(tokenOnLedger(supplier.id(), tokenId).path("status").asString()).isEqualTo("FINANCING_PENDING");
        Response verified = is(get("/api/v1/verify/FINANCING_APPLICATION/" + id, bearer(bankMaker)), 200);
        System.out.println("JOURNEY verify: " + verified.body());
        assertThat(verified.json().path("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.json().path("anchoredHash").asString()).isEqualTo(submitted.json().path("recordHash").asString());

        // the bank's queue and underwriting view
        Response queue = is(get("/api/v1/financing/queue", bearer(bankMaker)), 200);
        assertThat(queue.json().findValuesAsString("id")).contains(id);
        assertThat(is(get("/api/v1/financing/queue", bearer(otherBank.userToken())), 200).json().findValuesAsString("id"))
                .doesNotContain(id);
        Response uw = is(get("/api/v1/financing/applications/" + id + "/underwriting?annualRateBps=" + RATE,
                bearer(bankMaker)), 200);
        System.out.println("JOURNEY underwriting: " + uw.body());
        JsonNode u = uw.json();
        assertThat(u.path("lineage")).hasSize(1);
        assertThat(u.path("lineage").get(0).path("tokenId").asString()).isEqualTo(tokenId);
        assertThat(u.path("obligor").path("id").asString()).isEqualTo(core.id());
        assertThat(u.path("exposure").path("limitMinor").asLong()).isEqualTo(200_000_000L);
        assertThat(u.path("exposure").path("inUseMinor").asLong()).isZero();
        assertThat(u.path("exposure").path("pendingMinor").asLong()).isEqualTo(LARGE);
        long days = ChronoUnit.DAYS.between(today(), maturity);
        assertThat(u.path("maturity").path("daysRemaining").asLong()).isEqualTo(days);
        assertThat(u.path("applicantKyc").path("status").asString()).isEqualTo("APPROVED");
        assertThat(u.path("applicantKyc").path("anchoredOnLedger").asBoolean()).isTrue();
        assertThat(u.path("duplicateCheck").path("result").asString()).isEqualTo("CLEAR");
        assertThat(u.path("needsTwoApprovers").asBoolean()).isTrue();
        long expectedDiscount = BigDecimal.valueOf(LARGE).multiply(BigDecimal.valueOf(RATE)).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(3_600_000), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(u.path("pricing").path("quote").path("discountMinor").asLong()).isEqualTo(expectedDiscount);

        // maker-checker refusals: the wrong role, another bank, an API key, the same user twice, other terms
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", RATE),
                supplier.user()), 403))).isEqualTo("FORBIDDEN");
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", RATE),
                bearer(otherBank.userToken())), 404))).isEqualTo("FINANCING_NOT_FOUND");
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", RATE),
                bank.key()), 403))).isEqualTo("USER_REQUIRED");
        Response first = is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", RATE),
                bearer(bankMaker)), 200);
        System.out.println("JOURNEY first approval: " + first.body());
        assertThat(first.json().path("status").asString()).isEqualTo("AWAITING_SECOND_APPROVAL");
        // the maker's step is on the ledger: a proposal signed by the maker's own certificate, the financing pending
        JsonNode proposal = json.readTree(ledgerClient.evaluate(bank.id(), "GetFinancingApproval", id));
        System.out.println("JOURNEY ledger proposal: " + proposal);
        assertThat(proposal.path("annualRateBps").asInt()).isEqualTo(RATE);
        assertThat(proposal.path("proposedBy").path("username").asString()).isNotBlank();
        assertThat(proposal.path("confirmedBy").isNull()).isTrue();
        assertThat(json.readTree(ledgerClient.evaluate(bank.id(), "GetFinancing", id)).path("status").asString())
                .isEqualTo("REQUESTED");
        Response same = is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", RATE),
                bearer(bankMaker)), 403);
        System.out.println("JOURNEY same approver: " + same.body());
        assertThat(code(same)).isEqualTo("SAME_APPROVER");
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", RATE + 50),
                bearer(bankChecker)), 409))).isEqualTo("TERMS_MISMATCH");
        assertThat(tokenOnLedger(supplier.id(), tokenId).path("status").asString()).isEqualTo("FINANCING_PENDING");

        Response approved = is(post("/api/v1/financing/applications/" + id + "/approve", "", bearer(bankChecker)), 200);
        System.out.println("JOURNEY approved: " + approved.body());
        JsonNode a = approved.json();
        assertThat(a.path("status").asString()).isEqualTo("APPROVED");
        assertThat(a.path("terms").path("annualRateBps").asInt()).isEqualTo(RATE);
        assertThat(a.path("terms").path("discountMinor").asLong()).isEqualTo(expectedDiscount);
        assertThat(a.path("terms").path("advanceMinor").asLong()).isEqualTo(LARGE - expectedDiscount);
        assertThat(a.path("terms").path("decisionTx").asString()).matches("[0-9a-f]{64}");
        assertThat(a.path("approval").path("maker").path("id").asString())
                .isNotEqualTo(a.path("approval").path("checker").path("id").asString());
        JsonNode eyes = json.readTree(ledgerClient.evaluate(bank.id(), "GetFinancingApproval", id));
        System.out.println("JOURNEY ledger four eyes: " + eyes);
        assertThat(eyes.path("confirmedByTx").asString()).isEqualTo(a.path("terms").path("decisionTx").asString());
        assertThat(eyes.path("confirmedBy").path("identity").asString()).startsWith("x509::")
                .isNotEqualTo(eyes.path("proposedBy").path("identity").asString());
        assertThat(eyes.path("confirmedBy").path("username").asString())
                .isNotEqualTo(eyes.path("proposedBy").path("username").asString());
        JsonNode financed = tokenOnLedger(bank.id(), tokenId);
        assertThat(financed.path("status").asString()).isEqualTo("FINANCED");
        assertThat(financed.path("holderId").asString()).isEqualTo(bank.id());

        Response disbursed = is(post("/api/v1/financing/applications/" + id + "/disbursement",
                Map.of("reference", "SWIFT/" + id), bearer(bankMaker)), 200);
        System.out.println("JOURNEY disbursed: " + disbursed.body());
        assertThat(disbursed.json().path("status").asString()).isEqualTo("DISBURSED");
        assertThat(disbursed.json().path("disbursement").path("reference").asString()).isEqualTo("SWIFT/" + id);
        assertThat(disbursed.json().path("timeline").findValuesAsString("action")).containsExactly("CREATED",
                "DOCUMENT_UPLOADED", "DOCUMENT_UPLOADED", "SUBMITTED", "FIRST_APPROVAL", "SECOND_APPROVAL", "APPROVED",
                "DISBURSED");

        Response limits = is(get("/api/v1/financing/credit-limits", bearer(bankMaker)), 200);
        System.out.println("JOURNEY limits: " + limits.body());
        JsonNode l = limits.json().get(0);
        assertThat(l.path("inUseMinor").asLong()).isEqualTo(LARGE);
        assertThat(l.path("availableMinor").asLong()).isEqualTo(200_000_000L - LARGE);

        // the audit log names the ledger transactions of each write
        Response audit = is(get("/api/v1/audit/entries?enterpriseId=" + bank.id() + "&limit=20", bearer(maker)), 200);
        List<String> approveTransactions = new java.util.ArrayList<>();
        for (JsonNode e : audit.json()) {
            if (e.path("outcome").asString().equals("SUCCESS") && e.path("action").asString().endsWith("/approve")
                    && e.path("ledgerTransactions").size() > 0) {
                System.out.println("JOURNEY audit entry: " + e);
                assertThat(e.path("ledgerTransactions").get(0).path("transaction").asString()).isEqualTo("ApproveFinancing");
                assertThat(e.path("target").path("id").asString()).isEqualTo(id);
                approveTransactions.add(e.path("ledgerTransactions").get(0).path("transactionId").asString());
            }
        }
        // two approvals, two ledger transactions: the maker's proposal and the checker's confirmation
        assertThat(approveTransactions).containsExactlyInAnyOrder(eyes.path("proposedByTx").asString(),
                a.path("terms").path("decisionTx").asString());
    }

    @Test
    void anApprovalThatWouldExceedTheLimitIsRefusedAndNothingMoves() {
        Party core = admit(maker, checker, "CORE", "CORE");
        Party supplier = admit(maker, checker, "SUP", "SUPPLIER");
        Party bank = admit(maker, checker, "BANK", "BANK");
        String banker = bank.userToken();
        LocalDate maturity = today().plusDays(60);
        String firstToken = activeToken(core, supplier, 600_000, maturity);
        String first = apply(supplier, bank, firstToken, "INV-L1");
        String secondToken = activeToken(core, supplier, 600_000, maturity);
        String second = apply(supplier, bank, secondToken, "INV-L2");
        String secondBanker = bankUser(bank);

        // no limit on the ledger: the request itself is refused, and nothing moves
        Response none = is(post("/api/v1/financing/applications/" + first + "/submit", "", supplier.user()), 422);
        System.out.println("LIMIT none: " + none.body());
        assertThat(code(none)).isEqualTo("LIMIT_EXCEEDED");
        assertThat(is(get("/api/v1/financing/applications/" + first, supplier.user()), 200).json().path("status")
                .asString()).isEqualTo("DRAFT");
        assertThat(tokenOnLedger(supplier.id(), firstToken).path("status").asString()).isEqualTo("ACTIVE");

        // the limit is set by four eyes on the ledger; an API key may not set it, a proposal alone is no limit
        Map<String, Object> million = Map.of("currency", "CNY", "limitMinor", 1_000_000L);
        assertThat(code(is(put("/api/v1/financing/credit-limits/" + core.id(), million,
                "X-API-Key", bank.apiKey()), 403))).isIn("USER_REQUIRED", "FORBIDDEN", "INSUFFICIENT_SCOPE");
        JsonNode proposedLimit = is(put("/api/v1/financing/credit-limits/" + core.id(), million, bearer(banker)), 200)
                .json();
        System.out.println("LIMIT proposed: " + proposedLimit);
        assertThat(proposedLimit.path("limitMinor").isNumber()).as("no limit in force yet").isFalse();
        assertThat(proposedLimit.path("proposedLimitMinor").asLong()).isEqualTo(1_000_000L);
        assertThat(code(is(post("/api/v1/financing/applications/" + first + "/submit", "", supplier.user()), 422)))
                .isEqualTo("LIMIT_EXCEEDED");
        assertThat(code(is(put("/api/v1/financing/credit-limits/" + core.id(), million, bearer(banker)), 403)))
                .isEqualTo("SAME_APPROVER");
        assertThat(code(is(put("/api/v1/financing/credit-limits/" + core.id(), Map.of("currency", "CNY",
                "limitMinor", 2_000_000L), bearer(secondBanker)), 409))).isEqualTo("TERMS_MISMATCH");
        JsonNode inForce = is(put("/api/v1/financing/credit-limits/" + core.id(), million, bearer(secondBanker)), 200)
                .json();
        System.out.println("LIMIT confirmed: " + inForce);
        assertThat(inForce.path("limitMinor").asLong()).isEqualTo(1_000_000L);
        assertThat(inForce.path("proposedLimitMinor").isNumber()).as("no proposal waits").isFalse();

        // the first request reserves 600 000; the second would take the exposure to 1 200 000
        is(post("/api/v1/financing/applications/" + first + "/submit", "", supplier.user()), 200);
        Response exceeded = is(post("/api/v1/financing/applications/" + second + "/submit", "", supplier.user()), 422);
        System.out.println("LIMIT exceeded: " + exceeded.body());
        assertThat(code(exceeded)).isEqualTo("LIMIT_EXCEEDED");
        assertThat(tokenOnLedger(supplier.id(), secondToken).path("status").asString()).isEqualTo("ACTIVE");
        JsonNode reserved = is(get("/api/v1/financing/credit-limits", bearer(banker)), 200).json().get(0);
        assertThat(reserved.path("reservedMinor").asLong()).isEqualTo(600_000L);
        assertThat(reserved.path("inUseMinor").asLong()).isZero();
        assertThat(reserved.path("availableMinor").asLong()).isEqualTo(400_000L);

        // the bank's policy on the ledger: one approver up to 1 000 000, set by two of its users
        JsonNode proposed = is(put("/api/v1/financing/approval-policy", Map.of("fourEyesThresholdMinor", 1_000_000L),
                bearer(banker)), 200).json();
        System.out.println("POLICY proposed: " + proposed);
        assertThat(proposed.path("fourEyesThresholdMinor").asLong()).isZero();
        assertThat(proposed.path("proposal").path("fourEyesThresholdMinor").asLong()).isEqualTo(1_000_000L);
        assertThat(code(is(put("/api/v1/financing/approval-policy", Map.of("fourEyesThresholdMinor", 1_000_000L),
                bearer(banker)), 403))).isEqualTo("SAME_APPROVER");
        assertThat(code(is(put("/api/v1/financing/approval-policy", Map.of("fourEyesThresholdMinor", 2_000_000L),
                bearer(secondBanker)), 409))).isEqualTo("TERMS_MISMATCH");
        JsonNode confirmed = is(put("/api/v1/financing/approval-policy", Map.of("fourEyesThresholdMinor", 1_000_000L),
                bearer(secondBanker)), 200).json();
        System.out.println("POLICY confirmed: " + confirmed);
        assertThat(confirmed.path("fourEyesThresholdMinor").asLong()).isEqualTo(1_000_000L);
        assertThat(confirmed.path("proposedBy").path("identity").asString())
                .isNotEqualTo(confirmed.path("confirmedBy").path("identity").asString());

        // approval consumes the reservation
        Response ok = is(post("/api/v1/financing/applications/" + first + "/approve", Map.of("annualRateBps", 300),
                bearer(banker)), 200);
        assertThat(ok.json().path("status").asString()).isEqualTo("APPROVED");
        JsonNode consumed = is(get("/api/v1/financing/credit-limits", bearer(banker)), 200).json().get(0);
        assertThat(consumed.path("inUseMinor").asLong()).isEqualTo(600_000L);
        assertThat(consumed.path("reservedMinor").asLong()).isZero();
        assertThat(consumed.path("availableMinor").asLong()).isEqualTo(400_000L);

        // raised to 1 200 000 by two users, the second request fits exactly, and its approval takes the rest
        creditLimit(banker, secondBanker, core, 1_200_000L);
        is(post("/api/v1/financing/applications/" + second + "/submit", "", supplier.user()), 200);
        assertThat(is(get("/api/v1/financing/credit-limits", bearer(banker)), 200).json().get(0).path("availableMinor")
                .asLong()).isZero();

        // cut back to 1 000 000 while the second is pending: its approval no longer fits, and nothing moves
        creditLimit(banker, secondBanker, core, 1_000_000L);
        Response cut = is(post("/api/v1/financing/applications/" + second + "/approve", Map.of("annualRateBps", 300),
                bearer(banker)), 422);
        System.out.println("LIMIT cut, approval refused: " + cut.body());
        assertThat(code(cut)).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(cut.json().path("limitMinor").asLong()).isEqualTo(1_000_000L);
        assertThat(cut.json().path("inUseMinor").asLong()).isEqualTo(600_000L);
        assertThat(cut.json().path("requestedMinor").asLong()).isEqualTo(600_000L);
        assertThat(is(get("/api/v1/financing/applications/" + second, bearer(banker)), 200).json().path("status")
                .asString()).isEqualTo("SUBMITTED");
        assertThat(tokenOnLedger(supplier.id(), secondToken).path("status").asString()).isEqualTo("FINANCING_PENDING");

        creditLimit(banker, secondBanker, core, 1_200_000L);
        assertThat(is(post("/api/v1/financing/applications/" + second + "/approve", Map.of("annualRateBps", 300),
                bearer(banker)), 200).json().path("status").asString()).isEqualTo("APPROVED");
        JsonNode full = is(get("/api/v1/financing/credit-limits", bearer(banker)), 200).json().get(0);
        assertThat(full.path("inUseMinor").asLong()).isEqualTo(1_200_000L);
        assertThat(full.path("availableMinor").asLong()).isZero();
    }

    @Test
    void aRejectionUnlocksTheTokenWithAReasonAndTheSupplierMayApplyAgain() {
        Party core = admit(maker, checker, "CORE", "CORE");
        Party supplier = admit(maker, checker, "SUP", "SUPPLIER");
        Party bank = admit(maker, checker, "BANK", "BANK");
        creditLimit(bank, core, 1_000_000);
        String tokenId = activeToken(core, supplier, 800_000, today().plusDays(30));
        String id = apply(supplier, bank, tokenId, "INV-R1");
        is(post("/api/v1/financing/applications/" + id + "/submit", "", supplier.user()), 200);
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/reject", Map.of(), bearer(bank.userToken())), 400)))
                .isEqualTo("VALIDATION_FAILED");
        Response rejected = is(post("/api/v1/financing/applications/" + id + "/reject",
                Map.of("reason", "obligor concentration too high"), bearer(bank.userToken())), 200);
        System.out.println("REJECTED: " + rejected.body());
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("rejectionReason").asString()).isEqualTo("obligor concentration too high");
        assertThat(rejected.json().path("terms").path("decisionTx").isMissingNode()).isTrue();
        JsonNode token = tokenOnLedger(supplier.id(), tokenId);
        assertThat(token.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(token.path("holderId").asString()).isEqualTo(supplier.id());
        assertThat(is(get("/api/v1/financing/credit-limits", bearer(bank.userToken())), 200).json().get(0)
                .path("reservedMinor").asLong()).as("the rejection released the reservation").isZero();
        assertThat(code(is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", 300),
                bearer(bank.userToken())), 409))).isEqualTo("INVALID_FINANCING_STATE");

        // the same token, the same invoice: the new application's duplicate check names none (the first is rejected)
        String again = apply(supplier, bank, tokenId, "INV-R1");
        is(post("/api/v1/financing/applications/" + again + "/submit", "", supplier.user()), 200);
        JsonNode check = is(get("/api/v1/financing/applications/" + again + "/underwriting", bearer(bank.userToken())), 200)
                .json().path("duplicateCheck");
        assertThat(check.path("result").asString()).isEqualTo("CLEAR");
        Response cancelled = is(post("/api/v1/financing/applications/" + again + "/cancel", "", supplier.user()), 200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(tokenOnLedger(supplier.id(), tokenId).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(is(get("/api/v1/financing/credit-limits", bearer(bank.userToken())), 200).json().get(0)
                .path("availableMinor").asLong()).as("the cancellation released the reservation").isEqualTo(1_000_000L);
    }

    @Test
    void theSameInvoiceInTwoLiveApplicationsIsFlaggedAndAForeignTokenIsNotFound() {
        Party core = admit(maker, checker, "CORE", "CORE");
        Party supplier = admit(maker, checker, "SUP", "SUPPLIER");
        Party bank = admit(maker, checker, "BANK", "BANK");
        LocalDate maturity = today().plusDays(45);
        creditLimit(bank, core, 1_000_000);
        String one = apply(supplier, bank, activeToken(core, supplier, 100_000, maturity), "INV-DUP-7");
        String two = apply(supplier, bank, activeToken(core, supplier, 100_000, maturity), "INV-DUP-7");
        is(post("/api/v1/financing/applications/" + one + "/submit", "", supplier.user()), 200);
        is(post("/api/v1/financing/applications/" + two + "/submit", "", supplier.user()), 200);
        JsonNode check = is(get("/api/v1/financing/applications/" + two + "/underwriting", bearer(bank.userToken())), 200)
                .json().path("duplicateCheck");
        System.out.println("DUPLICATE check: " + check);
        assertThat(check.path("result").asString()).isEqualTo("POSSIBLE_DUPLICATE");
        assertThat(check.path("matches").findValuesAsString("financingId")).contains(one);

        Party stranger = admit(maker, checker, "SUP", "SUPPLIER");
        String foreignToken = activeToken(core, supplier, 100_000, maturity);
        assertThat(code(is(post("/api/v1/financing/applications", Map.of("tokenId", foreignToken, "bankId", bank.id(),
                "invoiceNumbers", List.of()), stranger.user()), 404))).isEqualTo("TOKEN_NOT_FOUND");
        assertThat(code(is(post("/api/v1/financing/applications", Map.of("tokenId", foreignToken, "bankId", core.id(),
                "invoiceNumbers", List.of()), supplier.user()), 422))).isEqualTo("INVALID_BANK");
        assertThat(code(is(get("/api/v1/financing/applications/" + one, stranger.user()), 404))).isEqualTo("FINANCING_NOT_FOUND");
    }
}
