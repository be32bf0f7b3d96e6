package com.scfledger.platform.payable;

import java.time.LocalDate;
import java.util.List;

import com.scfledger.contract.Amounts;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.platform.web.CurrencyCode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payable as the core enterprise's ERP registers it. Amounts are integer minor units, at most the ledger's
 * ceiling (Amounts.MAX_MINOR), which the API checks before the chaincode would.
 *
 * @param payableId           the ERP's own reference, unique per obligor
 * @param beneficiaryId       the tier-1 supplier's enterprise id
 * @param invoiceFingerprints keyed HMACs of the invoices (lower-case hex), computed by the ERP
 * @param documentHash        SHA-256 of the payable's document (lower-case hex)
 */
record RegisterPayableRequest(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String payableId,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String beneficiaryId,
        @Positive @Max(Amounts.MAX_MINOR) long amountMinor,
        @NotBlank @CurrencyCode String currency,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate maturityDate,
        @NotNull @Size(min = 1, max = 100) List<@Pattern(regexp = "^[0-9a-f]{64}$") String> invoiceFingerprints,
        @NotBlank @Pattern(regexp = "^[0-9a-f]{64}$") String documentHash) {

    @AssertTrue(message = "maturityDate must be after issueDate")
    boolean isMaturityAfterIssue() {
        return issueDate == null || maturityDate == null || maturityDate.isAfter(issueDate);
    }

    /** RegisterPayable's arguments for this payable. */
    RegisterPayable toLedger() {
        return new RegisterPayable(payableId, beneficiaryId, amountMinor, currency, issueDate, maturityDate,
                invoiceFingerprints, documentHash);
    }
}
