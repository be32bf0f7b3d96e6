package com.scfledger.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalUnitTest {

    @Test
    void keysAreSortedAtEveryLevelAndNullsLeftOut() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", "x");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(inner, 2L));
        m.put("a", null);
        m.put("A", true);
        assertThat(Canonical.json(m)).isEqualTo("{\"A\":true,\"b\":[{\"a\":\"x\",\"z\":1},2]}");
    }

    @Test
    void theSameRecordBuiltInAnotherOrderHasTheSameHash() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("amount", 125_000_00L);
        one.put("id", "FIN-1");
        Map<String, Object> two = new HashMap<>();
        two.put("id", "FIN-1");
        two.put("amount", 125_000_00L);
        assertThat(Canonical.hash(one)).isEqualTo(Canonical.hash(two)).matches("[0-9a-f]{64}");
    }

    @Test
    void stringsAreEscapedMinimallyAndUnicodeIsKept() {
        assertThat(Canonical.json(Map.of("s", "上海 \"q\" \\ \n\u0001"))).isEqualTo("{\"s\":\"上海 \\\"q\\\" \\\\ \\n\\u0001\"}");
    }

    @Test
    void datesInstantsAndEnumsHaveOneForm() {
        assertThat(Canonical.json(List.of(LocalDate.of(2025, 7, 10), Instant.parse("2025-01-02T03:04:05.123456789Z"),
                Thread.State.NEW))).isEqualTo("[\"2025-07-10\",\"2025-01-02T03:04:05.123456Z\",\"NEW\"]");
    }

    @Test
    void floatingPointIsRefused() {
        assertThatThrownBy(() -> Canonical.json(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha256OfKnownText() {
        assertThat(Canonical.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
