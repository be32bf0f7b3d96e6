package com.scfledger.platform.kyc;

import java.util.List;
import java.util.UUID;

import com.scfledger.platform.document.Documents;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/**
 * Platform admins review KYC applications with maker-checker: one admin reviews first, another approves.
 * Approval enrolls the enterprise's ledger identity, registers it on the ledger and anchors the KYC record.
 */
@RestController
@RequestMapping("/api/v1/admin/kyc/applications")
@Tag(name = "KYC review", description = "Platform admins' maker-checker review of KYC applications")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Validated
class KycAdminController {

    private final KycService kyc;

    KycAdminController(KycService kyc) {
        this.kyc = kyc;
    }

    @GetMapping
    @Operation(summary = "The review queue: applications in the given statuses (default SUBMITTED and REVIEWED), oldest first")
    List<KycView.Summary> queue(@RequestParam(required = false) List<@NotNull(message = "must not be blank") KycStatus> status,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                @RequestParam(defaultValue = "0") @Min(0) int offset) {
        List<KycStatus> statuses = status == null || status.isEmpty() ? List.of(KycStatus.SUBMITTED, KycStatus.REVIEWED) : status;
        return kyc.queue(statuses, limit, offset).stream().map(KycView.Summary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application with its documents and timeline")
    KycView get(@PathVariable String id) {
        return view(kyc.require(id));
    }

    @GetMapping("/{id}/documents/{documentId}")
    @Operation(summary = "Download a document")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID documentId) {
        Documents.Content c = kyc.document(id, documentId).orElseThrow(() -> new NotFound(Reason.DOCUMENT_NOT_FOUND,
                "No document " + documentId + " in application " + id + "."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", c.document().sha256())
                .body(c.bytes());
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "First review (the maker): the application is in order; another admin must approve it")
    KycView review(@PathVariable String id, @Valid @RequestBody(required = false) KycRequests.Note body,
                   @AuthenticationPrincipal ScfPrincipal admin) {
        return view(kyc.review(id, admin, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve (the checker, not the first reviewer): enroll, register on the ledger, anchor the KYC record",
            description = "403 SAME_REVIEWER when the first reviewer tries; 409 KYC_NOT_REVIEWED before a first review. "
                    + "When a ledger step fails the approval stands: the problem names activationStep and the application "
                    + "is resumed with POST .../activation.")
    KycView approve(@PathVariable String id, @Valid @RequestBody(required = false) KycRequests.Note body,
                    @AuthenticationPrincipal ScfPrincipal admin) {
        return view(kyc.approve(id, admin, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/activation")
    @Operation(summary = "Resume the ledger activation of an approved application where it stopped")
    KycView activate(@PathVariable String id, @AuthenticationPrincipal ScfPrincipal admin) {
        return view(kyc.activate(id, admin));
    }

    @PostMapping("/{id}/request-documents")
    @Operation(summary = "Send the application back to the applicant for more documents or corrections, with a reason")
    KycView requestMoreInformation(@PathVariable String id, @Valid @RequestBody KycRequests.Reason body,
                                   @AuthenticationPrincipal ScfPrincipal admin) {
        return view(kyc.requestMoreInformation(id, admin, body.reason()));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject the application, with a reason (final)")
    KycView reject(@PathVariable String id, @Parameter @Valid @RequestBody KycRequests.Reason body,
                   @AuthenticationPrincipal ScfPrincipal admin) {
        return view(kyc.reject(id, admin, body.reason()));
    }

    private KycView view(KycApplication a) {
        return KycView.of(a, kyc.documents(a.id()), kyc.events(a.id()));
    }
}
