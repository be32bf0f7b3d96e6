package com.scfledger.platform.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins issue and revoke an enterprise's ERP API keys. */
@RestController
@RequestMapping("/api/v1/admin/enterprises/{enterpriseId}/api-keys")
@Tag(name = "Administration")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class ApiKeyController {

    record CreateKeyRequest(@NotBlank @Size(max = 100) String name, @NotEmpty Set<@NotBlank String> scopes,
                            Instant expiresAt) {
    }

    record CreatedKey(UUID id, String apiKey, String prefix, String enterpriseId, String name, List<String> scopes,
                      Instant createdAt, Instant expiresAt) {
    }

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping
    @Operation(summary = "Create an API key bound to this enterprise; the key is shown only in this response")
    ResponseEntity<CreatedKey> create(@PathVariable String enterpriseId, @Valid @RequestBody CreateKeyRequest request,
                                      @AuthenticationPrincipal ScfPrincipal admin) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String s : request.scopes()) {
            scopes.add(ApiScope.parse(s).orElseThrow(() -> new InvalidInput("scopes", "Unknown scope '" + s + "'.")));
        }
        ApiKeys.Created c = apiKeys.create(enterpriseId, request.name(), scopes, request.expiresAt(),
                UUID.fromString(admin.subjectId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedKey(c.id(), c.key(), c.prefix(),
                c.enterpriseId(), c.name(), c.scopes().stream().map(ApiScope::value).sorted().toList(),
                c.createdAt(), c.expiresAt()));
    }

    @GetMapping
    @Operation(summary = "List this enterprise's API keys (never the keys themselves)")
    List<ApiKeys.KeyView> list(@PathVariable String enterpriseId) {
        return apiKeys.list(enterpriseId);
    }

    @DeleteMapping("/{keyId}")
    @Operation(summary = "Revoke an API key")
    ResponseEntity<Void> revoke(@PathVariable String enterpriseId, @PathVariable UUID keyId) {
        if (!apiKeys.revoke(enterpriseId, keyId)) {
            throw new NotFound(Reason.API_KEY_NOT_FOUND, "No active key " + keyId + " for enterprise " + enterpriseId + ".");
        }
        return ResponseEntity.noContent().build();
    }
}
