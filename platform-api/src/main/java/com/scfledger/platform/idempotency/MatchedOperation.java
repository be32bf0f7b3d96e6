package com.scfledger.platform.idempotency;

import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a request does, as its idempotency fingerprint sees it: the method and the route pattern Spring matched
 * for the handler (e.g. {@code POST /api/v1/tokens/{tokenId}/split}), and the arguments of that route: its path
 * variables and query parameters, both sorted. Taken from the request, so no controller has to spell its route
 * a second time.
 *
 * @param route     method and pattern; stored with the key
 * @param arguments path variables and query parameters; fingerprinted with the body
 */
record MatchedOperation(String route, String arguments) {

    /** The operation of the request being handled on this thread. */
    static MatchedOperation current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            throw new IllegalStateException("an idempotent operation runs inside an HTTP request");
        }
        return of(attributes.getRequest());
    }

    static MatchedOperation of(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            throw new IllegalStateException("no handler matched " + request.getRequestURI());
        }
        StringBuilder sb = new StringBuilder();
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null && !variables.isEmpty()) {
            sb.append(new TreeMap<>(variables));
        }
        Map<String, String> query = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, String.join(",", values)));
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        return new MatchedOperation(request.getMethod() + " " + pattern, sb.toString());
    }
}
