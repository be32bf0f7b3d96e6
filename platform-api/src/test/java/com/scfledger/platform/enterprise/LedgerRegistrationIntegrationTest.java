package com.scfledger.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.ScriptedLedger;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.LedgerResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerRegistrationIntegrationTest extends IntegrationTestBase {

    private static final String KYC = "b".repeat(64);

    @BeforeEach
    void reset() {
        ledger.reset();
    }

    private String enterprise(String admin, String role, String kyc) {
        String id = unique(role);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "name", "n", "role", role));
        if (kyc != null) {
            body.put("kycHash", kyc);
        }
        assertThat(post("/api/v1/admin/enterprises", body, bearer(admin)).status()).isEqualTo(201);
        return id;
    }

    @Test
    void registrationIsSignedByTheOperatorWithTheOrganisationsMspAndActivatesTheEnterprise() {
        String admin = adminToken();
        String bank = enterprise(admin, "BANK", KYC);
        Response r = post("/api/v1/admin/enterprises/" + bank + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.json().path("ledgerRegisteredTx").asString()).startsWith("tx-");
        // reads (the KYC anchor's) may come first; the one write is the registration, signed by the operator
        ScriptedLedger.Call call = ledger.calls.stream().filter(c -> c.transaction().equals("RegisterEnterprise"))
                .findFirst().orElseThrow();
        assertThat(call.enterpriseId()).isEqualTo("PLATFORM");
        assertThat(call.args()).containsExactly(bank, "BANK", "BankMSP", KYC, "register-enterprise-" + bank);

        Response again = post("/api/v1/admin/enterprises/" + bank + "/ledger-registration", "", bearer(admin));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_REGISTERED");
    }

    @Test
    void theFirstAdminAnchorsTheKycHashAndProposesTheEnterpriseStaysPending() {
        String admin = adminToken();
        String bank = enterprise(admin, "BANK", KYC);
        ledger.answer(call -> {
            if (call.transaction().equals("RegisterEnterprise")) {
                throw new LedgerRefusal(ErrorCode.INVALID_STATE, "enterprise " + bank + " has no admission proposal");
            }
            return ScriptedLedger.ok(call);
        });
        Response r = post("/api/v1/admin/enterprises/" + bank + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(ledger.calls).extracting(ScriptedLedger.Call::transaction)
                .containsExactly("RegisterEnterprise", "AnchorRecord", "ProposeAdmission");
        assertThat(ledger.calls.get(1).args()).containsExactly("KYC", bank, KYC, "anchor-kyc-admission-" + bank);
        assertThat(ledger.calls.get(2).args()).containsExactly(bank, "BANK", "BankMSP", bank, KYC,
                "propose-admission-" + bank);
    }

    @Test
    void theAdminWhoProposedCannotConfirm() {
        String admin = adminToken();
        String core = enterprise(admin, "CORE", KYC);
        ledger.answer(call -> {
            if (call.transaction().equals("RegisterEnterprise")) {
                throw new LedgerRefusal(ErrorCode.SAME_APPROVER, "the admission was proposed by this certificate");
            }
            return ScriptedLedger.ok(call);
        });
        Response r = post("/api/v1/admin/enterprises/" + core + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asString()).isEqualTo("SAME_APPROVER");
        assertThat(ledger.calls).hasSize(1);
    }

    @Test
    void aRetryAfterALostAnswerIsConfirmedFromTheLedger() {
        String admin = adminToken();
        String supplier = enterprise(admin, "SUPPLIER", KYC);
        ledger.answer(call -> switch (call.transaction()) {
            case "RegisterEnterprise" -> throw new LedgerRefusal(ErrorCode.DUPLICATE_REQUEST, "request id already used");
            case "GetRequest" -> new LedgerResult("", 0, ("{\"transaction\":\"RegisterEnterprise\",\"txId\":\"tx-earlier\"}")
                    .getBytes(StandardCharsets.UTF_8));
            default -> ScriptedLedger.ok(call);
        });
        Response r = post("/api/v1/admin/enterprises/" + supplier + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.json().path("ledgerRegisteredTx").asString()).isEqualTo("tx-earlier");
        assertThat(ledger.calls.get(1).transaction()).isEqualTo("GetRequest");
        assertThat(ledger.calls.get(1).args()).containsExactly("register-enterprise-" + supplier);
        assertThat(ledger.calls.get(0).args().get(2)).isEqualTo("PlatformMSP");
    }

    @Test
    void anEnterpriseTheLedgerAlreadyHoldsIsConfirmedFromItsRecord() {
        String admin = adminToken();
        String supplier = enterprise(admin, "SUPPLIER", KYC);
        ledger.answer(call -> {
            if (call.transaction().equals("RegisterEnterprise")) {
                throw new LedgerRefusal(ErrorCode.ALREADY_EXISTS, "enterprise already registered");
            }
            return ScriptedLedger.ok(call);
        });
        Response r = post("/api/v1/admin/enterprises/" + supplier + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(ledger.count("GetEnterprise")).isEqualTo(1);
    }

    @Test
    void aChaincodeRefusalPassesThroughWithItsCode() {
        String admin = adminToken();
        String core = enterprise(admin, "CORE", KYC);
        ledger.answer(call -> {
            throw new LedgerRefusal(ErrorCode.UNAUTHORIZED, "the PLATFORM_ADMIN role is honoured only from PlatformMSP");
        });
        Response r = post("/api/v1/admin/enterprises/" + core + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(get("/api/v1/admin/enterprises/" + core, bearer(admin)).json().path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void withoutAKycHashThereIsNothingToAnchor() {
        String admin = adminToken();
        String core = enterprise(admin, "CORE", null);
        Response r = post("/api/v1/admin/enterprises/" + core + "/ledger-registration", "", bearer(admin));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("code").asString()).isEqualTo("KYC_HASH_MISSING");
        assertThat(ledger.calls).isEmpty();
    }
}
