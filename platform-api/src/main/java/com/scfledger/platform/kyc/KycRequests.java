package com.scfledger.platform.kyc;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the KYC endpoints, validated at the edge. */
final class KycRequests {

    private KycRequests() {
    }

    enum ApplicantRole { CORE, SUPPLIER, BANK }

    record ContactInput(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,19}$",
                    message = "6-20 digits, spaces or '-', optionally a leading '+'") String phone,
            @Size(max = 100) String title) {
        KycApplication.Contact toContact() {
            return new KycApplication.Contact(name.strip(), email.strip(), phone.strip(), title == null ? null : title.strip());
        }
    }

    record SettlementAccountInput(
            @NotBlank @Size(max = 200) String bankName,
            @Size(max = 200) String branch,
            @NotBlank @Size(max = 200) String accountName,
            @NotBlank @Pattern(regexp = "^[0-9]{8,32}$", message = "8-32 digits") String accountNumber) {
        KycApplication.SettlementAccount toAccount() {
            return new KycApplication.SettlementAccount(bankName.strip(), branch == null ? null : branch.strip(),
                    accountName.strip(), accountNumber);
        }
    }

    @Schema(description = "An enterprise's KYC application")
    record Application(
            @NotBlank @Size(max = 200) String legalName,
            @Schema(description = "18 characters, GB 32100-2015, checked including its check character",
                    example = "91350100M000100Y43")
            @NotBlank @ValidUscc String unifiedSocialCreditCode,
            @Schema(description = "optional; when given it must be the role the enterprise was invited with")
            ApplicantRole role,
            @NotNull @Size(min = 1, max = 5) List<@Valid @NotNull ContactInput> contacts,
            @NotNull @Valid SettlementAccountInput settlementAccount) {
        KycApplication.Details toDetails() {
            return new KycApplication.Details(legalName.strip(), UnifiedSocialCreditCode.normalise(unifiedSocialCreditCode),
                    contacts.stream().map(ContactInput::toContact).toList(), settlementAccount.toAccount());
        }
    }

    record Note(@Size(max = 2000) String note) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }
}
