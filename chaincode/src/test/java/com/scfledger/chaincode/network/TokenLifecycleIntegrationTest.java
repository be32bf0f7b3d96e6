package com.scfledger.chaincode.network;

import static com.scfledger.chaincode.network.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The receivable's whole life on the real network, with identities of all three organisations enrolled from
 * their CAs: a core enterprise (CoreOrg) registers a payable, its tier-1 supplier (PlatformOrg) accepts, splits
 * and transfers part to a tier-2 supplier, who has it financed by a bank (BankOrg); settlement by the obligor
 * at maturity; and the guards that only the ledger can enforce: duplicate invoices, replayed requests, the wrong
 * party, maturity.
 */
class TokenLifecycleIntegrationTest {

    private static final long FACE = 1_000_000;
    private static final long TO_TIER_2 = 300_000;
    private static final int RATE_BPS = 450;

    @TempDir
    static Path enrollments;

    private static LedgerParties parties;
    private static Party core;
    private static Party tier1;
    private static Party tier2;
    private static Party bank;

    @BeforeAll
    static void registerEnterprises() throws Exception {
        parties = new LedgerParties(enrollments);
        core = parties.enterprise("CORE", "CORE", NetworkEnv.Org.CORE);
        tier1 = parties.enterprise("SUP1", "SUPPLIER", NetworkEnv.Org.PLATFORM);
        tier2 = parties.enterprise("SUP2", "SUPPLIER", NetworkEnv.Org.PLATFORM);
        bank = parties.enterprise("BANK", "BANK", NetworkEnv.Org.BANK);
    }

    @AfterAll
    static void close() throws InterruptedException {
        parties.close();
    }

    @Test
    void aPayableIsAcceptedSplitTransferredAndFinancedAcrossOrganisations() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate maturity = today.plusDays(90);
        String payableId = "PO-" + parties.run() + "-1";

        JsonNode registered = core.submit("RegisterPayable", payableId, tier1.id(), Long.toString(FACE), "CNY",
                today.toString(), maturity.toString(), fingerprints("INV-" + payableId), LedgerParties.sha256(payableId));
        JsonNode root = registered.path("tokens").get(0);
        assertThat(root.path("status").asText()).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(root.path("holderId").asText()).isEqualTo(tier1.id());
        assertThat(root.path("tier").asInt()).isZero();

        JsonNode accepted = tier1.submit("AcceptPayable", core.id(), payableId);
        assertThat(accepted.path("tokens").get(0).path("status").asText()).isEqualTo("ACTIVE");

        String outputs = "[{\"recipient\":\"" + tier2.id() + "\",\"amount\":" + TO_TIER_2 + "},"
                + "{\"recipient\":\"" + tier1.id() + "\",\"amount\":" + (FACE - TO_TIER_2) + "}]";
        JsonNode split = tier1.submit("SplitTransfer", root.path("id").asText(), outputs);
        JsonNode toTier2 = tokenHeldBy(split, tier2.id());
        JsonNode remainder = tokenHeldBy(split, tier1.id());
        assertThat(toTier2.path("amount").asLong()).isEqualTo(TO_TIER_2);
        assertThat(toTier2.path("tier").asInt()).isEqualTo(1);
        assertThat(toTier2.path("obligorId").asText()).isEqualTo(core.id());
        assertThat(toTier2.path("maturityDate").asText()).isEqualTo(maturity.toString());
        assertThat(remainder.path("amount").asLong()).isEqualTo(FACE - TO_TIER_2);
        assertThat(tier1.evaluate("GetToken", root.path("id").asText()).path("status").asText()).isEqualTo("SPENT");

        String tier2TokenId = toTier2.path("id").asText();
        JsonNode lineage = tier2.evaluate("GetLineage", tier2TokenId);
        assertThat(lineage).hasSize(2);
        assertThat(lineage.get(lineage.size() - 1).path("id").asText()).isEqualTo(root.path("id").asText());
        assertThat(lineage.findValuesAsText("payableId")).containsOnly(payableId);

        // the bank's credit limit for the obligor, set by two of its certificates: without one nothing is financed
        String financingId = "FIN-" + parties.run() + "-1";
        assertRefused("LIMIT_EXCEEDED", () -> tier2.submit("RequestFinancing", financingId, tier2TokenId, bank.id(),
                LedgerParties.sha256(financingId)));
        Party checker = parties.person(bank, "BANK", NetworkEnv.Org.BANK, "checker");
        bank.submit("SetCreditLimit", core.id(), "CNY", Long.toString(FACE));
        assertRefused("SAME_APPROVER", () -> bank.submit("SetCreditLimit", core.id(), "CNY", Long.toString(FACE)));
        checker.submit("SetCreditLimit", core.id(), "CNY", Long.toString(FACE));
        JsonNode requested = tier2.submit("RequestFinancing", financingId, tier2TokenId, bank.id(),
                LedgerParties.sha256(financingId));
        assertThat(bank.evaluate("GetCreditLimit", bank.id(), core.id(), "CNY").path("reservedMinor").asLong())
                .isEqualTo(TO_TIER_2);
        assertThat(requested.path("tokens").get(0).path("status").asText()).isEqualTo("FINANCING_PENDING");
        assertRefused("TOKEN_NOT_ACTIVE", () -> tier2.submit("SplitTransfer", tier2TokenId,
                "[{\"recipient\":\"" + tier1.id() + "\",\"amount\":" + TO_TIER_2 + "}]"));

        // four eyes: without a policy every approval takes two of the bank's certificates
        JsonNode proposed = bank.submit("ApproveFinancing", financingId, Integer.toString(RATE_BPS));
        assertThat(proposed.path("financings")).isEmpty();
        assertRefused("SAME_APPROVER", () -> bank.submit("ApproveFinancing", financingId, Integer.toString(RATE_BPS)));
        assertRefused("TERMS_MISMATCH", () -> checker.submit("ApproveFinancing", financingId,
                Integer.toString(RATE_BPS + 1)));
        JsonNode approved = checker.submit("ApproveFinancing", financingId, Integer.toString(RATE_BPS));
        JsonNode exposure = bank.evaluate("GetCreditLimit", bank.id(), core.id(), "CNY");
        assertThat(exposure.path("reservedMinor").asLong()).isZero();
        assertThat(exposure.path("consumedMinor").asLong()).isEqualTo(TO_TIER_2);
        JsonNode eyes = checker.evaluate("GetFinancingApproval", financingId);
        assertThat(eyes.path("proposedBy").path("identity").asText())
                .isNotEqualTo(eyes.path("confirmedBy").path("identity").asText());
        assertThat(eyes.path("confirmedBy").path("username").asText()).isEqualTo("checker");
        JsonNode financedToken = approved.path("tokens").get(0);
        JsonNode financing = approved.path("financings").get(0);
        assertThat(financedToken.path("status").asText()).isEqualTo("FINANCED");
        assertThat(financedToken.path("holderId").asText()).isEqualTo(bank.id());
        long days = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), maturity);
        long expectedDiscount = BigDecimal.valueOf(TO_TIER_2).multiply(BigDecimal.valueOf(RATE_BPS))
                .multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(3_600_000), 0, RoundingMode.HALF_UP)
                .longValueExact();
        assertThat(financing.path("discount").asLong()).isEqualTo(expectedDiscount);
        assertThat(financing.path("advance").asLong()).isEqualTo(TO_TIER_2 - expectedDiscount);

        JsonNode tree = core.evaluate("GetPayableTree", core.id(), payableId);
        assertThat(liveAmount(tree.path("tokens"))).isEqualTo(FACE);
    }

    @Test
    void aPayableDueTodayIsAcceptedAndSettledButNoLongerTransferred() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String payableId = "PO-" + parties.run() + "-due";
        JsonNode registered = core.submit("RegisterPayable", payableId, tier1.id(), "250000", "CNY",
                today.minusDays(30).toString(), today.toString(), fingerprints("INV-due-" + parties.run()),
                LedgerParties.sha256(payableId));
        String rootId = registered.path("tokens").get(0).path("id").asText();
        tier1.submit("AcceptPayable", core.id(), payableId);

        assertRefused("MATURED", () -> tier1.submit("SplitTransfer", rootId,
                "[{\"recipient\":\"" + tier2.id() + "\",\"amount\":250000}]"));
        // Payables are keyed by their obligor: to anyone else this one does not exist.
        assertRefused("NOT_FOUND", () -> tier1.submit("SettlePayable", payableId, "PAY-" + parties.run()));

        JsonNode settled = core.submit("SettlePayable", payableId, "PAY-" + parties.run());
        assertThat(settled.path("payables").get(0).path("status").asText()).isEqualTo("SETTLED");
        assertThat(settled.path("tokens").findValuesAsText("status")).containsOnly("SETTLED");
        assertThat(tier1.evaluate("GetToken", rootId).path("paymentReference").asText())
                .isEqualTo("PAY-" + parties.run());
    }

    @Test
    void aPayableIsNotSettledBeforeItMatures() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String payableId = "PO-" + parties.run() + "-early";
        core.submit("RegisterPayable", payableId, tier1.id(), "4000", "CNY", today.toString(),
                today.plusDays(10).toString(), fingerprints("INV-early-" + parties.run()), LedgerParties.sha256(payableId));
        tier1.submit("AcceptPayable", core.id(), payableId);

        assertRefused("NOT_MATURED", () -> core.submit("SettlePayable", payableId, "PAY-early-" + parties.run()));
    }

    @Test
    void aSecondPayableWithAUsedInvoiceFingerprintIsRefused() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String invoice = fingerprints("INV-dup-" + parties.run());
        core.submit("RegisterPayable", "PO-" + parties.run() + "-d1", tier1.id(), "5000", "CNY", today.toString(),
                today.plusDays(30).toString(), invoice, LedgerParties.sha256("d1"));

        assertRefused("DUPLICATE_INVOICE", () -> core.submit("RegisterPayable", "PO-" + parties.run() + "-d2", tier1.id(), "5000",
                "CNY", today.toString(), today.plusDays(30).toString(), invoice, LedgerParties.sha256("d2")));
    }

    @Test
    void aReplayedRequestIdCannotActTwice() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String requestId = "rq-replay-" + parties.run();
        String[] args = {"PO-" + parties.run() + "-r", tier1.id(), "7000", "CNY", today.toString(),
            today.plusDays(30).toString(), fingerprints("INV-r-" + parties.run()), LedgerParties.sha256("r"), requestId};
        core.contract().submitTransaction("RegisterPayable", args);

        String[] retry = args.clone();
        retry[0] = "PO-" + parties.run() + "-r2";
        retry[6] = fingerprints("INV-r2-" + parties.run());
        assertRefused("DUPLICATE_REQUEST", () -> core.contract().submitTransaction("RegisterPayable", retry));
    }

    @Test
    void onlyTheHolderMovesAToken() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String payableId = "PO-" + parties.run() + "-h";
        JsonNode registered = core.submit("RegisterPayable", payableId, tier1.id(), "9000", "CNY", today.toString(),
                today.plusDays(30).toString(), fingerprints("INV-h-" + parties.run()), LedgerParties.sha256("h"));
        String rootId = registered.path("tokens").get(0).path("id").asText();
        tier1.submit("AcceptPayable", core.id(), payableId);

        assertRefused("UNAUTHORIZED", () -> tier2.submit("SplitTransfer", rootId,
                "[{\"recipient\":\"" + tier2.id() + "\",\"amount\":9000}]"));
        assertRefused("CONSERVATION_VIOLATED", () -> tier1.submit("SplitTransfer", rootId,
                "[{\"recipient\":\"" + tier2.id() + "\",\"amount\":8999}]"));
        assertThat(tier1.evaluate("GetToken", rootId).path("status").asText()).isEqualTo("ACTIVE");
    }

    static String fingerprints(final String invoice) {
        return "[\"" + LedgerParties.sha256(invoice) + "\"]";
    }

    static JsonNode tokenHeldBy(final JsonNode result, final String holderId) {
        for (JsonNode token : result.path("tokens")) {
            if (token.path("holderId").asText().equals(holderId) && !"SPENT".equals(token.path("status").asText())) {
                return token;
            }
        }
        throw new AssertionError("no live token held by " + holderId + " in " + result);
    }

    static long liveAmount(final JsonNode tokens) {
        List<String> live = List.of("PENDING_ACCEPTANCE", "ACTIVE", "FINANCING_PENDING", "FINANCED");
        long sum = 0;
        List<String> seen = new ArrayList<>();
        for (JsonNode token : tokens) {
            seen.add(token.path("id").asText());
            if (live.contains(token.path("status").asText())) {
                sum = Math.addExact(sum, token.path("amount").asLong());
            }
        }
        assertThat(seen).doesNotHaveDuplicates();
        return sum;
    }
}
