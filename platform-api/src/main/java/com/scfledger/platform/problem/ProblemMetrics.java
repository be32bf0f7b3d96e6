package com.scfledger.platform.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Counts every problem the API answers, by status and stable code ({@code scf_api_errors_total}),
 * and leaves the code on the request for the request log.
 */
@Component
public class ProblemMetrics {

    /** Request attribute holding the problem code of the answer, for the request log. */
    public static final String CODE_ATTRIBUTE = "scf.problem.code";

    private final MeterRegistry meters;

    ProblemMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(int status, String code) {
        Counter.builder("scf.api.errors").description("Problems answered, by HTTP status and problem code")
                .tag("status", Integer.toString(status)).tag("code", code).register(meters).increment();
    }

    void record(HttpServletRequest request, int status, String code) {
        record(status, code);
        if (request != null) {
            request.setAttribute(CODE_ATTRIBUTE, code);
        }
    }

    void record(WebRequest request, int status, String code) {
        record(status, code);
        if (request != null) {
            request.setAttribute(CODE_ATTRIBUTE, code, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
