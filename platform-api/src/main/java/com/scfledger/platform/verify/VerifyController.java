package com.scfledger.platform.verify;

import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/verify")
@Tag(name = "Verification", description = "Tamper evidence: off-chain records against their ledger anchors")
@Validated
class VerifyController {

    private final VerificationService verification;
    private final AnchorList anchors;

    VerifyController(VerificationService verification, AnchorList anchors) {
        this.verification = verification;
        this.anchors = anchors;
    }

    @GetMapping("/anchors")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
    @Operation(summary = "The records anchored on the ledger, newest first (each record's first anchor, its owner's)",
            description = "verifiable tells whether GET /verify/{type}/{id} can recompute the record's hash (KYC and "
                    + "FINANCING_APPLICATION); other types (AUDIT_LOG checkpoints, enterprise admissions) are listed for "
                    + "completeness.")
    PageResult<AnchorList.AnchorView> anchors(
            @Parameter(description = "only anchors of this record type") @RequestParam(required = false)
            @Pattern(regexp = "^[A-Z_]{1,32}$") String recordType,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return anchors.page(recordType, page, size);
    }

    @GetMapping("/{type}/{id}")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')"
            + " or hasAuthority('SCOPE_kyc:read') or hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "Recompute a record's canonical SHA-256 and compare it with its first ledger anchor, "
            + "the one its owner wrote",
            description = "status VERIFIED (equal), TAMPERED (different; both hashes are returned), SUPERSEDED (someone "
                    + "other than the owner re-anchored it: see laterVersions) or NOT_ANCHORED (not anchored yet, e.g. a "
                    + "draft). Anchors are append-only; laterVersions lists every re-anchor with who wrote it and when. "
                    + "The canonical form is documented in docs/verification.md. Types: KYC (a KYC application id) "
                    + "and FINANCING_APPLICATION (a financing application id). Platform admins and auditors verify "
                    + "any record; an enterprise "
                    + "its own (applicant or bank).")
    VerificationService.RecordVerification verify(
            @Parameter(description = "KYC or FINANCING_APPLICATION") @PathVariable String type,
            @PathVariable String id, @AuthenticationPrincipal ScfPrincipal caller) {
        return verification.verify(type, id, caller);
    }
}
