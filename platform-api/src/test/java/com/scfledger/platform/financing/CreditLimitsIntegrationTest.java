package com.scfledger.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.approval.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's sums never overflow: a pending application of 2^63 - 1 once made every exposure query of its bank a
 * 500. (The limit and its exposure are the ledger's now; FinancingJourneyIntegrationTest reads them.)
 */
class CreditLimitsIntegrationTest extends IntegrationTestBase {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Actor SUPPLIER = new Actor("s1", "supplier");

    @Autowired
    private FinancingRepository repository;
    @Autowired
    private CreditLimits limits;

    private void submitted(String supplier, String bank, String obligor, long face) {
        FinancingApplication a = FinancingApplication.draft(unique("FIN"), supplier, bank,
                new FinancingApplication.TokenFacts(unique("tok"), obligor, "PO-1", 1, face, "CNY",
                        LocalDate.parse("2030-06-30")), List.of("INV-1"), SUPPLIER, NOW);
        repository.save(a, a.created(SUPPLIER));
        FinancingApplication x = repository.find(a.id()).orElseThrow();
        repository.save(x, x.submitted("a".repeat(64), "tx-req", "[]", SUPPLIER, NOW.plusSeconds(1)));
    }

    @Test
    void twoPendingApplicationsOfTheLargestLongSaturateInsteadOfFailing() {
        String supplier = unique("SUP");
        String bank = unique("BNK");
        String obligor = unique("CORE");
        jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:s, :s, 'SUPPLIER', 'CORE'), (:b, :b, 'BANK', 'BANK'),"
                        + " (:o, :o, 'CORE', 'CORE')")
                .param("s", supplier).param("b", bank).param("o", obligor).update();
        submitted(supplier, bank, obligor, Long.MAX_VALUE);
        submitted(supplier, bank, obligor, Long.MAX_VALUE);
        limits.copy(bank, obligor, "CNY", 1_000_000, "b1", NOW);

        assertThat(limits.pendingMinor(bank, obligor, "CNY")).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.keysOf(bank)).containsExactly(new CreditLimits.Key(obligor, "CNY"));
    }

    @Test
    void saturationKeepsComparisonsOnTheSafeSide() {
        BigInteger twice = BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1);
        assertThat(CreditLimits.saturated(twice)).isEqualTo(Long.MAX_VALUE);
        assertThat(CreditLimits.saturated(twice.negate())).isEqualTo(Long.MIN_VALUE);
        assertThat(CreditLimits.saturated(BigInteger.valueOf(-5))).isEqualTo(-5);
    }
}
