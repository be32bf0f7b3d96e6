package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class EndorsersUnitTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Endorsers endorsers = new Endorsers(List.of("CoreMSP", "PlatformMSP", "BankMSP"), "PlatformMSP",
            Duration.ofSeconds(30), clock);

    @Test
    void whileEveryOrganisationIsHealthyTheGatewayChoosesItsEndorsersByBlockHeight() {
        assertThat(IntStream.range(0, 3).mapToObj(i -> endorsers.forEndorsement())).allSatisfy(l -> assertThat(l).isEmpty());
        assertThat(endorsers.forEvaluation()).isEmpty();
    }

    @Test
    void anOrganisationThatFailedIsLeftOutWhileTheOthersAreAMajorityThenAskedAgain() {
        assertThat(endorsers.failed(List.of("PlatformMSP"))).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(endorsers.forEndorsement()).containsExactlyInAnyOrder("CoreMSP", "BankMSP");
        }
        assertThat(endorsers.forEvaluation()).containsExactly("CoreMSP");
        assertThat(endorsers.status()).containsEntry("CoreMSP", "HEALTHY")
                .hasEntrySatisfying("PlatformMSP", s -> assertThat(s).startsWith("SET_ASIDE"));
        now.set(now.get().plusSeconds(31));
        assertThat(endorsers.forEndorsement()).as("all healthy again: the Gateway chooses").isEmpty();
        assertThat(endorsers.status()).containsEntry("PlatformMSP", "HEALTHY");
    }

    @Test
    void noSecondAttemptWithoutAMajorityNorForOrganisationsTheNetworkDoesNotHave() {
        assertThat(endorsers.failed(List.of("SomeoneElseMSP"))).isFalse();
        assertThat(endorsers.failed(List.of("PlatformMSP", "BankMSP"))).isFalse();
    }

    @Test
    void whenTooFewAreHealthyTheOrganisationSetAsideLongestAgoMakesUpTheMajority() {
        // BankMSP failed a while ago and has probably recovered; PlatformMSP fails now
        assertThat(endorsers.failed(List.of("BankMSP"))).isTrue();
        now.set(now.get().plusSeconds(20));
        assertThat(endorsers.failed(List.of("PlatformMSP"))).as("Core and Bank may still endorse").isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(endorsers.forEndorsement()).containsExactlyInAnyOrder("CoreMSP", "BankMSP");
        }
    }

    @Test
    void aGatewayOrganisationThatIsHealthyEvaluatesEvenWhenAnotherFailed() {
        endorsers.failed(List.of("BankMSP"));
        for (int i = 0; i < 3; i++) {
            assertThat(endorsers.forEndorsement()).containsExactlyInAnyOrder("PlatformMSP", "CoreMSP");
        }
        assertThat(endorsers.forEvaluation()).isEmpty();
    }
}
