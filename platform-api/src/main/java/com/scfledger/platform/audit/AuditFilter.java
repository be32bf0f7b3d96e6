package com.scfledger.platform.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.scfledger.platform.ledger.LedgerCallTrace;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.problem.ProblemWriter;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.verify.Canonical;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one audit entry for every write request to the API (POST, PUT, PATCH, DELETE under /api/, except
 * login and logout): who (the authenticated caller), what (method, path pattern, path variables and what the
 * handler noted), when, the outcome (HTTP status and problem code) and the ledger transactions it submitted.
 * It runs inside the security filter chain, so requests refused there for a missing or bad credential are not
 * business writes and are not recorded; refusals by role, scope or business rule are. The entry is appended
 * before the response is sent, and it is the condition of a success: when it cannot be appended (the database is
 * away), the success is not acknowledged but answered 503 {@code DATABASE_UNAVAILABLE}, so no acknowledged write
 * lacks its entry. The retry under the same Idempotency-Key gets the original answer (stored, or rebuilt from the
 * ledger) and its own entry.
 * <p>
 * The entry is also the one audit of the request's PostgreSQL writes: each of them left a row in {@code audit_pending}
 * (a trigger, V9) naming this request, and appending the entry removes those rows in the same transaction. Only when
 * no entry comes (the API died after the business transaction) does {@link PendingWrites} derive one from them.
 */
@Component
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog auditLog;
    private final JsonMapper json;
    private final ProblemWriter problems;

    AuditFilter(AuditLog auditLog, JsonMapper json, ProblemWriter problems) {
        this.auditLog = auditLog;
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !WRITES.contains(request.getMethod()) || !uri.startsWith("/api/") || uri.startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        AuditTrail.open();
        LedgerCallTrace.open();
        WriteRequest.Current write = WriteRequest.open(principal());
        try {
            chain.doFilter(request, wrapped);
        } finally {
            WriteRequest.close();
            Map<String, Object> notes = AuditTrail.close();
            List<LedgerCallTrace.Call> calls = LedgerCallTrace.close();
            try {
                auditLog.appendForRequest(entry(request, wrapped, notes, calls), write.id());
            } catch (RuntimeException e) {
                log.error("could not append the audit entry of {} {}", request.getMethod(), request.getRequestURI(), e);
                if (wrapped.getStatus() < 400 && !wrapped.isCommitted()) {
                    wrapped.resetBuffer();
                    problems.write(request, wrapped, ApiProblem.of(ProblemCode.DATABASE_UNAVAILABLE, "The request was "
                            + "carried out, but its audit entry could not be recorded, so it is not acknowledged. "
                            + "Retry with the same Idempotency-Key to get its answer.").retryAfter(5));
                }
            }
            wrapped.copyBodyToResponse();
        }
    }

    private AuditEntry entry(HttpServletRequest request, ContentCachingResponseWrapper response,
                             Map<String, Object> notes, List<LedgerCallTrace.Call> calls) {
        ScfPrincipal p = principal();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("path", request.getRequestURI());
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> m) {
            m.forEach((k, v) -> target.put(String.valueOf(k), String.valueOf(v)));
        }
        target.putAll(notes);
        List<Map<String, Object>> tx = new ArrayList<>();
        for (LedgerCallTrace.Call c : calls) {
            tx.add(Map.of("transaction", c.transaction(), "transactionId", c.transactionId(), "committed", c.committed()));
        }
        int status = response.getStatus();
        String outcome = status < 400 ? "SUCCESS" : status < 500 ? "REFUSED" : "FAILED";
        return new AuditEntry(0, null, p == null ? "ANONYMOUS" : p.kind().name(), p == null ? null : p.subjectId(),
                p == null ? null : p.name(), p == null ? null : p.role().name(), p == null ? null : p.enterpriseId(),
                truncate(action, 300), Canonical.json(target), outcome, status, problemCode(response), Canonical.json(tx),
                null, null);
    }

    private String problemCode(ContentCachingResponseWrapper response) {
        String ct = response.getContentType();
        if (response.getStatus() < 400 || ct == null || !ct.contains("json")) {
            return null;
        }
        try {
            JsonNode body = json.readTree(response.getContentAsByteArray());
            String code = body.path("code").asString(null);
            return code == null ? null : truncate(code, 64);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ScfPrincipal principal() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof ScfPrincipal p ? p : null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
