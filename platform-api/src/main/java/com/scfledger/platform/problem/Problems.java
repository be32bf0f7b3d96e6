package com.scfledger.platform.problem;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details that always carry a stable {@code code} property. */
public final class Problems {

    /** Problem types are URNs named after the code: stable, and not pretending to be a web page. */
    public static URI typeOf(String code) {
        return URI.create("urn:scf:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static ProblemDetail detail(int status, String code, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        pd.setType(typeOf(code));
        HttpStatus known = HttpStatus.resolve(status);
        pd.setTitle(title != null ? title : known != null ? known.getReasonPhrase() : "Error");
        if (detail != null) {
            pd.setDetail(detail);
        }
        pd.setProperty("code", code);
        return pd;
    }

    public static ProblemDetail of(ApiProblem problem) {
        ProblemDetail pd = detail(problem.status(), problem.code(), problem.title(), problem.detail());
        if (problem.retryAfterSeconds() != null) {
            pd.setProperty("retryAfterSeconds", problem.retryAfterSeconds());
        }
        for (Map.Entry<String, Object> e : problem.properties().entrySet()) {
            pd.setProperty(e.getKey(), e.getValue());
        }
        return pd;
    }

    private Problems() {
    }
}
