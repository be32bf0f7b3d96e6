package com.scfledger.platform.security;

import java.io.IOException;
import java.util.Optional;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <access token>} or {@code X-API-Key: <key>}. A request that
 * presents a credential which does not check out is refused here with 401 (it does not fall
 * through to anonymous access); a request with none goes on anonymous and the authorization rules
 * decide.
 */
final class CredentialFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final AccessTokens accessTokens;
    private final ApiKeys apiKeys;
    private final ProblemWriter problems;

    CredentialFilter(AccessTokens accessTokens, ApiKeys apiKeys, ProblemWriter problems) {
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (authorization == null && apiKey == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ScfPrincipal> principal;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                reject(request, response, "Only Bearer access tokens are accepted in Authorization.");
                return;
            }
            principal = accessTokens.authenticate(authorization.substring(7).trim());
        } else {
            principal = apiKeys.authenticate(apiKey.trim());
        }
        if (principal.isEmpty()) {
            reject(request, response, "The credential is invalid, expired or revoked.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ScfAuthentication(principal.get()));
        SecurityContextHolder.setContext(context);
        MDC.put("principal", principal.get().kind() + ":" + principal.get().subjectId());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("principal");
            SecurityContextHolder.clearContext();
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(request, response, ApiProblem.of(ProblemCode.UNAUTHENTICATED, detail));
    }
}
