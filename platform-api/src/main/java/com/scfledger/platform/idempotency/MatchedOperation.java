package com.scfledger.platform.idempotency;

import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a request does, as its idempotency fingerprint sees it: the method, the route pattern Spring matched
 * for the handler (e.g. {@code POST /api/v1/tokens/{tokenId}/split}), its path variables and its query
 * parameters, both sorted. Taken from the request, so no controller has to spell its route a second time.
 */
final class MatchedOperation {

    private MatchedOperation() {
    }

    /** The operation of the request being handled on this thread. */
    static String current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            throw new IllegalStateException("an idempotent operation runs inside an HTTP request");
        }
        return of(attributes.getRequest());
    }

    static String of(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            throw new IllegalStateException("no handler matched " + request.getRequestURI());
        }
        StringBuilder sb = new StringBuilder(request.getMethod()).append(' ').append(pattern);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null && !variables.isEmpty()) {
            sb.append(' ').append(new TreeMap<>(variables));
        }
        Map<String, String> query = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, String.join(",", values)));
        if (!query.isEmpty()) {
            sb.append(" ?").append(query);
        }
        return sb.toString();
    }
}
