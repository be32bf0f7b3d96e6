package com.scfledger.chaincode.anchor;

import static com.scfledger.chaincode.testing.Fixtures.HASH_A;
import static com.scfledger.chaincode.testing.Fixtures.HASH_B;
import static com.scfledger.chaincode.testing.Fixtures.HASH_C;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.REGISTERED;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.ledger.RequestRecord;

class AnchorTransactionsUnitTest {

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    @Nested
    class AnchorRecord {

        @Test
        void platformAdminAnchorsADigest() {
            ledger.callerIsPlatformAdmin();

            contract.anchorRecord(ledger.ctx, "KYC", "SUP1-2026", HASH_A, "req-4");

            assertThat(ledger.written("anchor:KYC:SUP1-2026", Anchor.class))
                    .isEqualTo(new Anchor("KYC", "SUP1-2026", HASH_A, 1, NOW, MockLedger.TX_ID, "PlatformMSP"));
            assertThat(ledger.eventName()).isEqualTo("RecordAnchored");
            assertThat(ledger.event().at("/anchors/0/sha256").asText()).isEqualTo(HASH_A);
        }

        @Test
        void reAnchoringAppendsAVersionAndNeverOverwritesTheFirst() {
            ledger.callerIsPlatformAdmin()
                    .given(new Anchor("KYC", "SUP1-2026", HASH_A, 1, REGISTERED, "tx1", "PlatformMSP"),
                            new Anchor("KYC", "SUP1-2026", HASH_B, 2, REGISTERED, "tx2", "PlatformMSP"));

            contract.anchorRecord(ledger.ctx, "KYC", "SUP1-2026", HASH_C, "req-4");

            assertThat(ledger.written("anchor:KYC:SUP1-2026:3", Anchor.class))
                    .isEqualTo(new Anchor("KYC", "SUP1-2026", HASH_C, 3, NOW, MockLedger.TX_ID, "PlatformMSP"));
            assertThat(ledger.writtenKeys()).doesNotContain("anchor:KYC:SUP1-2026", "anchor:KYC:SUP1-2026:2");
            assertThat(ledger.event().at("/anchors/0/version").asInt()).isEqualTo(3);
        }

        @Test
        void anAnchorByThePlatformAdminNamesNoEnterprise() {
            ledger.callerIsPlatformAdmin();

            contract.anchorRecord(ledger.ctx, "KYC", "SUP1-2026", HASH_A, "req-4");

            assertThat(ledger.written("anchor:KYC:SUP1-2026", Anchor.class).anchoredByEnterprise()).isNull();
        }

        @Test
        void refusesAnEnterpriseCaller() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.anchorRecord(ledger.ctx, "KYC", "SUP1-2026", HASH_A, "req-4"),
                    ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesMalformedArguments() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.anchorRecord(ledger.ctx, "kyc", "SUP1-2026", HASH_A, "req-4"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.anchorRecord(ledger.ctx, "KYC", "SUP1:2026", HASH_A, "req-4"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.anchorRecord(ledger.ctx, "KYC", "SUP1-2026", "abc", "req-4"),
                    ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerIsPlatformAdmin().givenValue("request:req-4",
                    new RequestRecord("req-4", Transaction.ANCHOR_RECORD, "tx8", NOW, "PlatformMSP", null));

            assertRefused(() -> contract.anchorRecord(ledger.ctx, "KYC", "SUP1-2026", HASH_A, "req-4"),
                    ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class GetAnchorVersions {

        @Test
        void listsEveryVersionTheOwnersFirstAndGetAnchorTheLatest() {
            ledger.callerActsFor(bank())
                    .given(new Anchor("FINANCING_APPLICATION", "F-1", HASH_A, 1, REGISTERED, "tx1", "PlatformMSP", "SUP1"),
                            new Anchor("FINANCING_APPLICATION", "F-1", HASH_B, 2, NOW, "tx2", "PlatformMSP"));

            String versions = contract.getAnchorVersions(ledger.ctx, "FINANCING_APPLICATION", "F-1");

            assertThat(versions).startsWith("[{").contains("\"anchoredByEnterprise\":\"SUP1\"")
                    .containsSubsequence("\"sha256\":\"" + HASH_A, "\"sha256\":\"" + HASH_B);
            assertThat(contract.getAnchor(ledger.ctx, "FINANCING_APPLICATION", "F-1"))
                    .contains("\"version\":2");
        }

        @Test
        void refusesAnUnknownAnchor() {
            ledger.callerActsFor(bank());

            assertRefused(() -> contract.getAnchorVersions(ledger.ctx, "KYC", "NONE"), ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class GetAnchor {

        @Test
        void anyRecognisedIdentityChecksADigest() {
            ledger.callerActsFor(bank())
                    .given(new Anchor("KYC", "SUP1-2026", HASH_A, 1, REGISTERED, "tx1", "PlatformMSP"));

            assertThat(contract.getAnchor(ledger.ctx, "KYC", "SUP1-2026")).contains("\"sha256\":\"" + HASH_A + "\"");
        }

        @Test
        void refusesAnUnknownAnchor() {
            ledger.callerActsFor(bank());

            assertRefused(() -> contract.getAnchor(ledger.ctx, "KYC", "NONE"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAnUnrecognisedIdentity() {
            ledger.callerIs("BankMSP", "BANK1", null)
                    .given(new Anchor("KYC", "SUP1-2026", HASH_A, 1, REGISTERED, "tx1", "PlatformMSP"));

            assertRefused(() -> contract.getAnchor(ledger.ctx, "KYC", "SUP1-2026"), ErrorCode.UNAUTHORIZED);
        }
    }
}
