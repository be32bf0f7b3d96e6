package com.scfledger.platform.security;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Password login for people; ERP clients use X-API-Key instead")
class AuthController {

    record LoginRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=***]";
        }
    }

    record SignedInUser(String id, String username, Role role, String enterpriseId) {
    }

    record LoginResponse(String accessToken, String tokenType, Instant expiresAt, long expiresIn, SignedInUser user) {
    }

    record Me(String kind, String id, String name, Role role, String enterpriseId, java.util.List<String> scopes) {
    }

    private final Logins logins;
    private final AccessTokens tokens;
    private final ClientAddress clientAddress;

    AuthController(Logins logins, AccessTokens tokens, ClientAddress clientAddress) {
        this.logins = logins;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange a username and password for a short-lived bearer access token")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        Logins.SignedIn in = logins.login(request.username(), request.password(), clientAddress.of(http));
        UserAccounts.Account user = in.account();
        return new LoginResponse(in.token().token(), "Bearer", in.token().expiresAt(), in.expiresIn(),
                new SignedInUser(user.id().toString(), user.username(), user.role(), user.enterpriseId()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the access token of this request")
    ResponseEntity<Void> logout(HttpServletRequest http) {
        String authorization = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(authorization.substring(7).trim());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "Who the credential of this request belongs to")
    Me me(@AuthenticationPrincipal ScfPrincipal principal) {
        return new Me(principal.kind().name(), principal.subjectId(), principal.name(), principal.role(),
                principal.enterpriseId(), principal.scopes().stream().map(ApiScope::value).sorted().toList());
    }
}
