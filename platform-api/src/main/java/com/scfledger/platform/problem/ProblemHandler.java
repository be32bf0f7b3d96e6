package com.scfledger.platform.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.domain.StorableText;
import com.scfledger.platform.ledger.LedgerFailure;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves the API as an RFC 9457 problem with a stable {@code code}. Business refusals
 * arrive as a {@link DomainException}, the ledger's refusals and outages as a {@link LedgerFailure} (both
 * mapped by {@link ApiProblem#from}) or, from the edge, as an {@link ApiProblem}; framework exceptions get a
 * code from their status; only a genuine bug becomes a 500, and its message is logged, never returned.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemMetrics metrics;

    ProblemHandler(ProblemMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        if (problem.status() >= 500) {
            log.warn("{} {}: {}", problem.status(), problem.code(), problem.detail(), problem.getCause());
        }
        metrics.record(request, problem.status(), problem.code());
        ProblemDetail pd = Problems.of(problem);
        pd.setInstance(instance(request));
        HttpHeaders headers = new HttpHeaders();
        if (problem.retryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        return ResponseEntity.status(problem.status()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domainRefusal(DomainException refusal, WebRequest request) {
        return apiProblem(ApiProblem.from(refusal), request);
    }

    @ExceptionHandler(LedgerFailure.class)
    ResponseEntity<Object> ledgerFailure(LedgerFailure failure, WebRequest request) {
        return apiProblem(ApiProblem.from(failure), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(v -> errors.add(error(parameterOrPath(v.getPropertyPath()), v.getMessage())));
        return validationProblem(errors, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return apiProblem(ApiProblem.of(ProblemCode.FORBIDDEN, "Not allowed for this caller."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return apiProblem(ApiProblem.of(ProblemCode.UNAUTHENTICATED, "Authentication required."), request);
    }

    /** The request firewall checks some parts lazily, when a handler first reads them (e.g. a header). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedByFirewall(RequestRejectedException ex, WebRequest request) {
        return apiProblem(ApiProblem.of(ProblemCode.MALFORMED_REQUEST,
                "The request has a header, path or parameter the API does not accept."), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        Class<?> type = ex.getRequiredType();
        if (type != null && Collection.class.isAssignableFrom(type)) {
            type = ResolvableType.forMethodParameter(ex.getParameter()).asCollection().resolveGeneric(0);
        }
        String message = type != null && type.isEnum()
                ? "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "))
                : "has an invalid value";
        return validationProblem(List.of(error(ex.getName(), message)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (DatabaseOutage.is(ex)) {
            return apiProblem(DatabaseOutage.problem(ex), request);
        }
        log.error("unexpected error on {}", instance(request), ex);
        return apiProblem(ApiProblem.of(ProblemCode.INTERNAL_ERROR,
                "An unexpected error occurred; it has been logged."), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(error(fe.getField(), fe.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(error(ge.getObjectName(), ge.getDefaultMessage())));
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(
                error(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiProblem problem = ApiProblem.of(ProblemCode.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape.");
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem = problem.with("errors", List.of(error(jsonPath(mismatch), mismatchReason(mismatch))));
        }
        return apiProblem(problem, request);
    }

    /** The field as the client wrote it, e.g. {@code lines[2].amountMinor}. */
    private static String jsonPath(MismatchedInputException mismatch) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : mismatch.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mismatchReason(MismatchedInputException mismatch) {
        if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && invalid.getTargetType() == String.class) {
            String reason = StorableText.problemWith(text);
            if (reason != null) {
                return reason;
            }
        }
        Class<?> target = mismatch.getTargetType();
        return target == null ? "has an invalid value" : "must be a JSON " + jsonKind(target);
    }

    private static String jsonKind(Class<?> target) {
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "number";
        }
        return target == boolean.class || target == Boolean.class ? "boolean" : "value of the expected type";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail pd) {
            String code = ex instanceof MissingRequestHeaderException ? ProblemCode.VALIDATION_FAILED.name()
                    : codeFor(statusCode.value());
            pd.setProperty("code", code);
            pd.setType(Problems.typeOf(code));
            metrics.record(request, statusCode.value(), code);
            if (pd.getInstance() == null) {
                pd.setInstance(instance(request));
            }
            HttpHeaders h = new HttpHeaders();
            h.putAll(response.getHeaders());
            h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(pd, h, response.getStatusCode());
        }
        return response;
    }

    static String codeFor(int status) {
        ProblemCode code = ProblemCode.forStatus(status);
        return code != null ? code.name() : "HTTP_" + status;
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, WebRequest request) {
        return apiProblem(ApiProblem.of(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.")
                .with("errors", errors), request);
    }

    /** A method parameter's violation names the parameter (e.g. {@code status}), not the method's path to it. */
    private static String parameterOrPath(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.getName();
            }
        }
        return path.toString();
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("message", message);
        return m;
    }

    private static URI instance(WebRequest request) {
        if (request instanceof ServletWebRequest swr) {
            return URI.create(swr.getRequest().getRequestURI());
        }
        return null;
    }
}
