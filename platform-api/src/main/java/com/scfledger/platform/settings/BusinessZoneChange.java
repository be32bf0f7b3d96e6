package com.scfledger.platform.settings;

import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.SetBusinessZone;
import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** A platform admin sets the business time zone on the ledger (SetBusinessZone, as the platform operator). */
@Service
class BusinessZoneChange {

    private final ScfLedger ledger;
    private final BusinessCalendar calendar;
    private final String operatorId;

    BusinessZoneChange(ScfLedger ledger, BusinessCalendar calendar,
                       @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.ledger = ledger;
        this.calendar = calendar;
        this.operatorId = operatorId;
    }

    /** @return the settings as the transaction left them (its event carries them, projected or not yet) */
    LedgerSettingsView set(String businessZone) {
        // the chaincode refuses the same names; checked here so that a typo costs no ledger round trip
        if (!LedgerSettings.isBusinessZone(businessZone)) {
            throw new InvalidInput("businessZone", "businessZone must be an IANA time zone such as Asia/Shanghai "
                    + "(a region of the time-zone database, spelled as there; not an offset).");
        }
        Committed committed = ledger.setBusinessZone(operatorId, new SetBusinessZone(businessZone), RequestId.fresh());
        calendar.refresh();
        return LedgerSettingsView.of(committed.event().settings().get(0));
    }
}
