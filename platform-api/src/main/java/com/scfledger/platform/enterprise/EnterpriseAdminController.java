package com.scfledger.platform.enterprise;

import java.net.URI;
import java.util.List;

import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins create enterprises and their users (the KYC workflow that decides this is separate). */
@RestController
@RequestMapping("/api/v1/admin/enterprises")
@Tag(name = "Administration")
@Validated
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class EnterpriseAdminController {

    static final String ID_PATTERN = "^[A-Z0-9][A-Z0-9_-]{2,63}$";

    record CreateEnterpriseRequest(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "3-64 characters: A-Z, 0-9, '_' or '-'") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull EnterpriseRole role,
            Org org,
            @Pattern(regexp = "^[0-9a-f]{64}$", message = "a lower-case hex SHA-256") String kycHash) {
    }

    record CreateUserRequest(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{3,100}$",
                    message = "3-100 characters: letters, digits, . _ @ -") String username,
            @NotBlank @Size(min = 12, max = 1024, message = "at least 12 characters") String password,
            @NotNull Role role) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", role=" + role + ", password=***]";
        }
    }

    private final Enterprises enterprises;
    private final EnterpriseAdministration administration;
    private final LedgerRegistration registration;
    private final EnterpriseSuspension suspension;

    EnterpriseAdminController(Enterprises enterprises, EnterpriseAdministration administration,
                              LedgerRegistration registration, EnterpriseSuspension suspension) {
        this.enterprises = enterprises;
        this.administration = administration;
        this.registration = registration;
        this.suspension = suspension;
    }

    @PostMapping("/{enterpriseId}/suspension")
    @Operation(summary = "Suspend an ACTIVE enterprise (SuspendEnterprise, signed with the admin's personal identity)",
            description = "On the ledger it can no longer act nor receive tokens; on the platform its users' sessions "
                    + "and API keys stop at once. What it holds stays where it is. 409 ENTERPRISE_NOT_ACTIVE unless "
                    + "it is ACTIVE.")
    Enterprise suspend(@PathVariable String enterpriseId, @AuthenticationPrincipal ScfPrincipal admin) {
        return suspension.suspend(enterpriseId, admin.name());
    }

    @PostMapping("/{enterpriseId}/reinstatement")
    @Operation(summary = "Reinstate a SUSPENDED enterprise (ReinstateEnterprise); it is ACTIVE again",
            description = "409 ENTERPRISE_NOT_SUSPENDED unless it is SUSPENDED.")
    Enterprise reinstate(@PathVariable String enterpriseId, @AuthenticationPrincipal ScfPrincipal admin) {
        return suspension.reinstate(enterpriseId, admin.name());
    }

    @PostMapping("/{enterpriseId}/ledger-registration")
    @Operation(summary = "Admit the enterprise on the ledger with four eyes: the first platform admin's call anchors "
            + "its KYC hash (KYC/{enterpriseId}) and proposes it (ProposeAdmission), a second admin's call confirms it "
            + "(RegisterEnterprise) and it becomes ACTIVE",
            description = "Each call signs with the calling admin's personal ledger identity. The answer is the "
                    + "enterprise: still PENDING after the proposal, ACTIVE after the confirmation. The admin who "
                    + "proposed cannot confirm (403 SAME_APPROVER).")
    Enterprise registerOnLedger(@PathVariable String enterpriseId, @AuthenticationPrincipal ScfPrincipal admin) {
        registration.registerByAdmins(enterpriseId, admin.name());
        return enterprises.require(enterpriseId);
    }

    @PostMapping
    @Operation(summary = "Create an enterprise (PENDING until it is registered on the ledger)")
    ResponseEntity<Enterprise> create(@Valid @RequestBody CreateEnterpriseRequest request) {
        Enterprise e = administration.create(request.id(), request.name(), request.role(), request.org(), request.kycHash());
        return ResponseEntity.created(URI.create("/api/v1/admin/enterprises/" + e.id())).body(e);
    }

    @GetMapping
    @Operation(summary = "List enterprises")
    List<Enterprise> list(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return enterprises.list(limit, offset);
    }

    @GetMapping("/{enterpriseId}")
    @Operation(summary = "Get an enterprise")
    Enterprise get(@PathVariable String enterpriseId) {
        return enterprises.require(enterpriseId);
    }

    @PostMapping("/{enterpriseId}/users")
    @Operation(summary = "Create a user of this enterprise; its role must fit the enterprise's role")
    ResponseEntity<EnterpriseUser> createUser(@PathVariable String enterpriseId, @Valid @RequestBody CreateUserRequest request) {
        EnterpriseUser user = administration.createUser(enterpriseId, request.username(), request.password(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/admin/enterprises/" + enterpriseId + "/users/" + user.id()))
                .body(user);
    }
}
