package com.scfledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainUnitTest {

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry(i, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "USER", "u" + i, "user" + i,
                    "BANK", "BANK-1", "POST /api/v1/x/{id}", "{\"id\":\"" + i + "\"}", "SUCCESS", 200, null, "[]", prev, null)
                    .sealed();
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    private static AuditChain check(List<AuditEntry> entries) {
        AuditChain c = new AuditChain();
        for (AuditEntry e : entries) {
            if (!c.accept(e)) {
                break;
            }
        }
        return c;
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditChain c = check(chain(5));
        assertThat(c.firstBreak()).isNull();
        assertThat(c.checked()).isEqualTo(5);
        assertThat(c.lastSeq()).isEqualTo(5);
    }

    @Test
    void aChangedFieldIsNamedAsTheFirstBrokenEntry() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), "mallory", e.actorRole(),
                e.enterpriseId(), e.action(), e.target(), e.outcome(), e.httpStatus(), e.problemCode(), e.ledgerTxIds(),
                e.prevHash(), e.hash()));
        AuditChain.Break b = check(entries).firstBreak();
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.reason()).isEqualTo(AuditChain.Reason.ENTRY_ALTERED);
        assertThat(b.computedHash()).isNotEqualTo(b.storedHash());
    }

    @Test
    void aRehashedEntryStillBreaksTheNextLink() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), "mallory", e.actorRole(),
                e.enterpriseId(), e.action(), e.target(), e.outcome(), e.httpStatus(), e.problemCode(), e.ledgerTxIds(),
                e.prevHash(), null).sealed());
        AuditChain.Break b = check(entries).firstBreak();
        assertThat(b.seq()).isEqualTo(4);
        assertThat(b.reason()).isEqualTo(AuditChain.Reason.CHAIN_BROKEN);
    }

    @Test
    void aDeletedEntryIsAGap() {
        List<AuditEntry> entries = chain(5);
        entries.remove(1);
        AuditChain.Break b = check(entries).firstBreak();
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.reason()).isEqualTo(AuditChain.Reason.SEQUENCE_GAP);
    }
}
