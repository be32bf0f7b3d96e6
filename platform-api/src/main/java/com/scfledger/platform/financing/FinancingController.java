package com.scfledger.platform.financing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.contract.Amounts;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.settings.BusinessCalendar;
import com.scfledger.platform.web.CurrencyCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/financing")
@Tag(name = "Financing", description = "Suppliers apply to a bank to finance a token; banks underwrite, approve "
        + "(maker-checker above a threshold, within credit limits), reject and disburse")
@Validated
class FinancingController {

    static final String ID = "^[A-Za-z0-9._-]{1,128}$";

    record CreateRequest(
            @Schema(description = "an ACTIVE token the caller's enterprise holds") @NotBlank @Pattern(regexp = ID) String tokenId,
            @Schema(description = "the bank asked (an ACTIVE BANK enterprise)") @NotBlank @Pattern(regexp = ID) String bankId,
            @Schema(description = "the invoice numbers behind the token (for the duplicate check)")
            @NotNull @Size(max = 50) List<@NotBlank @Pattern(regexp = "^[A-Za-z0-9._/-]{1,64}$") String> invoiceNumbers) {
    }

    record ApproveRequest(
            @Schema(description = "annual discount rate in basis points (0-10000); required for the first approval, "
                    + "optional for the second (it must then equal the first's)")
            @Min(0) @Max(10_000) Integer annualRateBps) {
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DisbursementRequest(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,128}$",
            message = "1-128 characters: letters, digits, . _ : / -") String reference) {
    }

    record LimitRequest(@NotBlank @CurrencyCode String currency,
                        @NotNull @PositiveOrZero @Max(Amounts.MAX_MINOR) Long limitMinor) {
    }

    record ApprovalPolicyRequest(@NotNull @PositiveOrZero @Max(Amounts.MAX_MINOR) Long fourEyesThresholdMinor) {
    }

    private final FinancingService financing;

    private final BusinessCalendar calendar;

    FinancingController(FinancingService financing, BusinessCalendar calendar) {
        this.financing = financing;
        this.calendar = calendar;
    }

    // ---- the supplier ----

    @PostMapping("/applications")
    @PreAuthorize("hasRole('SUPPLIER') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Draft an application to a bank for one of the caller's ACTIVE tokens "
            + "(maturing after today, in the business time zone)",
            description = "Upload an INVOICE and a CONTRACT, then submit. 404 TOKEN_NOT_FOUND for a token the caller does not "
                    + "hold; 409 TOKEN_NOT_ACTIVE, TOKEN_ALREADY_IN_APPLICATION; 422 MATURED, INVALID_BANK.")
    ResponseEntity<FinancingView> create(@Valid @RequestBody CreateRequest request,
            @AuthenticationPrincipal ScfPrincipal caller) {
        FinancingApplication a = financing.create(caller, request.tokenId(), request.bankId(), request.invoiceNumbers());
        return ResponseEntity.created(URI.create("/api/v1/financing/applications/" + a.id())).body(view(a));
    }

    @PostMapping(path = "/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUPPLIER') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Upload a document of a draft: INVOICE or CONTRACT",
            description = "PDF, PNG or JPEG by the file's leading bytes, not empty, at most scf.documents.max-bytes. "
                    + "400 DOCUMENT_EMPTY, 413 DOCUMENT_TOO_LARGE, 415 DOCUMENT_TYPE_NOT_ALLOWED / DOCUMENT_TYPE_MISMATCH; "
                    + "nothing is stored then.")
    ResponseEntity<StoredDocument> upload(@PathVariable String id,
                                          @Parameter(description = "INVOICE or CONTRACT") @RequestParam String kind,
                                          @RequestPart("file") MultipartFile file,
                                          @AuthenticationPrincipal ScfPrincipal caller) {
        StoredDocument d = financing.upload(id, caller, kind, file);
        return ResponseEntity.created(URI.create("/api/v1/financing/applications/" + id + "/documents/" + d.id())).body(d);
    }

    @PostMapping("/applications/{id}/submit")
    @PreAuthorize("hasRole('SUPPLIER') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Submit: RequestFinancing anchors the application's canonical SHA-256 and locks the token for the bank")
    FinancingView submit(@PathVariable String id, @AuthenticationPrincipal ScfPrincipal caller) {
        return view(financing.submit(id, caller));
    }

    @PostMapping("/applications/{id}/cancel")
    @PreAuthorize("hasRole('SUPPLIER') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Withdraw the application (CancelFinancing once submitted: the token unlocks)")
    FinancingView cancel(@PathVariable String id, @AuthenticationPrincipal ScfPrincipal caller) {
        return view(financing.cancel(id, caller));
    }

    // ---- reads ----

    @GetMapping("/applications")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')"
            + " or hasAnyRole('SUPPLIER', 'BANK') and hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "Applications: a supplier's own, those addressed to a bank (never drafts), or all for admins "
            + "and auditors; oldest first")
    List<FinancingView.Summary> list(
            @RequestParam(required = false) List<@NotNull(message = "must not be blank") FinancingStatus> status,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                     @RequestParam(defaultValue = "0") @Min(0) int offset,
                                     @AuthenticationPrincipal ScfPrincipal caller) {
        return financing.list(caller, status, limit, offset).stream().map(FinancingView.Summary::of).toList();
    }

    @GetMapping("/applications/{id}")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')"
            + " or hasAnyRole('SUPPLIER', 'BANK') and hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "An application with its documents and status timeline (its applicant, its bank, admins, auditors)")
    FinancingView get(@PathVariable String id, @AuthenticationPrincipal ScfPrincipal caller) {
        return view(financing.visible(id, caller));
    }

    @GetMapping("/applications/{id}/documents/{documentId}")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')"
            + " or hasAnyRole('SUPPLIER', 'BANK') and hasAuthority('SCOPE_documents:read')")
    @Operation(summary = "Download a document (X-Content-SHA256 carries its hash)")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID documentId,
                                    @AuthenticationPrincipal ScfPrincipal caller) {
        financing.visible(id, caller);
        Documents.Content c = financing.document(id, documentId).orElseThrow(() -> new NotFound(Reason.DOCUMENT_NOT_FOUND,
                "No document " + documentId + " in application " + id + "."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", c.document().sha256())
                .body(c.bytes());
    }

    // ---- the bank ----

    @GetMapping("/queue")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "The bank's underwriting queue: applications awaiting its decision, oldest first")
    List<FinancingView.Summary> queue(@AuthenticationPrincipal ScfPrincipal caller) {
        return financing.list(caller, List.of(FinancingStatus.SUBMITTED, FinancingStatus.AWAITING_SECOND_APPROVAL,
                FinancingStatus.APPROVING), 500, 0).stream().map(FinancingView.Summary::of).toList();
    }

    @GetMapping("/applications/{id}/underwriting")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "Underwriting view: lineage, obligor and exposure, maturity, applicant's KYC, duplicate-invoice "
            + "check, pricing preview (ACT/360, the chaincode's arithmetic, value date the business day)")
    Underwriting underwriting(@PathVariable String id,
                              @Parameter(description = "rate for the pricing preview; default the proposed rate or "
                                      + "scf.financing.default-preview-rate-bps")
                              @RequestParam(required = false) @Min(0) @Max(10_000) Integer annualRateBps,
                              @AuthenticationPrincipal ScfPrincipal caller) {
        return financing.underwriting(id, caller, annualRateBps);
    }

    @PostMapping("/applications/{id}/approve")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Approve (a bank user). Above scf.financing.four-eyes-threshold-minor the first approval "
            + "(maker) records the proposed rate and a second, different user (checker) confirms it",
            description = "The final approval reserves the obligor's credit limit and calls ApproveFinancing: the token moves "
                    + "to the bank and the ledger's terms are returned. 403 SAME_APPROVER (the maker again), USER_REQUIRED "
                    + "(an API key); 404 for another bank's application; 409 TERMS_MISMATCH, INVALID_FINANCING_STATE; "
                    + "422 CREDIT_LIMIT_EXCEEDED, CREDIT_LIMIT_MISSING, MATURED.")
    FinancingView approve(@PathVariable String id, @Valid @RequestBody(required = false) ApproveRequest body,
                          @AuthenticationPrincipal ScfPrincipal caller) {
        return view(financing.approve(id, caller, body == null ? null : body.annualRateBps()));
    }

    @PostMapping("/applications/{id}/reject")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Reject with a reason (RejectFinancing: the token unlocks back to the applicant)")
    FinancingView reject(@PathVariable String id, @Valid @RequestBody RejectRequest body,
                         @AuthenticationPrincipal ScfPrincipal caller) {
        return view(financing.reject(id, caller, body.reason()));
    }

    @PostMapping("/applications/{id}/disbursement")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Record the disbursement of the advance (the bank's payment reference)")
    FinancingView disburse(@PathVariable String id, @Valid @RequestBody DisbursementRequest body,
                           @AuthenticationPrincipal ScfPrincipal caller) {
        return view(financing.disburse(id, caller, body.reference()));
    }

    @PutMapping("/credit-limits/{obligorId}")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Propose the bank's credit limit for an obligor (a CORE enterprise) in a currency on the ledger, "
            + "or confirm the waiting proposal (a second bank user, the same figure); returns the ledger's figures")
    CreditLimits.Exposure setLimit(@PathVariable @Pattern(regexp = ID) String obligorId,
                                   @Valid @RequestBody LimitRequest body, @AuthenticationPrincipal ScfPrincipal caller) {
        return financing.setLimit(caller, obligorId, body.currency(), body.limitMinor());
    }

    @PutMapping("/approval-policy")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:write')")
    @Operation(summary = "Propose the bank's four-eyes threshold on the ledger, or confirm the waiting proposal (a second "
            + "bank user, the same threshold): above the threshold an approval takes two bank users")
    ApprovalPolicy setApprovalPolicy(@Valid @RequestBody ApprovalPolicyRequest body,
                                     @AuthenticationPrincipal ScfPrincipal caller) {
        return financing.proposeOrConfirmPolicy(caller, body.fourEyesThresholdMinor());
    }

    @GetMapping("/approval-policy")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "The bank's approval policy as the ledger records it, with a proposal waiting for confirmation; "
            + "without one, every approval takes two bank users")
    ApprovalPolicy approvalPolicy(@AuthenticationPrincipal ScfPrincipal caller) {
        return financing.approvalPolicy(caller);
    }

    @GetMapping("/credit-limits")
    @PreAuthorize("hasRole('BANK') and hasAuthority('SCOPE_financing:read')")
    @Operation(summary = "The bank's credit limits as the ledger records them: in use (consumed: approved, token not "
            + "settled), reserved (requested, not yet decided), pending (of those, applications awaiting a decision), "
            + "available, and a proposal waiting for a second user")
    List<CreditLimits.Exposure> limits(@AuthenticationPrincipal ScfPrincipal caller) {
        return financing.limits(caller);
    }

    @GetMapping("/pricing")
    @Operation(summary = "Pricing preview: the chaincode's ACT/360 arithmetic (discount = face x rateBps x days / 3 600 000, "
            + "rounded half up; advance = face - discount)")
    Pricing pricing(@RequestParam @Positive long faceAmountMinor,
                    @RequestParam @Min(0) @Max(10_000) int annualRateBps,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate maturityDate,
                    @Parameter(description = "default today in the business time zone") @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate valueDate) {
        return Pricing.act360(faceAmountMinor, annualRateBps,
                valueDate != null ? valueDate : calendar.today(), maturityDate);
    }

    private FinancingView view(FinancingApplication a) {
        return FinancingView.of(a, financing.requiredApprovals(a), financing.documents(a.id()), financing.timeline(a.id()));
    }
}
