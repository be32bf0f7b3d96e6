package com.scfledger.platform.identity;

import com.scfledger.platform.domain.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/enterprises/{enterpriseId}/ledger-identity")
@Tag(name = "Administration")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class LedgerIdentityController {

    private final LedgerIdentityService identities;

    LedgerIdentityController(LedgerIdentityService identities) {
        this.identities = identities;
    }

    @PostMapping
    @Operation(summary = "Register and enroll the enterprise's ledger identity at its organisation's Fabric CA "
            + "(replaces the current one)")
    ResponseEntity<LedgerIdentityService.IdentityView> enroll(@PathVariable String enterpriseId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(identities.enroll(enterpriseId));
    }

    @GetMapping
    @Operation(summary = "The enterprise's current ledger identity (certificate facts only)")
    LedgerIdentityService.IdentityView get(@PathVariable String enterpriseId) {
        return identities.current(enterpriseId).orElseThrow(() -> new NotFound("Enterprise " + enterpriseId
                + " has no ledger identity yet."));
    }
}
