package com.scfledger.platform.signing;

import java.net.URI;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Any write of an enterprise that signs for itself answers 202 with the session to sign, whatever its endpoint. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SigningAnswers {

    @ExceptionHandler(SigningRequired.class)
    ResponseEntity<Map<String, SigningSessionView>> signingRequired(SigningRequired required) {
        SigningSessionView session = required.session();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/signing-sessions/" + session.id()))
                .body(Map.of("signingSession", session));
    }
}
