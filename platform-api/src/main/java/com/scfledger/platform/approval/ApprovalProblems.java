package com.scfledger.platform.approval;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/** The one place an {@link ApprovalRefusal} becomes an HTTP problem: the kind chooses the status. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalProblems {

    static ApiProblem problem(ApprovalRefusal refusal) {
        ApiProblem p = ApiProblem.of(status(refusal.kind()), refusal.code(), refusal.detail());
        for (var property : refusal.properties().entrySet()) {
            p = p.with(property.getKey(), property.getValue());
        }
        return refusal.kind() == ApprovalRefusal.Kind.CONCURRENT_UPDATE ? p.retryAfter(1) : p;
    }

    static int status(ApprovalRefusal.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case FOUR_EYES -> 403;
            case INVALID_TRANSITION, CONFLICT, CONCURRENT_UPDATE -> 409;
            case INCOMPLETE -> 422;
        };
    }

    @ExceptionHandler(ApprovalRefusal.class)
    ResponseEntity<ProblemDetail> refused(ApprovalRefusal refusal, WebRequest request) {
        ApiProblem p = problem(refusal);
        ProblemDetail body = Problems.of(p);
        if (request instanceof ServletWebRequest servlet) {
            body.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
        HttpHeaders headers = new HttpHeaders();
        if (p.retryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(p.retryAfterSeconds()));
        }
        return ResponseEntity.status(p.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
