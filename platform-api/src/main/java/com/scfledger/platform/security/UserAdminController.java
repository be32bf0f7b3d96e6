package com.scfledger.platform.security;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins manage users' log-ins (under /api/v1/admin/**, which only PLATFORM_ADMIN reaches). */
@RestController
@RequestMapping("/api/v1/admin/users/{userId}")
@Tag(name = "Administration")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class UserAdminController {

    record SetPasswordRequest(@NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "SetPasswordRequest[password=***]";
        }
    }

    private final UserAdministration administration;

    UserAdminController(UserAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/password")
    @Operation(summary = "Set a new password for the user (NIST 800-63B policy); revokes the user's tokens")
    UserAdministration.UserStatus setPassword(@PathVariable UUID userId, @Valid @RequestBody SetPasswordRequest request) {
        return administration.changePassword(userId, request.password());
    }

    @PostMapping("/disable")
    @Operation(summary = "Disable the user: log-in refused and every bearer token of the user stops working at once")
    UserAdministration.UserStatus disable(@PathVariable UUID userId, @AuthenticationPrincipal ScfPrincipal principal) {
        return administration.setEnabled(userId, false, principal.subjectId());
    }

    @PostMapping("/enable")
    @Operation(summary = "Enable a disabled user again")
    UserAdministration.UserStatus enable(@PathVariable UUID userId, @AuthenticationPrincipal ScfPrincipal principal) {
        return administration.setEnabled(userId, true, principal.subjectId());
    }

    @PostMapping("/revoke-tokens")
    @Operation(summary = "Revoke every bearer access token of the user (API keys are revoked per key)")
    UserAdministration.UserStatus revokeTokens(@PathVariable UUID userId) {
        return administration.revokeTokens(userId);
    }
}
