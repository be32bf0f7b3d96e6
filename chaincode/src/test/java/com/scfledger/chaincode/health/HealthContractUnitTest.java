package com.scfledger.chaincode.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HealthContractUnitTest {

    private final HealthContract contract = new HealthContract();
    private Context ctx;
    private ChaincodeStub stub;
    private ClientIdentity identity;

    @BeforeEach
    void stubContext() {
        ctx = mock(Context.class);
        stub = mock(ChaincodeStub.class);
        identity = mock(ClientIdentity.class);
        when(ctx.getStub()).thenReturn(stub);
        when(ctx.getClientIdentity()).thenReturn(identity);
        when(identity.getMSPID()).thenReturn("BankMSP");
        when(identity.getAttributeValue("scf.role")).thenReturn("BANK");
        when(stub.getTxId()).thenReturn("tx1");
        when(stub.getTxTimestamp()).thenReturn(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Nested
    class RecordHeartbeat {
        @Test
        void writesTheRecordStampedWithTransactionTime() {
            String json = contract.recordHeartbeat(ctx, "hb-1");

            assertThat(json).isEqualTo(
                    "{\"id\":\"hb-1\",\"mspId\":\"BankMSP\",\"recordedAt\":\"2026-01-02T03:04:05Z\",\"txId\":\"tx1\"}");
            verify(stub).putState("heartbeat~hb-1", json.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesAnIdentityWithoutAttributesThatIsNoAdmin() {
            when(identity.getAttributeValue("scf.role")).thenReturn(null);

            assertThatThrownBy(() -> contract.recordHeartbeat(ctx, "hb-1"))
                    .isInstanceOf(ChaincodeException.class)
                    .extracting(e -> new String(((ChaincodeException) e).getPayload(), StandardCharsets.UTF_8))
                    .asString().contains("UNAUTHORIZED");
            verify(stub, never()).putState(anyString(), any());
        }

        @Test
        void rejectsAnIdOutsideTheSafeAlphabet() {
            assertThatThrownBy(() -> contract.recordHeartbeat(ctx, "a\"b"))
                    .isInstanceOf(ChaincodeException.class)
                    .extracting(e -> ((ChaincodeException) e).getPayload())
                    .isEqualTo("INVALID_ARGUMENT".getBytes(StandardCharsets.UTF_8));
            verify(stub, never()).putState(anyString(), any());
        }

        @Test
        void rejectsAnEmptyId() {
            assertThatThrownBy(() -> contract.recordHeartbeat(ctx, ""))
                    .isInstanceOf(ChaincodeException.class)
                    .hasMessageContaining("heartbeat id");
        }
    }

    @Nested
    class GetHeartbeat {
        @Test
        void returnsTheStoredRecord() {
            when(stub.getState("heartbeat~hb-1")).thenReturn("{\"id\":\"hb-1\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(contract.getHeartbeat(ctx, "hb-1")).isEqualTo("{\"id\":\"hb-1\"}");
        }

        @Test
        void failsWithNotFoundForAnUnknownId() {
            assertThatThrownBy(() -> contract.getHeartbeat(ctx, "missing"))
                    .isInstanceOf(ChaincodeException.class)
                    .hasMessage("heartbeat missing not found");
        }
    }

    @Test
    void pingAnswersOk() {
        assertThat(contract.ping(ctx)).isEqualTo("{\"status\":\"OK\"}");
    }
}
