package com.scfledger.chaincode.ledger;

import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.scfledger.chaincode.testing.Fixtures;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.Token;

class JsonUnitTest {

    record Dated(LocalDate day, Instant at, String zebra, long apple) {
    }

    @Test
    void writesPropertiesAndMapEntriesInNameOrder() {
        Map<String, Integer> unordered = new java.util.LinkedHashMap<>();
        unordered.put("b", 2);
        unordered.put("a", 1);

        assertThat(Json.write(new Dated(LocalDate.parse("2026-06-30"), Instant.parse("2026-01-02T03:04:05Z"), "z", 7)))
                .isEqualTo("{\"apple\":7,\"at\":\"2026-01-02T03:04:05Z\",\"day\":\"2026-06-30\",\"zebra\":\"z\"}");
        assertThat(Json.write(unordered)).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void writesTheSameBytesForTheSameRecordAndReadsThemBack() {
        Token token = Fixtures.root().build();

        byte[] first = Json.bytes(token);
        byte[] second = Json.bytes(Json.readRecord(first, Token.class));

        assertThat(second).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("{\"amount\":1000000,\"createdAt\":");
    }

    @Test
    void keepsSubSecondTimestampsExactly() {
        Instant precise = Instant.parse("2026-01-02T03:04:05.123456789Z");

        Dated read = Json.readRecord(Json.bytes(new Dated(null, precise, null, 0)), Dated.class);

        assertThat(read.at()).isEqualTo(precise);
        assertThat(read.day()).isNull();
    }

    @Test
    void refusesArgumentsThatAreNotExactlyTheExpectedShape() {
        TypeReference<List<Long>> longs = new TypeReference<>() {
        };
        assertThat(Json.readArgument("n", "[1,2]", longs)).containsExactly(1L, 2L);
        assertRefused(() -> Json.readArgument("n", "[1.5]", longs), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> Json.readArgument("n", "[\"1\"]", longs), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> Json.readArgument("n", "null", longs), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> Json.readArgument("n", " ", longs), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> Json.readArgument("n", "{\"a\":1,\"a\":2}", new TypeReference<TreeMap<String, Long>>() {
        }), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refusesMalformedDatesInArguments() {
        assertRefused(() -> Json.readArgument("d", "{\"day\":\"2026-02-30\",\"at\":null,\"zebra\":null,\"apple\":1}",
                new TypeReference<Dated>() {
                }), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> Json.readArgument("d", "{\"day\":null,\"at\":\"yesterday\",\"zebra\":null,\"apple\":1}",
                new TypeReference<Dated>() {
                }), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aLedgerValueItCannotReadIsAnInternalErrorNotAClientError() {
        assertThatThrownBy(() -> Json.readRecord("{\"status\":\"LOST\"}".getBytes(StandardCharsets.UTF_8),
                Token.class)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Token");
    }

    @Test
    void somethingItCannotWriteIsAnInternalError() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesEnumsByName() {
        assertThat(Json.write(List.of(PayableStatus.PENDING_ACCEPTANCE))).isEqualTo("[\"PENDING_ACCEPTANCE\"]");
    }
}
