package com.scfledger.platform.problem;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that escape Spring MVC (a failure inside a servlet filter, a container error) are
 * rendered here as problem details too, instead of Boot's default error body.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemMetrics metrics;

    ProblemErrorController(ProblemMetrics metrics) {
        this.metrics = metrics;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object statusAttr = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // no error attribute: a client asked for /error itself, which is no resource of the API
        int status = statusAttr == null ? 404 : statusAttr instanceof Integer i && i >= 400 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == 500 && DatabaseOutage.is(failure)) {
            return databaseOutage(failure, uri);
        }
        String code = ProblemHandler.codeFor(status);
        metrics.record(status, code);
        String detail = status >= 500 ? "An unexpected error occurred; it has been logged." : null;
        if (status >= 500) {
            log.error("error outside the MVC layer on {}", uri, failure);
        }
        ProblemDetail pd = Problems.detail(status, code, null, detail);
        if (uri != null) {
            pd.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /** The database failed under a filter (say, while an API key was looked up): an outage, as in a handler. */
    private ResponseEntity<ProblemDetail> databaseOutage(Throwable failure, Object uri) {
        ApiProblem problem = DatabaseOutage.problem(failure);
        log.warn("{} {} on {}: {}", problem.status(), problem.code(), uri, failure.toString());
        metrics.record(problem.status(), problem.code());
        ProblemDetail pd = Problems.of(problem);
        if (uri != null) {
            pd.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds())).body(pd);
    }
}
