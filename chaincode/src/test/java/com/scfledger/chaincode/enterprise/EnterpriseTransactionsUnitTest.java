package com.scfledger.chaincode.enterprise;

import static com.scfledger.chaincode.testing.Fixtures.HASH_A;
import static com.scfledger.chaincode.testing.Fixtures.HASH_B;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.suspended;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Admission;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.EnterpriseStatus;
import com.scfledger.contract.ledger.RequestRecord;

class EnterpriseTransactionsUnitTest {

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    private static final String ADMIN_A = "x509::CN=admin.a,OU=client::CN=ca.platform";
    private static final String ADMIN_B = "x509::CN=admin.b,OU=client::CN=ca.platform";
    private static final Instant ANCHORED = NOW.minusSeconds(60);

    /** KYC record K-SUP9 anchored with HASH_A by the platform admin. */
    private static Anchor kycAnchor() {
        return new Anchor("KYC", "K-SUP9", HASH_A, 1, ANCHORED, "tx1", "PlatformMSP");
    }

    private static Admission proposal() {
        return new Admission("SUP9", EnterpriseRole.SUPPLIER, "PlatformMSP", "K-SUP9", HASH_A, ADMIN_A, ANCHORED,
                "tx2", null, null, null);
    }

    @Nested
    class ProposeAdmission {

        @Test
        void aPlatformAdminProposesAnEnterpriseWhoseKycRecordIsAnchored() {
            ledger.callerIsPlatformAdmin(ADMIN_A).given(kycAnchor());

            contract.proposeAdmission(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", "K-SUP9", HASH_A, "req-1");

            assertThat(ledger.written("admission:SUP9", Admission.class)).isEqualTo(new Admission("SUP9",
                    EnterpriseRole.SUPPLIER, "PlatformMSP", "K-SUP9", HASH_A, ADMIN_A, NOW, MockLedger.TX_ID, null,
                    null, null));
            assertThat(ledger.wasWritten("enterprise:SUP9")).isFalse();
            assertThat(ledger.eventName()).isEqualTo("AdmissionProposed");
        }

        @Test
        void refusesAnAdmissionWithoutAnAnchoredKycRecord() {
            ledger.callerIsPlatformAdmin(ADMIN_A);

            assertRefused(() -> contract.proposeAdmission(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", "K-SUP9",
                    HASH_A, "req-1"), ErrorCode.KYC_NOT_ANCHORED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAHashTheKycRecordWasNotFirstAnchoredWith() {
            ledger.callerIsPlatformAdmin(ADMIN_A).given(kycAnchor(),
                    new Anchor("KYC", "K-SUP9", HASH_B, 2, NOW, "tx3", "PlatformMSP"));

            assertRefused(() -> contract.proposeAdmission(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", "K-SUP9",
                    HASH_B, "req-1"), ErrorCode.KYC_NOT_ANCHORED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnEnterpriseCallerAndARegisteredId() {
            ledger.callerActsFor(core()).given(kycAnchor());
            assertRefused(() -> contract.proposeAdmission(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", "K-SUP9",
                    HASH_A, "req-1"), ErrorCode.UNAUTHORIZED);

            ledger.callerIsPlatformAdmin(ADMIN_A).given(supplier("SUP9"));
            assertRefused(() -> contract.proposeAdmission(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", "K-SUP9",
                    HASH_A, "req-1"), ErrorCode.ALREADY_EXISTS);
            ledger.assertUntouched();
        }
    }

    @Nested
    class RegisterEnterprise {

        @Test
        void aSecondPlatformAdminConfirmsTheProposalAndTheEnterpriseIsActive() {
            ledger.callerIsPlatformAdmin(ADMIN_B).given(kycAnchor(), proposal());

            String result = contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A, "req-1");

            Enterprise written = ledger.written("enterprise:SUP9", Enterprise.class);
            assertThat(written).isEqualTo(new Enterprise("SUP9", EnterpriseRole.SUPPLIER, "PlatformMSP",
                    EnterpriseStatus.ACTIVE, HASH_A, NOW, NOW, MockLedger.TX_ID));
            Admission admission = ledger.written("admission:SUP9", Admission.class);
            assertThat(admission.proposedBy()).isEqualTo(ADMIN_A);
            assertThat(admission.confirmedBy()).isEqualTo(ADMIN_B);
            assertThat(admission.confirmedByTx()).isEqualTo(MockLedger.TX_ID);
            assertThat(ledger.written("request:req-1", RequestRecord.class))
                    .isEqualTo(new RequestRecord("req-1", Transaction.REGISTER_ENTERPRISE, MockLedger.TX_ID, NOW, "PlatformMSP",
                            null));
            assertThat(ledger.eventName()).isEqualTo("EnterpriseRegistered");
            JsonNode event = ledger.event();
            assertThat(event.at("/enterprises/0/id").asText()).isEqualTo("SUP9");
            assertThat(event.at("/actor/role").asText()).isEqualTo("PLATFORM_ADMIN");
            assertThat(event.at("/transaction").asText()).isEqualTo("RegisterEnterprise");
            assertThat(event.at("/requestId").asText()).isEqualTo("req-1");
            assertThat(result).isEqualTo(event.toString());
        }

        @Test
        void refusesTheCertificateThatProposed() {
            ledger.callerIsPlatformAdmin(ADMIN_A).given(kycAnchor(), proposal());

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.SAME_APPROVER);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnEnterpriseNobodyProposed() {
            ledger.callerIsPlatformAdmin(ADMIN_B).given(kycAnchor());

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.INVALID_STATE);
            ledger.assertUntouched();
        }

        @Test
        void refusesOtherTermsThanTheProposal() {
            ledger.callerIsPlatformAdmin(ADMIN_B).given(kycAnchor(), proposal());

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "BANK", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.TERMS_MISMATCH);
            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_B,
                    "req-1"), ErrorCode.TERMS_MISMATCH);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnEnterpriseCaller() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesThePlatformAdminRoleFromAnotherOrganisation() {
            ledger.callerIs("BankMSP", null, "PLATFORM_ADMIN");

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnAuditor() {
            ledger.callerIsAuditor("PlatformMSP");

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnIdAlreadyRegistered() {
            ledger.callerIsPlatformAdmin().given(supplier("SUP9"));

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.ALREADY_EXISTS);
            ledger.assertUntouched();
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerIsPlatformAdmin().givenValue("request:req-1",
                    new RequestRecord("req-1", Transaction.ANCHOR_RECORD, "tx3", NOW, "PlatformMSP", null));

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.DUPLICATE_REQUEST);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownRole() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "supplier", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "AUDITOR", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesMalformedArguments() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP:9", "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "Platform MSP", HASH_A,
                    "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP",
                    HASH_A.toUpperCase(), "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.registerEnterprise(ledger.ctx, "SUP9", "SUPPLIER", "PlatformMSP", HASH_A,
                    ""), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.registerEnterprise(ledger.ctx, null, "SUPPLIER", "PlatformMSP", HASH_A,
                    "req-1"), ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }
    }

    @Nested
    class SuspendEnterprise {

        @Test
        void platformAdminSuspendsAnActiveEnterprise() {
            ledger.callerIsPlatformAdmin().given(supplier());

            contract.suspendEnterprise(ledger.ctx, "SUP1", "req-2");

            Enterprise written = ledger.written("enterprise:SUP1", Enterprise.class);
            assertThat(written.status()).isEqualTo(EnterpriseStatus.SUSPENDED);
            assertThat(written.updatedAt()).isEqualTo(NOW);
            assertThat(written.registeredAt()).isEqualTo(supplier().registeredAt());
            assertThat(ledger.eventName()).isEqualTo("EnterpriseSuspended");
            assertThat(ledger.event().at("/enterprises/0/status").asText()).isEqualTo("SUSPENDED");
        }

        @Test
        void refusesAnEnterpriseCaller() {
            ledger.callerActsFor(bank()).given(supplier());

            assertRefused(() -> contract.suspendEnterprise(ledger.ctx, "SUP1", "req-2"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownEnterprise() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.suspendEnterprise(ledger.ctx, "SUP1", "req-2"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAnEnterpriseAlreadySuspended() {
            ledger.callerIsPlatformAdmin().given(suspended(supplier()));

            assertRefused(() -> contract.suspendEnterprise(ledger.ctx, "SUP1", "req-2"), ErrorCode.INVALID_STATE);
            ledger.assertUntouched();
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerIsPlatformAdmin().given(supplier()).givenValue("request:req-2",
                    new RequestRecord("req-2", Transaction.SUSPEND_ENTERPRISE, "tx3", NOW, "PlatformMSP", null));

            assertRefused(() -> contract.suspendEnterprise(ledger.ctx, "SUP1", "req-2"), ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class ReinstateEnterprise {

        @Test
        void platformAdminReinstatesASuspendedEnterprise() {
            ledger.callerIsPlatformAdmin().given(suspended(supplier()));

            contract.reinstateEnterprise(ledger.ctx, "SUP1", "req-3");

            assertThat(ledger.written("enterprise:SUP1", Enterprise.class).status()).isEqualTo(EnterpriseStatus.ACTIVE);
            assertThat(ledger.eventName()).isEqualTo("EnterpriseReinstated");
        }

        @Test
        void refusesAnActiveEnterprise() {
            ledger.callerIsPlatformAdmin().given(supplier());

            assertRefused(() -> contract.reinstateEnterprise(ledger.ctx, "SUP1", "req-3"), ErrorCode.INVALID_STATE);
        }

        @Test
        void refusesAnEnterpriseCaller() {
            ledger.callerActsFor(core()).given(suspended(supplier()));

            assertRefused(() -> contract.reinstateEnterprise(ledger.ctx, "SUP1", "req-3"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownEnterprise() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.reinstateEnterprise(ledger.ctx, "SUP1", "req-3"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerIsPlatformAdmin().given(suspended(supplier())).givenValue("request:req-3",
                    new RequestRecord("req-3", Transaction.SUSPEND_ENTERPRISE, "tx3", NOW, "PlatformMSP", null));

            assertRefused(() -> contract.reinstateEnterprise(ledger.ctx, "SUP1", "req-3"),
                    ErrorCode.DUPLICATE_REQUEST);
            ledger.assertUntouched();
        }
    }

    @Nested
    class GetEnterprise {

        @Test
        void anyRecognisedCallerReadsTheRegistry() {
            ledger.callerActsFor(bank()).given(supplier());

            String json = contract.getEnterprise(ledger.ctx, "SUP1");

            assertThat(json).isEqualTo("{\"id\":\"SUP1\",\"kycHash\":\"" + HASH_A + "\",\"mspId\":\"PlatformMSP\","
                    + "\"registeredAt\":\"2026-01-05T09:00:00Z\",\"role\":\"SUPPLIER\",\"status\":\"ACTIVE\","
                    + "\"updatedAt\":\"2026-01-05T09:00:00Z\",\"updatedByTx\":\"tx0\"}");
        }

        @Test
        void anOrgAdminReadsTheRegistry() {
            ledger.callerIsOrgAdmin("CoreMSP").given(supplier());

            assertThat(contract.getEnterprise(ledger.ctx, "SUP1")).contains("\"id\":\"SUP1\"");
        }

        @Test
        void refusesAnUnknownEnterprise() {
            ledger.callerActsFor(bank());

            assertRefused(() -> contract.getEnterprise(ledger.ctx, "NOPE"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAnIdentityWithoutAttributes() {
            ledger.callerIs("CoreMSP", null, null).given(supplier());

            assertRefused(() -> contract.getEnterprise(ledger.ctx, "SUP1"), ErrorCode.UNAUTHORIZED);
        }
    }
}
