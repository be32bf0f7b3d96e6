package com.scfledger.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.domain.StorableText;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before security and before any handler, request parts that no endpoint can use: a query parameter
 * with an empty name, malformed percent-encoding or text that is not {@link StorableText storable}, and an
 * {@code Idempotency-Key} outside its alphabet. Each is a 400 problem naming the part.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestHygieneFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestHygieneFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiProblem refusal = queryProblem(request.getQueryString());
        if (refusal == null) {
            String key = request.getHeader(IdempotencyService.HEADER);
            refusal = key == null ? null : IdempotencyService.keyProblem(key);
        }
        if (refusal != null) {
            problems.write(request, response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static ApiProblem queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            if (name == null || name.isEmpty()) {
                return invalid(rawName.isEmpty() ? "(query)" : rawName, name == null
                        ? "has malformed percent-encoding" : "a query parameter must have a name");
            }
            String nameProblem = StorableText.problemWith(name);
            if (nameProblem != null) {
                return invalid("(query)", "a parameter name " + nameProblem);
            }
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            String valueProblem = value == null ? "has malformed percent-encoding" : StorableText.problemWith(value);
            if (valueProblem != null) {
                return invalid(name, valueProblem);
            }
        }
        return null;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.of(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
