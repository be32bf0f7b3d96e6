package com.scfledger.chaincode.enterprise;

import static com.scfledger.chaincode.testing.Fixtures.CORE;
import static com.scfledger.chaincode.testing.Fixtures.FINGERPRINT_1;
import static com.scfledger.chaincode.testing.Fixtures.HASH_B;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.PAYABLE;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.KeyCustody;
import com.scfledger.contract.payable.Payable;

class EnterpriseCustodyUnitTest {

    private static final byte[] OWN_CERTIFICATE = "the core's own certificate".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLATFORM_CERTIFICATE = "a certificate the platform holds".getBytes(StandardCharsets.UTF_8);
    private static final String OWN_ID = sha256(OWN_CERTIFICATE);

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    @Nested
    class SetEnterpriseCustody {

        @Test
        void platformAdminRecordsSelfCustodyWithTheEnterprisesCertificates() {
            ledger.given(core()).callerIsPlatformAdmin();

            contract.setEnterpriseCustody(ledger.ctx, "CORE1", "SELF", OWN_ID, "req-1");

            Enterprise written = ledger.written("enterprise:CORE1", Enterprise.class);
            assertThat(written.custody()).isEqualTo(KeyCustody.SELF);
            assertThat(written.selfIdentities()).containsExactly(OWN_ID);
            assertThat(written.updatedAt()).isEqualTo(NOW);
            assertThat(written.updatedByTx()).isEqualTo(MockLedger.TX_ID);
            assertThat(ledger.eventName()).isEqualTo("EnterpriseCustodyChanged");
            assertThat(ledger.event().at("/enterprises/0/custody").asText()).isEqualTo("SELF");
        }

        @Test
        void backToPlatformCustodyClearsTheList() {
            ledger.given(core().withCustody(KeyCustody.SELF, List.of(OWN_ID), NOW, "tx1")).callerIsPlatformAdmin();

            contract.setEnterpriseCustody(ledger.ctx, "CORE1", "PLATFORM", "", "req-1");

            Enterprise written = ledger.written("enterprise:CORE1", Enterprise.class);
            assertThat(written.custody()).isEqualTo(KeyCustody.PLATFORM);
            assertThat(written.selfIdentities()).isEmpty();
        }

        @Test
        void refusesSelfWithoutCertificatesAndPlatformWithThem() {
            ledger.given(core()).callerIsPlatformAdmin();

            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "CORE1", "SELF", "", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "CORE1", "PLATFORM", OWN_ID, "req-2"),
                    ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesMalformedOrRepeatedCertificateIds() {
            ledger.given(core()).callerIsPlatformAdmin();

            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "CORE1", "SELF", "not-a-digest", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "CORE1", "SELF", OWN_ID + "," + OWN_ID,
                    "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "CORE1", "HSM", OWN_ID, "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnEnterpriseSettingItsOwnCustody() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "CORE1", "SELF", OWN_ID, "req-1"),
                    ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownEnterprise() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.setEnterpriseCustody(ledger.ctx, "NOBODY", "SELF", OWN_ID, "req-1"),
                    ErrorCode.NOT_FOUND);
            ledger.assertUntouched();
        }
    }

    @Nested
    class WritesUnderSelfCustody {

        private final Enterprise selfCustodyCore = core().withCustody(KeyCustody.SELF, List.of(OWN_ID), NOW, "tx1");

        private String registerPayable() {
            return contract.registerPayable(ledger.ctx, PAYABLE, SUPPLIER, "1000000", "EUR", "2026-02-27",
                    "2026-06-30", "[\"" + FINGERPRINT_1 + "\"]", HASH_B, "req-1");
        }

        @Test
        void refusesACertificateTheEnterpriseDidNotList() {
            ledger.callerActsFor(selfCustodyCore).given(supplier()).callerCertificate(PLATFORM_CERTIFICATE);

            assertRefused(this::registerPayable, ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesACallerWithoutCertificate() {
            ledger.callerActsFor(selfCustodyCore).given(supplier());

            assertRefused(this::registerPayable, ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void acceptsOneOfItsOwnCertificates() {
            ledger.callerActsFor(selfCustodyCore).given(supplier()).callerCertificate(OWN_CERTIFICATE);

            registerPayable();

            assertThat(ledger.written(RecordKeys.payable(CORE, PAYABLE), Payable.class).obligorId()).isEqualTo("CORE1");
        }

        @Test
        void platformCustodyAcceptsAnyCertificateOfTheEnterprise() {
            ledger.callerActsFor(core()).given(supplier()).callerCertificate(PLATFORM_CERTIFICATE);

            registerPayable();

            assertThat(ledger.wasWritten(RecordKeys.payable(CORE, PAYABLE))).isTrue();
        }
    }

    private static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
