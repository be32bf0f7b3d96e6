package com.scfledger.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.scfledger.contract.anchor.Anchor;
import org.junit.jupiter.api.Test;

class VerificationComparisonUnitTest {

    private static final String OWNERS = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private static Anchor bySupplier(int version, String sha256) {
        return new Anchor("FINANCING_APPLICATION", "FIN-1", sha256, version, AT, "tx" + version, "PlatformMSP", "SUP1");
    }

    private static Anchor byPlatformAdmin(int version, String sha256) {
        return new Anchor("FINANCING_APPLICATION", "FIN-1", sha256, version, AT, "tx" + version, "PlatformMSP");
    }

    @Test
    void comparesWithTheOwnersFirstAnchor() {
        var verified = VerificationService.compare("FINANCING_APPLICATION", "FIN-1", OWNERS, List.of(bySupplier(1, OWNERS)));
        assertThat(verified.status()).isEqualTo(VerificationService.Outcome.VERIFIED);
        assertThat(verified.anchoredByEnterprise()).isEqualTo("SUP1");
        assertThat(verified.laterVersions()).isEmpty();

        var tampered = VerificationService.compare("FINANCING_APPLICATION", "FIN-1", OTHER, List.of(bySupplier(1, OWNERS)));
        assertThat(tampered.status()).isEqualTo(VerificationService.Outcome.TAMPERED);
        assertThat(tampered.anchoredHash()).isEqualTo(OWNERS);
    }

    @Test
    void anEditedRecordReAnchoredBySomeoneElseIsSupersededNotVerified() {
        var result = VerificationService.compare("FINANCING_APPLICATION", "FIN-1", OTHER,
                List.of(bySupplier(1, OWNERS), byPlatformAdmin(2, OTHER)));

        assertThat(result.status()).isEqualTo(VerificationService.Outcome.SUPERSEDED);
        assertThat(result.anchorVersion()).isEqualTo(1);
        assertThat(result.anchoredHash()).isEqualTo(OWNERS);
        assertThat(result.laterVersions()).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.sha256()).isEqualTo(OTHER);
            assertThat(v.byOwner()).isFalse();
            assertThat(v.anchoredByEnterprise()).isNull();
        });
    }

    @Test
    void theOwnersOwnReAnchorIsListedButTheFirstAnchorStillDecides() {
        var result = VerificationService.compare("FINANCING_APPLICATION", "FIN-1", OTHER,
                List.of(bySupplier(1, OWNERS), bySupplier(2, OTHER)));

        assertThat(result.status()).isEqualTo(VerificationService.Outcome.TAMPERED);
        assertThat(result.laterVersions()).singleElement().satisfies(v -> assertThat(v.byOwner()).isTrue());
    }
}
