package com.scfledger.platform.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.anchor.GetAnchorVersions;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.security.ScfPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Recomputes an off-chain record's canonical hash and compares it with its first ledger anchor, the one its owner
 * wrote (GetAnchorVersions: anchors are append-only, so version 1 can never be replaced). Every later version is
 * listed with who anchored it and when; one written by anyone but the owner makes the record SUPERSEDED, whatever
 * the hashes say, because someone other than the owner tried to speak for it.
 */
@Service
class VerificationService {

    enum Outcome { VERIFIED, TAMPERED, NOT_ANCHORED, SUPERSEDED }

    /**
     * @param anchorVersion 1: the fields anchoredHash..anchoredBy describe the owner's first anchor
     * @param anchoredByEnterprise the enterprise the owner acted for; null for the platform operator
     * @param laterVersions every re-anchor after the first, oldest first
     */
    record RecordVerification(String recordType, String recordId, Outcome status, String computedHash, String anchoredHash,
                        Integer anchorVersion, String anchoredAt, String anchoredByTx, String anchoredBy,
                        String anchoredByEnterprise, List<LaterVersion> laterVersions) {
    }

    /**
     * A re-anchor after the first.
     *
     * @param byOwner whether the owner of the first anchor wrote it (same organisation and enterprise)
     */
    record LaterVersion(int version, String sha256, String anchoredAt, String anchoredByTx, String anchoredBy,
                        String anchoredByEnterprise, boolean byOwner) {
    }

    private final Map<String, AnchoredRecordSource> sources = new LinkedHashMap<>();
    private final ScfLedger ledger;
    private final String operatorId;

    VerificationService(List<AnchoredRecordSource> sources, ScfLedger ledger,
                        @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        sources.forEach(s -> this.sources.put(s.recordType(), s));
        this.ledger = ledger;
        this.operatorId = operatorId;
    }

    List<String> types() {
        return List.copyOf(sources.keySet());
    }

    RecordVerification verify(String recordType, String recordId, ScfPrincipal caller) {
        AnchoredRecordSource source = sources.get(recordType);
        if (source == null) {
            throw new NotFound(Reason.RECORD_TYPE_UNKNOWN, "No anchored record type " + recordType + "; known: "
                    + String.join(", ", sources.keySet()) + ".");
        }
        Object record = source.canonicalRecord(recordId, caller).orElseThrow(() -> new NotFound(Reason.RECORD_NOT_FOUND, "No "
                + recordType + " record " + recordId + "."));
        String computed = Canonical.hash(record);
        List<Anchor> versions = versions(recordType, recordId);
        if (versions.isEmpty()) {
            return new RecordVerification(recordType, recordId, Outcome.NOT_ANCHORED, computed, null, null, null, null,
                    null, null, List.of());
        }
        return compare(recordType, recordId, computed, versions);
    }

    static RecordVerification compare(String recordType, String recordId, String computed, List<Anchor> versions) {
        Anchor first = versions.get(0);
        List<LaterVersion> later = versions.subList(1, versions.size()).stream()
                .map(v -> new LaterVersion(v.version(), v.sha256(), instant(v), v.anchoredByTx(), v.anchoredBy(),
                        v.anchoredByEnterprise(), v.sameAnchorer(first)))
                .toList();
        Outcome outcome;
        if (later.stream().anyMatch(v -> !v.byOwner())) {
            outcome = Outcome.SUPERSEDED;
        } else {
            outcome = first.sha256().equals(computed) ? Outcome.VERIFIED : Outcome.TAMPERED;
        }
        return new RecordVerification(recordType, recordId, outcome, computed, first.sha256(), first.version(),
                instant(first), first.anchoredByTx(), first.anchoredBy(), first.anchoredByEnterprise(), later);
    }

    private static String instant(Anchor a) {
        return a.anchoredAt() == null ? null : a.anchoredAt().toString();
    }

    /** Every anchor of the record as the ledger holds it, read with the platform operator's identity (digests are not
     * secret); empty when it was never anchored. */
    private List<Anchor> versions(String recordType, String recordId) {
        try {
            return ledger.getAnchorVersions(operatorId, new GetAnchorVersions(recordType, recordId));
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND)) {
                return List.of();
            }
            throw refusal;
        }
    }
}
