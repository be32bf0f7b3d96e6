package com.scfledger.platform.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.anchor.GetAnchor;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.security.ScfPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Recomputes an off-chain record's canonical hash and compares it with its ledger anchor (GetAnchor). */
@Service
class VerificationService {

    enum Outcome { VERIFIED, TAMPERED, NOT_ANCHORED }

    record RecordVerification(String recordType, String recordId, Outcome status, String computedHash, String anchoredHash,
                        Integer anchorVersion, String anchoredAt, String anchoredByTx, String anchoredBy) {
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
        Optional<Anchor> anchor = anchor(recordType, recordId);
        if (anchor.isEmpty()) {
            return new RecordVerification(recordType, recordId, Outcome.NOT_ANCHORED, computed, null, null, null, null, null);
        }
        Anchor a = anchor.get();
        return new RecordVerification(recordType, recordId, a.sha256().equals(computed) ? Outcome.VERIFIED : Outcome.TAMPERED,
                computed, a.sha256(), a.version(), a.anchoredAt() == null ? null : a.anchoredAt().toString(),
                a.anchoredByTx(), a.anchoredBy());
    }

    /** The anchor as the ledger holds it, read with the platform operator's identity (digests are not secret). */
    private Optional<Anchor> anchor(String recordType, String recordId) {
        try {
            return Optional.of(ledger.getAnchor(operatorId, new GetAnchor(recordType, recordId)));
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND)) {
                return Optional.empty();
            }
            throw refusal;
        }
    }
}
