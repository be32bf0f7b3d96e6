package com.scfledger.platform.financing;

import java.time.LocalDate;
import java.util.List;

import com.scfledger.platform.kyc.KycDirectory;

/**
 * What a bank needs to decide an application: the token's lineage back to its payable, the obligor and the bank's
 * exposure to it, maturity, the applicant's KYC standing, the duplicate-invoice check and a pricing preview
 * computed exactly as the chaincode will (ACT/360, value date the business day).
 */
record Underwriting(String financingId, String status, List<LineageStep> lineage, Obligor obligor,
                    CreditLimits.Exposure exposure, Maturity maturity, DuplicateCheck duplicateCheck,
                    PricingPreview pricing, long fourEyesThresholdMinor, boolean needsTwoApprovers,
                    String applicantId, KycDirectory.KycStanding applicantKyc) {

    /** One token on the path from the financed token (first) back to its payable's root token (last). */
    record LineageStep(String tokenId, String parentId, String holderId, long amountMinor, int tier, String status,
                       String createdByTx) {
    }

    record Obligor(String id, String name) {
    }

    /** @param today the business day (the ledger's business time zone), from which daysRemaining counts */
    record Maturity(LocalDate maturityDate, LocalDate today, long daysRemaining) {
    }

    /** @param result CLEAR or POSSIBLE_DUPLICATE */
    record DuplicateCheck(String result, List<FinancingRepository.InvoiceMatch> matches, String scope) {
    }

    /** The preview, or why the chaincode would refuse these terms today. */
    record PricingPreview(Pricing quote, String refusal) {
    }
}
