package com.scfledger.platform.document;

import java.net.URI;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Multipart failures (above the servlet's own size limit, a broken body, a missing part) as problems with a code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private final Documents documents;

    UploadProblems(Documents documents) {
        this.documents = documents;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        return render(ApiProblem.of(ProblemCode.DOCUMENT_TOO_LARGE, "The upload is larger than the "
                + documents.maxBytes() + " bytes accepted for a document.").with("maxBytes", documents.maxBytes()), request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
        return render(ApiProblem.of(ProblemCode.DOCUMENT_MISSING, "Send the document as the multipart part named '"
                + ex.getRequestPartName() + "'."), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> broken(MultipartException ex, HttpServletRequest request) {
        return render(ApiProblem.of(ProblemCode.MALFORMED_REQUEST, "The request is not a readable multipart/form-data body."),
                request);
    }

    private static ResponseEntity<ProblemDetail> render(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail pd = Problems.of(problem);
        pd.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
