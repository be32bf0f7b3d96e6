package com.scfledger.platform.enterprise;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
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
class EnterpriseAdminController {

    static final String ID_PATTERN = "^[A-Z0-9][A-Z0-9_-]{2,63}$";

    enum EnterpriseRole { CORE, SUPPLIER, BANK, PLATFORM }

    enum UserRole { PLATFORM_ADMIN, CORE, SUPPLIER, BANK, AUDITOR }

    record CreateEnterpriseRequest(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "3-64 characters: A-Z, 0-9, '_' or '-'") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull EnterpriseRole role,
            Org org,
            @Pattern(regexp = "^[0-9a-f]{64}$", message = "a lower-case hex SHA-256") String kycHash) {
    }

    record CreateUserRequest(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{3,100}$", message = "3-100 characters: letters, digits, . _ @ -") String username,
            @NotBlank @Size(min = 12, max = 1024, message = "at least 12 characters") String password,
            @NotNull UserRole role) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", role=" + role + ", password=***]";
        }
    }

    record EnterpriseUser(UUID id, String username, UserRole role, String enterpriseId, Instant createdAt) {
    }

    private final Enterprises enterprises;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final LedgerRegistration registration;

    EnterpriseAdminController(Enterprises enterprises, JdbcClient jdbc, PasswordEncoder encoder,
                              LedgerRegistration registration) {
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.registration = registration;
    }

    @PostMapping("/{enterpriseId}/ledger-registration")
    @Operation(summary = "Register the enterprise on the ledger (RegisterEnterprise, signed by the platform operator); "
            + "it becomes ACTIVE")
    Enterprise registerOnLedger(@PathVariable String enterpriseId) {
        return registration.register(enterpriseId);
    }

    @PostMapping
    @Operation(summary = "Create an enterprise (PENDING until it is registered on the ledger)")
    ResponseEntity<Enterprise> create(@Valid @RequestBody CreateEnterpriseRequest request) {
        Org org = request.org() != null ? request.org() : defaultOrg(request.role());
        if (request.role() == EnterpriseRole.PLATFORM && org != Org.PLATFORM) {
            throw ApiProblem.of(ProblemCode.ORG_NOT_ALLOWED, "The platform's enterprise belongs to the PLATFORM organisation.");
        }
        Enterprise e = enterprises.create(request.id(), request.name(), request.role().name(), org, request.kycHash());
        return ResponseEntity.created(URI.create("/api/v1/admin/enterprises/" + e.id())).body(e);
    }

    static Org defaultOrg(EnterpriseRole role) {
        return switch (role) {
            case CORE -> Org.CORE;
            case BANK -> Org.BANK;
            case SUPPLIER, PLATFORM -> Org.PLATFORM;
        };
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
    @Transactional
    @Operation(summary = "Create a user of this enterprise; its role must fit the enterprise's role")
    ResponseEntity<EnterpriseUser> createUser(@PathVariable String enterpriseId, @Valid @RequestBody CreateUserRequest request) {
        Enterprise e = enterprises.require(enterpriseId);
        boolean fits = switch (request.role()) {
            case PLATFORM_ADMIN, AUDITOR -> e.role().equals("PLATFORM");
            case CORE, SUPPLIER, BANK -> e.role().equals(request.role().name());
        };
        if (!fits) {
            throw ApiProblem.of(ProblemCode.ROLE_NOT_ALLOWED, "A " + request.role() + " user cannot belong to a "
                    + e.role() + " enterprise.");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO users (id, username, password_hash, role, enterprise_id)
                    VALUES (:id, :u, :h, :r, :e)""")
                    .param("id", id).param("u", request.username()).param("h", encoder.encode(request.password()))
                    .param("r", request.role().name()).param("e", enterpriseId).update();
        } catch (DuplicateKeyException ex) {
            throw ApiProblem.of(ProblemCode.USERNAME_TAKEN, "The username " + request.username().toLowerCase(Locale.ROOT)
                    + " is taken.");
        }
        EnterpriseUser view = new EnterpriseUser(id, request.username(), request.role(), enterpriseId, Instant.now());
        return ResponseEntity.created(URI.create("/api/v1/admin/enterprises/" + enterpriseId + "/users/" + id)).body(view);
    }
}
