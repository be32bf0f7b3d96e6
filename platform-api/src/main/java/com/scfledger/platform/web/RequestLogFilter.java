package com.scfledger.platform.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.scfledger.platform.ledger.LedgerCallTrace;
import com.scfledger.platform.problem.ProblemMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per API request, carrying (as MDC fields, so in the JSON log) the request id
 * ({@code X-Request-Id}, taken from the client when well-formed, else made here and returned),
 * the method, path, status, duration, the problem code of an error answer, and the ledger
 * transaction id of a request that committed one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLogFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger("com.scfledger.platform.request");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId == null || !requestId.matches("[A-Za-z0-9._:-]{1,100}")) {
            byte[] b = new byte[8];
            RANDOM.nextBytes(b);
            requestId = HexFormat.of().formatHex(b);
        }
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("requestId", requestId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object txId = request.getAttribute(LedgerCallTrace.TRANSACTION_ATTRIBUTE);
            Object code = request.getAttribute(ProblemMetrics.CODE_ATTRIBUTE);
            MDC.put("httpMethod", request.getMethod());
            MDC.put("path", request.getRequestURI());
            MDC.put("status", Integer.toString(response.getStatus()));
            MDC.put("durationMs", Long.toString((System.nanoTime() - start) / 1_000_000));
            if (txId != null) {
                MDC.put("txId", txId.toString());
            }
            if (code != null) {
                MDC.put("problemCode", code.toString());
            }
            try {
                log.info("{} {} {}{}{}", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        code == null ? "" : " " + code, txId == null ? "" : " tx " + txId);
            } finally {
                MDC.remove("httpMethod");
                MDC.remove("path");
                MDC.remove("status");
                MDC.remove("durationMs");
                MDC.remove("txId");
                MDC.remove("problemCode");
                MDC.remove("requestId");
            }
        }
    }
}
