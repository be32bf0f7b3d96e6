package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordTypeUnitTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachRecordIsUpsertedByItsIdentityStampedWithTheEventsPosition() {
        String sql = RecordType.TOKEN.upsert();
        assertThat(sql).startsWith("INSERT INTO tokens (token_id, ").contains("ON CONFLICT (token_id) DO UPDATE SET")
                .contains("holder_id = EXCLUDED.holder_id").contains("block_number = EXCLUDED.block_number")
                .doesNotContain("token_id = EXCLUDED.token_id");
        assertThat(RecordType.PAYABLE.upsert()).contains("ON CONFLICT (obligor_id, payable_id)")
                .contains("string_to_array(:invoice_fingerprints, ',')");
        assertThat(RecordType.SETTINGS.upsert()).contains("(id, min_unit").contains("VALUES (1, ");
        assertThat(RecordType.PAYABLE.keyFields()).extracting(Column::field).containsExactly("obligorId", "id");
    }

    @Test
    void moneyMustBeAJsonIntegerNeverAFraction() {
        Column amount = Column.number("amount", "amount_minor");
        assertThat(amount.parameter(json.readTree("{\"amount\":1250000}"))).isEqualTo(1_250_000L);
        assertThatThrownBy(() -> amount.parameter(json.readTree("{\"amount\":12.5}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> amount.parameter(json.readTree("{\"amount\":\"12\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ledgerAndReadModelValuesCompareInOneForm() {
        JsonNode token = json.readTree("{\"maturityDate\":\"2026-06-30\",\"createdAt\":\"2026-01-02T03:04:05.123456789Z\","
                + "\"invoiceFingerprints\":[\"a\",\"b\"],\"parentId\":null}");
        assertThat(Column.date("maturityDate", "maturity_date").fromLedger(token)).isEqualTo(LocalDate.of(2026, 6,
                30).toString());
        assertThat(Column.textList("invoiceFingerprints", "f").fromLedger(token)).isEqualTo(List.of("a", "b"));
        assertThat(Column.text("parentId", "parent_id").fromLedger(token)).isNull();
        Object ledgerInstant = Column.instant("createdAt", "created_at").fromLedger(token);
        // PostgreSQL keeps microseconds: within a microsecond is the same instant, beyond is a difference
        assertThat(Column.same(Instant.parse("2026-01-02T03:04:05.123457Z"), ledgerInstant)).isTrue();
        assertThat(Column.same(Instant.parse("2026-01-02T03:04:05.123460Z"), ledgerInstant)).isFalse();
        assertThat(Column.same(400_001L, 400_000L)).isFalse();
    }
}
