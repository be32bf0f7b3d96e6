package com.scfledger.platform.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.Signature;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.AlreadyExists;
import com.scfledger.platform.domain.ConcurrentUpdate;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.verify.Canonical;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one mapper of a KYC application: everything it owns survives a save and a load; a stale save is refused. */
class KycRepositoryIntegrationTest extends IntegrationTestBase {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Actor APPLICANT = new Actor("u0", "applicant");
    private static final Actor MAKER = new Actor("a1", "maker");
    private static final Actor CHECKER = new Actor("a2", "checker");
    private static final List<StoredDocument> DOCS = List.of(doc("BUSINESS_LICENCE"), doc("SIGNATORY_ID"));

    @Autowired
    private KycRepository repository;

    private static StoredDocument doc(String kind) {
        return new StoredDocument(UUID.randomUUID(), kind, kind + ".pdf", "application/pdf", 10, Canonical.sha256Hex(kind),
                "u0", NOW);
    }

    private static KycApplication.Details details(String legalName) {
        return new KycApplication.Details(legalName, "91350100M000100Y43",
                List.of(new KycApplication.Contact("Li", "li@example.cn", "+86 21 1234 5678", "CFO")),
                new KycApplication.SettlementAccount("Bank", "Pudong", legalName, "6222020200112233"));
    }

    private KycApplication saved() {
        String enterpriseId = unique("SUP");
        jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:id, :id, 'SUPPLIER', 'CORE')")
                .param("id", enterpriseId).update();
        KycApplication a = KycApplication.draft(unique("KYC"), enterpriseId, "SUPPLIER", details("Acme Ltd"), APPLICANT, NOW);
        repository.save(a, a.created(APPLICANT));
        return a;
    }

    private KycApplication load(String id) {
        return repository.find(id).orElseThrow();
    }

    @Test
    void everythingTheApplicationOwnsSurvivesSaveAndLoad() {
        KycApplication a = saved();
        KycApplication loaded = load(a.id());
        loaded.submit(DOCS, APPLICANT, NOW);
        repository.save(loaded, loaded.review(MAKER, "in order", NOW.plusSeconds(1)));
        loaded = load(a.id());
        repository.save(loaded, loaded.approve(CHECKER, null, DOCS, NOW.plusSeconds(2)));
        loaded = load(a.id());
        repository.save(loaded, loaded.identityEnrolled("enr-1", CHECKER, NOW.plusSeconds(3)));
        loaded = load(a.id());
        repository.save(loaded, loaded.registered("tx-reg", CHECKER, NOW.plusSeconds(4)));
        loaded = load(a.id());
        repository.save(loaded, loaded.anchored("tx-anchor", CHECKER, NOW.plusSeconds(5)));

        KycApplication back = load(a.id());
        assertThat(back.status()).isEqualTo(KycStatus.APPROVED);
        assertThat(back.approval().version()).isEqualTo(6);
        assertThat(back.details()).isEqualTo(details("Acme Ltd"));
        assertThat(back.enterpriseId()).isEqualTo(a.enterpriseId());
        assertThat(back.createdBy()).isEqualTo("u0");
        assertThat(back.createdAt()).isEqualTo(NOW);
        assertThat(back.approval().submittedAt()).isEqualTo(NOW);
        assertThat(back.reviewer()).isEqualTo(new Signature(MAKER, NOW.plusSeconds(1)));
        assertThat(back.approver()).isEqualTo(new Signature(CHECKER, NOW.plusSeconds(2)));
        assertThat(back.activation()).isEqualTo(new KycApplication.Activation("enr-1", "tx-reg", "tx-anchor",
                NOW.plusSeconds(5)));
        assertThat(back.approval().updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(back.recordHash()).isEqualTo(Canonical.hash(back.canonical(DOCS)));
        assertThat(repository.timeline(a.id())).extracting(EventView::action).containsExactly("CREATED", "REVIEWED",
                "APPROVED", "LEDGER_IDENTITY_ENROLLED", "REGISTERED_ON_LEDGER", "KYC_RECORD_ANCHORED");
    }

    @Test
    void aSaveOverANewerVersionIsRefusedAndChangesNothing() {
        KycApplication a = saved();
        KycApplication first = load(a.id());
        KycApplication second = load(a.id());
        repository.save(first, first.update(details("First Ltd"), APPLICANT, NOW));
        assertThatThrownBy(() -> repository.save(second, second.update(details("Second Ltd"), APPLICANT, NOW)))
                .isInstanceOfSatisfying(ConcurrentUpdate.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONCURRENT_UPDATE));
        assertThat(load(a.id()).details().legalName()).isEqualTo("First Ltd");
        assertThat(repository.timeline(a.id())).hasSize(2);

        repository.save(first, first.update(details("Third Ltd"), APPLICANT, NOW));
        assertThat(load(a.id()).details().legalName()).isEqualTo("Third Ltd");
        assertThat(load(a.id()).approval().version()).isEqualTo(3);
    }

    @Test
    void anEnterpriseHasOneOpenApplication() {
        KycApplication open = saved();
        KycApplication another = KycApplication.draft(unique("KYC"), open.enterpriseId(), "SUPPLIER", details("Acme Ltd"),
                APPLICANT, NOW);
        assertThatThrownBy(() -> repository.save(another, another.created(APPLICANT)))
                .isInstanceOfSatisfying(AlreadyExists.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KYC_APPLICATION_OPEN));
    }
}
