package com.scfledger.platform.signing;

import java.io.IOException;
import java.util.UUID;

import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.UrlPathHelper;

/**
 * The client's side of offline signing (docs/integration-guide.md, "Signing with your own key"): a write of an
 * enterprise under SELF custody answered 202 with a session; the client signs the proposal here, then the
 * transaction, and the last answer is the original write's own answer.
 */
@RestController
@RequestMapping("/api/v1/signing-sessions/{sessionId}")
@Tag(name = "Signing", description = "Offline signing for enterprises that hold their own keys")
@PreAuthorize("isAuthenticated()")
class SigningSessionController {

    private final SigningSessions sessions;
    private final DispatcherServlet dispatcher;

    SigningSessionController(SigningSessions sessions, DispatcherServlet dispatcher) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
    }

    @GetMapping
    @Operation(summary = "The session's next step: the bytes to sign, or COMMITTED")
    SigningSessionView get(@PathVariable UUID sessionId, @AuthenticationPrincipal ScfPrincipal caller) {
        return sessions.viewOf(caller, sessionId);
    }

    @PostMapping("/proposal-signature")
    @Operation(summary = "Sign the proposal: the API endorses it and answers the transaction to sign")
    SigningSessionView signProposal(@PathVariable UUID sessionId, @Valid @RequestBody SignatureRequest signature,
                                    @AuthenticationPrincipal ScfPrincipal caller) {
        return sessions.signProposal(caller, sessionId, signature.signature());
    }

    /**
     * Submits what the client signed, then runs the original request again, which finds its ledger write done: the
     * answer is the original endpoint's (201 and its body, or the next session's 202 when it writes twice).
     */
    @PostMapping("/transaction-signature")
    @Operation(summary = "Sign the transaction: the API submits it and answers as the original write answers")
    void signTransaction(@PathVariable UUID sessionId, @Valid @RequestBody SignatureRequest signature,
                         @AuthenticationPrincipal ScfPrincipal caller, HttpServletRequest request,
                         HttpServletResponse response) throws ServletException, IOException {
        SigningSessions.Session session = sessions.signTransaction(caller, sessionId, signature.signature());
        request.setAttribute(SigningSessions.CHAIN_ATTRIBUTE, sessions.chainEndingAt(session));
        // Dispatched within this exchange rather than forwarded: a container forward closes the response, which
        // would lose the body that the audit filter's caching wrapper writes out at the end.
        request.removeAttribute(UrlPathHelper.PATH_ATTRIBUTE);
        dispatcher.service(new ReplayedRequest(request, session), response);
    }
}
