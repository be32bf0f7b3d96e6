package com.scfledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.contract.ledger.LedgerSettings;

/** The business zone is an addition to the settings: absent means UTC, and absent stays absent on the wire. */
class LedgerSettingsUnitTest {

    private static final ObjectMapper JSON = CanonicalMapper.create();

    @Test
    void aLedgerThatNeverSetAZoneKeepsTheUtcDay() {
        assertThat(LedgerSettings.DEFAULTS.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(LedgerSettings.DEFAULTS.businessZoneId()).isEqualTo("UTC");
    }

    @Test
    void aSetZoneIsTheRegion() {
        LedgerSettings shanghai = new LedgerSettings(100, 10, 10, null, null, "Asia/Shanghai");

        assertThat(shanghai.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.businessZoneId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void theZoneIsWrittenOnlyOnceSet() throws Exception {
        LedgerSettings before = new LedgerSettings(100, 10, 10, Instant.parse("2026-01-01T00:00:00Z"), "tx1", null);
        LedgerSettings after = new LedgerSettings(100, 10, 10, Instant.parse("2026-01-01T00:00:00Z"), "tx1", "UTC");

        assertThat(JSON.writeValueAsString(before)).isEqualTo("{\"maxOutputs\":10,\"maxTierDepth\":10,\"minUnit\":100,"
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"updatedByTx\":\"tx1\"}");
        assertThat(JSON.writeValueAsString(after)).startsWith("{\"businessZone\":\"UTC\",\"maxOutputs\"");
        assertThat(JSON.readValue(JSON.writeValueAsString(before), LedgerSettings.class).zone())
                .isEqualTo(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Shanghai", "UTC", "Europe/Berlin", "America/New_York"})
    void acceptsRegionsOfTheTimeZoneDatabase(final String id) {
        assertThat(LedgerSettings.isBusinessZone(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+08:00", "UTC+8", "GMT+08:00", "asia/shanghai", "", " Asia/Shanghai"})
    void refusesOffsetsAndUnknownNames(final String id) {
        assertThat(LedgerSettings.isBusinessZone(id)).isFalse();
        assertThat(LedgerSettings.isBusinessZone(null)).isFalse();
    }
}
