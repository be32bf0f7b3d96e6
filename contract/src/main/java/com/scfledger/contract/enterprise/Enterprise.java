package com.scfledger.contract.enterprise;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * A registered enterprise: GetEnterprise's result and an entry of an event's {@code enterprises}.
 *
 * @param id             the platform's id for the enterprise; identities carry it as scf.enterpriseId
 * @param role           its business role
 * @param mspId          the organisation whose CA issues its identities
 * @param status         ACTIVE or SUSPENDED
 * @param kycHash        SHA-256 of its off-chain KYC record
 * @param registeredAt   when it was registered
 * @param updatedAt      when it last changed
 * @param updatedByTx    the transaction that last changed it
 * @param custody        who holds the keys behind its signatures; absent (null) in records written before custody
 *                       existed, which means PLATFORM (see {@link #keyCustody()})
 * @param selfIdentities under SELF custody, the certificate ids (SHA-256 of the DER certificate) that may write for
 *                       it; absent when empty
 */
@JsonPropertyOrder(alphabetic = true)
public record Enterprise(String id, EnterpriseRole role, String mspId, EnterpriseStatus status, String kycHash,
        Instant registeredAt, Instant updatedAt, String updatedByTx,
        @JsonInclude(JsonInclude.Include.NON_NULL) KeyCustody custody,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> selfIdentities) implements LedgerRecord {

    public Enterprise {
        selfIdentities = selfIdentities == null ? List.of() : List.copyOf(selfIdentities);
    }

    /** A record without custody: the platform holds its key (how every enterprise is registered). */
    public Enterprise(final String id, final EnterpriseRole role, final String mspId, final EnterpriseStatus status,
            final String kycHash, final Instant registeredAt, final Instant updatedAt, final String updatedByTx) {
        this(id, role, mspId, status, kycHash, registeredAt, updatedAt, updatedByTx, null, List.of());
    }

    /** Who holds its keys; PLATFORM when the record predates custody. */
    public KeyCustody keyCustody() {
        return custody == null ? KeyCustody.PLATFORM : custody;
    }

    public boolean active() {
        return status == EnterpriseStatus.ACTIVE;
    }

    /** Under SELF custody only the listed certificates write for the enterprise; under PLATFORM any of its own. */
    public boolean writableBy(final String certificateId) {
        return keyCustody() == KeyCustody.PLATFORM || certificateId != null && selfIdentities.contains(certificateId);
    }

    public Enterprise withStatus(final EnterpriseStatus newStatus, final Instant at, final String txId) {
        return new Enterprise(id, role, mspId, newStatus, kycHash, registeredAt, at, txId, custody, selfIdentities);
    }

    public Enterprise withCustody(final KeyCustody newCustody, final List<String> identities, final Instant at,
            final String txId) {
        return new Enterprise(id, role, mspId, status, kycHash, registeredAt, at, txId, newCustody, identities);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.enterprise(id);
    }
}
