package com.scfledger.platform.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the servlet response, for code that runs outside Spring MVC's
 * exception handling (security filters, entry points) and for stored idempotent replays.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    private final ProblemMetrics metrics;

    ProblemWriter(JsonMapper json, ProblemMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        metrics.record(request, problem.status(), problem.code());
        ProblemDetail pd = Problems.of(problem);
        pd.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(problem.status());
        if (problem.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(toJson(pd));
        response.getWriter().flush();
    }

    /** RFC 9457 member order and names: type, title, status, detail, instance, then the extension members. */
    public String toJson(ProblemDetail pd) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", pd.getType().toString());
        body.put("title", pd.getTitle());
        body.put("status", pd.getStatus());
        if (pd.getDetail() != null) {
            body.put("detail", pd.getDetail());
        }
        if (pd.getInstance() != null) {
            body.put("instance", pd.getInstance().toString());
        }
        if (pd.getProperties() != null) {
            body.putAll(pd.getProperties());
        }
        return json.writeValueAsString(body);
    }
}
