package com.scfledger.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class MatchedOperationUnitTest {

    private static MockHttpServletRequest matched(String uri, String pattern, Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }

    @Test
    void theOperationIsTheMatchedRouteWithItsVariables() {
        MockHttpServletRequest split = matched("/api/v1/tokens/T-1/split", "/api/v1/tokens/{tokenId}/split",
                Map.of("tokenId", "T-1"));
        assertThat(MatchedOperation.of(split))
                .isEqualTo(new MatchedOperation("POST /api/v1/tokens/{tokenId}/split", "{tokenId=T-1}"));
    }

    @Test
    void anotherTokenOrAnotherQueryIsAnotherOperation() {
        MockHttpServletRequest a = matched("/api/v1/payables/P-1/accept", "/api/v1/payables/{payableId}/accept",
                Map.of("payableId", "P-1"));
        a.setParameter("obligorId", "CORE-1");
        MockHttpServletRequest b = matched("/api/v1/payables/P-1/accept", "/api/v1/payables/{payableId}/accept",
                Map.of("payableId", "P-1"));
        b.setParameter("obligorId", "CORE-2");
        MockHttpServletRequest c = matched("/api/v1/payables/P-2/accept", "/api/v1/payables/{payableId}/accept",
                Map.of("payableId", "P-2"));
        c.setParameter("obligorId", "CORE-1");
        assertThat(MatchedOperation.of(a))
                .isEqualTo(new MatchedOperation("POST /api/v1/payables/{payableId}/accept", "{payableId=P-1}?{obligorId=CORE-1}"))
                .isNotEqualTo(MatchedOperation.of(b)).isNotEqualTo(MatchedOperation.of(c));
    }

    @Test
    void aRequestNoHandlerMatchedHasNoOperation() {
        assertThatThrownBy(() -> MatchedOperation.of(new MockHttpServletRequest("POST", "/nowhere")))
                .isInstanceOf(IllegalStateException.class);
    }
}
