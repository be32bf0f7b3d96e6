package com.scfledger.platform.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The ledger settings: readable by every signed-in user (they hold no enterprise data), the zone set by admins. */
@RestController
@Tag(name = "Ledger settings")
class LedgerSettingsController {

    record BusinessZoneRequest(@NotBlank @Size(max = 64) String businessZone) {
    }

    private final LedgerSettingsReads reads;
    private final BusinessZoneChange change;

    LedgerSettingsController(LedgerSettingsReads reads, BusinessZoneChange change) {
        this.reads = reads;
        this.change = change;
    }

    @GetMapping("/api/v1/ledger-settings")
    @Operation(summary = "The ledger settings in force: limits and the business time zone",
            description = "businessZone is the IANA time zone of the business day (maturity, settlement and default "
                    + "dates); UTC until a platform admin sets one.")
    LedgerSettingsView settings() {
        return LedgerSettingsView.of(reads.current());
    }

    @PutMapping("/api/v1/admin/ledger-settings/business-zone")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Set the business time zone on the ledger (SetBusinessZone)",
            description = "From the next transaction on, the chaincode's today is the transaction time in this zone. "
                    + "400 VALIDATION_FAILED unless it is a region of the time-zone database (Asia/Shanghai), not "
                    + "an offset.")
    LedgerSettingsView setBusinessZone(@Valid @RequestBody BusinessZoneRequest request) {
        return change.set(request.businessZone());
    }
}
