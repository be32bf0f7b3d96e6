package com.scfledger.platform.signing;

/**
 * Not a failure: the write's enterprise holds its own key, so the client must sign. Answered as 202 with the signing
 * session ({@link SigningAnswers}); nothing was written, and an Idempotency-Key stays free for the rest of the exchange.
 */
final class SigningRequired extends RuntimeException {

    private final transient SigningSessionView session;

    SigningRequired(SigningSessionView session) {
        super("the client signs " + session.transaction(), null, false, false);
        this.session = session;
    }

    SigningSessionView session() {
        return session;
    }
}
