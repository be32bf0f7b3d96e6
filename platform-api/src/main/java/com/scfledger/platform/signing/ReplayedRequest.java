package com.scfledger.platform.signing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.idempotency.IdempotencyService;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpHeaders;

/** The request that opened a signing session, run again by the same caller once its ledger write has committed. */
final class ReplayedRequest extends HttpServletRequestWrapper {

    private final SigningSessions.Session session;
    private final byte[] body;
    private final Map<String, String[]> parameters;

    ReplayedRequest(HttpServletRequest request, SigningSessions.Session session) {
        super(request);
        this.session = session;
        this.body = session.httpBody() == null ? new byte[0] : session.httpBody();
        this.parameters = queryParameters(session.httpQuery());
    }

    /** The original query's parameters (the body is JSON, never a form). */
    private static Map<String, String[]> queryParameters(String query) {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getMethod() {
        return session.httpMethod();
    }

    @Override
    public String getRequestURI() {
        return session.httpPath();
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + session.httpPath());
    }

    @Override
    public String getServletPath() {
        return session.httpPath();
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return session.httpQuery();
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }

    @Override
    public String getContentType() {
        return session.httpContentType();
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getHeader(String name) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            return session.httpContentType();
        }
        if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return Integer.toString(body.length);
        }
        if (IdempotencyService.HEADER.equalsIgnoreCase(name)) {
            return session.idempotencyKey();
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                || IdempotencyService.HEADER.equalsIgnoreCase(name)) {
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
        }
        return super.getHeaders(name);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("a replayed request is read synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
}
