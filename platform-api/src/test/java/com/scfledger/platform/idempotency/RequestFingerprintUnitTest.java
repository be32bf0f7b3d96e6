package com.scfledger.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintUnitTest {

    private final RequestFingerprint fp = new RequestFingerprint(JsonMapper.builder().build());

    record Body(String payableId, long amountMinor, List<String> invoices) {
    }

    @Test
    void keyOrderDoesNotMatter() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("y", Map.of("b", 2, "a", 1));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", Map.of("a", 1, "b", 2));
        b.put("x", 1);
        assertThat(fp.of("POST /p", a)).isEqualTo(fp.of("POST /p", b));
        assertThat(fp.canonicalJson(b)).isEqualTo("{\"x\":1,\"y\":{\"a\":1,\"b\":2}}");
    }

    @Test
    void anyDifferenceInValueOrOperationChangesTheFingerprint() {
        Body one = new Body("P-1", 100, List.of("a", "b"));
        assertThat(fp.of("POST /p", one)).isEqualTo(fp.of("POST /p", new Body("P-1", 100, List.of("a", "b"))));
        assertThat(fp.of("POST /p", one)).isNotEqualTo(fp.of("POST /p", new Body("P-1", 101, List.of("a", "b"))));
        assertThat(fp.of("POST /p", one)).isNotEqualTo(fp.of("POST /p", new Body("P-1", 100, List.of("b", "a"))));
        assertThat(fp.of("POST /p", one)).isNotEqualTo(fp.of("POST /q", one));
    }

    @Test
    void stringsAreEscapedSoThatStructureCannotBeForged() {
        assertThat(fp.canonicalJson(Map.of("a", "1\",\"b\":\"2"))).isEqualTo("{\"a\":\"1\\\",\\\"b\\\":\\\"2\"}");
        assertThat(fp.of("op", Map.of("a", "1\",\"b\":\"2"))).isNotEqualTo(fp.of("op", Map.of("a", "1", "b", "2")));
    }
}
