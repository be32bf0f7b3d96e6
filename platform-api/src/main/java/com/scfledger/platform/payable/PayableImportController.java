package com.scfledger.platform.payable;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.idempotency.IdempotentRequest;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payables/imports")
@Tag(name = "Payable imports", description = "Bulk registration of payables from the ERP's CSV export")
@Validated
class PayableImportController {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final PayableImports imports;
    private final IdempotencyService idempotency;

    PayableImportController(PayableImports imports, IdempotencyService idempotency) {
        this.imports = imports;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"))})
    @PreAuthorize("hasRole('CORE') and hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Upload a CSV of payables; they are registered in the background",
            description = "Header: payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,invoiceFingerprints,"
                    + "documentHash (fingerprints separated by ';'). Answers 202 with the job and its Location. Each row is "
                    + "registered with a request id derived from its payable id, so uploading the same file again registers "
                    + "nothing twice (rows report ALREADY_REGISTERED). With an Idempotency-Key a retried upload returns the "
                    + "same job.")
    ResponseEntity<PayableImports.Job> upload(@RequestHeader(value = IdempotencyService.HEADER,
            required = false) String idempotencyKey,
                             HttpServletRequest request, @AuthenticationPrincipal ScfPrincipal caller) throws IOException {
        String csv = CsvBody.read(request.getInputStream(), charset(request), MAX_BYTES);
        if (idempotencyKey == null) {
            return accepted(imports.create(caller.enterpriseId(), caller.name(), csv));
        }
        return idempotency.execute(IdempotentRequest.current(caller.idempotencyScope(), idempotencyKey, csv),
                () -> accepted(imports.create(caller.enterpriseId(), caller.name(), csv)));
    }

    /** The body's declared charset; UTF-8 when none (or an unknown one, which then fails decoding visibly). */
    private static Charset charset(HttpServletRequest request) {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (IllegalArgumentException e) { // an invalid media type or an unknown or illegal charset name
            throw new RuleViolation(Reason.CSV_MALFORMED, "The CSV's content type names no charset this API reads.");
        }
    }

    private static ResponseEntity<PayableImports.Job> accepted(PayableImports.Job job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/payables/imports/" + job.jobId()))
                .body(job);
    }

    @GetMapping("/{jobId}")
    @PreAuthorize("hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "An import job's progress: rows pending, registered, already registered, invalid, failed")
    PayableImports.Job progress(@PathVariable UUID jobId, @AuthenticationPrincipal ScfPrincipal caller) {
        return imports.job(jobId, caller.enterpriseId()).orElseThrow(() -> notFound(jobId));
    }

    @GetMapping("/{jobId}/rows")
    @PreAuthorize("hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Each row's outcome: its status, the chaincode's code and detail, the transaction that registered it")
    PageResult<PayableImports.Row> rows(@PathVariable UUID jobId,
                                        @RequestParam(required = false)
                                        List<@NotNull(message = "must not be blank") ImportRowStatus> status,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                        @AuthenticationPrincipal ScfPrincipal caller) {
        imports.job(jobId, caller.enterpriseId()).orElseThrow(() -> notFound(jobId));
        return imports.rows(jobId, status, page, size);
    }

    private static NotFound notFound(UUID jobId) {
        return new NotFound(Reason.NOT_FOUND, "No import job " + jobId + ".");
    }
}
