package com.scfledger.platform.kyc;

import java.net.URI;
import java.util.List;

import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The applicant's side of KYC onboarding: a user of an invited (PENDING) enterprise files its application. */
@RestController
@RequestMapping("/api/v1/kyc/applications")
@Tag(name = "KYC onboarding", description = "An invited enterprise applies to be admitted; platform admins decide")
@PreAuthorize("hasAnyRole('CORE', 'SUPPLIER', 'BANK') and hasAuthority('SCOPE_kyc:write')")
class KycController {

    private final KycService kyc;

    KycController(KycService kyc) {
        this.kyc = kyc;
    }

    @PostMapping
    @Operation(summary = "Start the enterprise's KYC application (DRAFT)",
            description = "Legal name, unified social credit code (GB 32100-2015, check character verified), contacts and "
                    + "settlement bank account. Only while the enterprise is PENDING, one open application at a time.")
    ResponseEntity<KycView> create(@Valid @RequestBody KycRequests.Application request,
                                   @AuthenticationPrincipal ScfPrincipal caller) {
        KycApplication a = kyc.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/kyc/applications/" + a.id())).body(view(a));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CORE', 'SUPPLIER', 'BANK') and hasAuthority('SCOPE_kyc:read')")
    @Operation(summary = "The caller's enterprise's KYC applications, newest first")
    List<KycView.Summary> mine(@AuthenticationPrincipal ScfPrincipal caller) {
        return kyc.mine(caller).stream().map(KycView.Summary::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('CORE', 'SUPPLIER', 'BANK') and hasAuthority('SCOPE_kyc:read')")
    @Operation(summary = "One of the enterprise's applications with its documents and timeline")
    KycView get(@PathVariable String id, @AuthenticationPrincipal ScfPrincipal caller) {
        return view(kyc.own(id, caller));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the details (DRAFT or MORE_INFO_REQUESTED only)")
    KycView update(@PathVariable String id, @Valid @RequestBody KycRequests.Application request,
                   @AuthenticationPrincipal ScfPrincipal caller) {
        return view(kyc.update(id, caller, request));
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document: BUSINESS_LICENCE or SIGNATORY_ID",
            description = "PDF, PNG or JPEG, recognised by the file's leading bytes (an extension that contradicts them is "
                    + "refused), not empty, at most scf.documents.max-bytes (10 MiB by default). Stored with its SHA-256. "
                    + "Refusals: 400 DOCUMENT_EMPTY, 413 DOCUMENT_TOO_LARGE, 415 DOCUMENT_TYPE_NOT_ALLOWED or "
                    + "DOCUMENT_TYPE_MISMATCH; nothing is stored then.")
    ResponseEntity<StoredDocument> upload(@PathVariable String id,
                                          @Parameter(description = "BUSINESS_LICENCE or SIGNATORY_ID") @RequestParam String kind,
                                          @RequestPart("file") MultipartFile file,
                                          @AuthenticationPrincipal ScfPrincipal caller) {
        StoredDocument d = kyc.upload(id, caller, kind, file);
        return ResponseEntity.created(URI.create("/api/v1/kyc/applications/" + id + "/documents/" + d.id())).body(d);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit for review (needs at least one BUSINESS_LICENCE and one SIGNATORY_ID)")
    KycView submit(@PathVariable String id, @AuthenticationPrincipal ScfPrincipal caller) {
        return view(kyc.submit(id, caller));
    }

    private KycView view(KycApplication a) {
        return KycView.of(a, kyc.documents(a.id()), kyc.events(a.id()));
    }
}
