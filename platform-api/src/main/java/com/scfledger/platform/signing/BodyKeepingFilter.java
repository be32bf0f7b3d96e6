package com.scfledger.platform.signing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Keeps the JSON body of API writes as it is read, so that a write which turns out to need the client's signature
 * can be run again, as it was sent, once signed. Uploads (multipart) are not kept.
 */
@Component
class BodyKeepingFilter extends OncePerRequestFilter {

    private static final int LIMIT = 1 << 20;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new ContentCachingRequestWrapper(request, LIMIT), response);
    }
}
