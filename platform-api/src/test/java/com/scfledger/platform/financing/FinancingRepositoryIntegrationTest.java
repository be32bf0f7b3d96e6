package com.scfledger.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.Signature;
import com.scfledger.platform.domain.AlreadyExists;
import com.scfledger.platform.domain.ConcurrentUpdate;
import com.scfledger.platform.domain.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one mapper of a financing application: everything it owns survives a save and a load; a stale save is refused. */
class FinancingRepositoryIntegrationTest extends IntegrationTestBase {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Actor SUPPLIER = new Actor("s1", "supplier");
    private static final Actor MAKER = new Actor("b1", "maker");
    private static final Actor CHECKER = new Actor("b2", "checker");
    private static final long THRESHOLD = 500_000;

    @Autowired
    private FinancingRepository repository;

    private FinancingApplication saved(String tokenId) {
        String supplier = unique("SUP");
        String bank = unique("BNK");
        jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:s, :s, 'SUPPLIER', 'CORE'), (:b, :b, 'BANK', 'BANK')")
                .param("s", supplier).param("b", bank).update();
        FinancingApplication a = FinancingApplication.draft(unique("FIN"), supplier, bank,
                new FinancingApplication.TokenFacts(tokenId, "CORE-1", "PO-1", 1, THRESHOLD + 1, "CNY",
                        LocalDate.parse("2030-06-30")), List.of("INV-1", "INV-2"), SUPPLIER, NOW);
        repository.save(a, a.created(SUPPLIER));
        return a;
    }

    private FinancingApplication load(String id) {
        return repository.find(id).orElseThrow();
    }

    @Test
    void everythingTheApplicationOwnsSurvivesSaveAndLoad() {
        FinancingApplication a = saved(unique("tok"));
        FinancingApplication x = load(a.id());
        repository.save(x, x.submitted("a".repeat(64), "tx-req", "[]", SUPPLIER, NOW.plusSeconds(1)));
        x = load(a.id());
        repository.save(x, x.approve(MAKER, 450, THRESHOLD, NOW.plusSeconds(2)));
        x = load(a.id());
        repository.save(x, x.approve(CHECKER, null, THRESHOLD, NOW.plusSeconds(3)));
        x = load(a.id());
        assertThat(x.fourEyes()).isTrue();
        FinancingApplication.Terms terms = new FinancingApplication.Terms(LocalDate.parse("2030-01-02"), 179, 2238, 497763);
        repository.save(x, x.approved(450, terms, "tx-ok", CHECKER, NOW.plusSeconds(4)));
        x = load(a.id());
        repository.save(x, x.disbursed("PAY-1", CHECKER, NOW.plusSeconds(5)));

        FinancingApplication back = load(a.id());
        assertThat(back.status()).isEqualTo(FinancingStatus.DISBURSED);
        assertThat(back.approval().version()).isEqualTo(6);
        assertThat(back.token()).isEqualTo(a.token());
        assertThat(back.invoiceNumbers()).containsExactly("INV-1", "INV-2");
        assertThat(back.createdAt()).isEqualTo(NOW);
        assertThat(back.submission()).isEqualTo(new FinancingApplication.Submission("a".repeat(64), "tx-req", "[]"));
        assertThat(back.approval().submittedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(back.approval().maker()).isEqualTo(new Signature(MAKER, NOW.plusSeconds(2)));
        assertThat(back.approval().checker().by()).isEqualTo(CHECKER);
        assertThat(back.rates()).isEqualTo(new FinancingApplication.Rates(450, 450));
        assertThat(back.terms()).isEqualTo(terms);
        assertThat(back.decision()).isEqualTo(new FinancingApplication.Decision("tx-ok", NOW.plusSeconds(4)));
        assertThat(back.disbursement()).isEqualTo(new FinancingApplication.Disbursement("PAY-1", NOW.plusSeconds(5)));
        assertThat(repository.timeline(a.id())).extracting(EventView::action).containsExactly("CREATED", "SUBMITTED",
                "FIRST_APPROVAL", "SECOND_APPROVAL", "APPROVED", "DISBURSED");
    }

    @Test
    void aSaveOverANewerVersionIsRefusedAndChangesNothing() {
        FinancingApplication a = saved(unique("tok"));
        FinancingApplication cancelling = load(a.id());
        FinancingApplication submitting = load(a.id());
        repository.save(cancelling, cancelling.cancelled(null, SUPPLIER, NOW));
        assertThatThrownBy(() -> repository.save(submitting,
                submitting.submitted("a".repeat(64), "tx-req", "[]", SUPPLIER, NOW)))
                .isInstanceOfSatisfying(ConcurrentUpdate.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONCURRENT_UPDATE));
        FinancingApplication back = load(a.id());
        assertThat(back.status()).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(back.submission()).isEqualTo(FinancingApplication.Submission.NONE);
        assertThat(repository.timeline(a.id())).extracting(EventView::action).containsExactly("CREATED", "CANCELLED");
    }

    @Test
    void aTokenIsInOneLiveApplication() {
        String token = unique("tok");
        saved(token);
        assertThatThrownBy(() -> saved(token)).isInstanceOfSatisfying(AlreadyExists.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOKEN_ALREADY_IN_APPLICATION));
    }
}
