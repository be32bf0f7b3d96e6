package com.scfledger.platform.identity;

import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/self-custody")
@Tag(name = "Signing", description = "Offline signing for enterprises that hold their own keys")
class SelfCustodyController {

    /** A PEM PKCS#10 request for an ECDSA P-256 key; its common name is the enrollment id. */
    record CertificateRequest(@NotBlank @Size(max = 8192) String csr) {
    }

    private final SelfCustody custody;

    SelfCustodyController(SelfCustody custody) {
        this.custody = custody;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CORE', 'SUPPLIER', 'BANK') and hasAuthority('SCOPE_kyc:read')")
    @Operation(summary = "Who holds your enterprise's keys (PLATFORM or SELF), and the certificates of the keys you hold")
    SelfCustody.CustodyView custody(@AuthenticationPrincipal ScfPrincipal caller) {
        return custody.custodyOf(caller.enterpriseId(), caller.subjectId());
    }

    @PostMapping("/certificate-requests")
    @PreAuthorize("hasAnyRole('CORE', 'SUPPLIER', 'BANK') and hasAuthority('SCOPE_kyc:write')")
    @Operation(summary = "Enroll a key you hold by its certificate request; your enterprise then signs for itself "
            + "(SELF custody) and the key the platform held for it is erased; a key you enrolled before is superseded")
    ResponseEntity<SelfCustody.SelfIdentityView> enroll(@Valid @RequestBody CertificateRequest request,
                                                        @AuthenticationPrincipal ScfPrincipal caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(custody.enroll(caller.enterpriseId(), caller.subjectId(), request.csr()));
    }
}
