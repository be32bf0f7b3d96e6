package com.scfledger.platform.approval;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parameters of a timeline step, as data: the web words them in the reader's language and formats the amounts
 * (minor units with their currency), so no sentence is ever built here. Only the fields a step needs are set; the
 * step's action says which.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The parameters of a timeline step; which are present depends on the action")
public record TimelineFacts(
        @Schema(description = "the token the step concerns") String tokenId,
        @Schema(description = "the other enterprise of the step (the bank, the new holder)") String counterpartyId,
        @Schema(description = "an amount in minor units of currency (the face amount)") Long amountMinor,
        @Schema(description = "ISO 4217 currency of every amount of the step") String currency,
        LocalDate maturityDate,
        @Schema(description = "annual rate in basis points") Integer rateBps,
        @Schema(description = "the amount above which two bank users must approve, in minor units") Long thresholdMinor,
        @Schema(description = "days of discount (ACT/360)") Integer days,
        Long discountMinor,
        Long advanceMinor,
        @Schema(description = "the payment reference of a disbursement") String reference,
        @Schema(description = "the anchored record's type and id") String recordType,
        String recordId,
        @Schema(description = "SHA-256 of the anchored record or stored document") String sha256,
        String documentKind,
        String fileName,
        @Schema(description = "the problem code of a refused or failed step") String problemCode,
        @Schema(description = "technical detail of a refused or failed step, for the details disclosure") String detail,
        @Schema(description = "the activation step that failed") String step,
        String enrollmentId) {

    public static final TimelineFacts NONE = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Sets the fields a step needs, one by one; the rest stay absent. */
    public static final class Builder {
        private String tokenId;
        private String counterpartyId;
        private Long amountMinor;
        private String currency;
        private LocalDate maturityDate;
        private Integer rateBps;
        private Long thresholdMinor;
        private Integer days;
        private Long discountMinor;
        private Long advanceMinor;
        private String reference;
        private String recordType;
        private String recordId;
        private String sha256;
        private String documentKind;
        private String fileName;
        private String problemCode;
        private String detail;
        private String step;
        private String enrollmentId;

        private Builder() {
        }

        public Builder token(String id) {
            this.tokenId = id;
            return this;
        }

        public Builder counterparty(String enterpriseId) {
            this.counterpartyId = enterpriseId;
            return this;
        }

        public Builder amount(long minor, String currencyCode) {
            this.amountMinor = minor;
            this.currency = currencyCode;
            return this;
        }

        public Builder currency(String currencyCode) {
            this.currency = currencyCode;
            return this;
        }

        public Builder maturity(LocalDate date) {
            this.maturityDate = date;
            return this;
        }

        public Builder rate(Integer bps) {
            this.rateBps = bps;
            return this;
        }

        public Builder threshold(long minor) {
            this.thresholdMinor = minor;
            return this;
        }

        public Builder discount(int dayCount, long discount, long advance) {
            this.days = dayCount;
            this.discountMinor = discount;
            this.advanceMinor = advance;
            return this;
        }

        public Builder advance(Long minor) {
            this.advanceMinor = minor;
            return this;
        }

        public Builder reference(String paymentReference) {
            this.reference = paymentReference;
            return this;
        }

        public Builder record(String type, String id, String hash) {
            this.recordType = type;
            this.recordId = id;
            this.sha256 = hash;
            return this;
        }

        public Builder document(String kind, String name, String hash) {
            this.documentKind = kind;
            this.fileName = name;
            this.sha256 = hash;
            return this;
        }

        public Builder problem(String code, String technicalDetail) {
            this.problemCode = code;
            this.detail = technicalDetail;
            return this;
        }

        public Builder step(String activationStep) {
            this.step = activationStep;
            return this;
        }

        public Builder enrollment(String id) {
            this.enrollmentId = id;
            return this;
        }

        public TimelineFacts build() {
            return new TimelineFacts(tokenId, counterpartyId, amountMinor, currency, maturityDate, rateBps, thresholdMinor,
                    days, discountMinor, advanceMinor, reference, recordType, recordId, sha256, documentKind, fileName,
                    problemCode, detail, step, enrollmentId);
        }
    }
}
