package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The submit path phase by phase, with the SDK's objects mocked. */
class FabricLedgerClientUnitTest {

    private final Contract contract = mock(Contract.class);
    private final Proposal.Builder builder = mock(Proposal.Builder.class);
    private final Proposal proposal = mock(Proposal.class);
    private final Transaction endorsed = mock(Transaction.class);
    private final SubmittedTransaction submitted = mock(SubmittedTransaction.class);
    private final org.hyperledger.fabric.client.Status status = mock(org.hyperledger.fabric.client.Status.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FabricLedgerClient client;

    @BeforeEach
    void setUp() throws Exception {
        GatewayRegistry registry = mock(GatewayRegistry.class);
        Gateway gateway = mock(Gateway.class);
        Network net = mock(Network.class);
        when(registry.gatewayFor(any())).thenReturn(gateway);
        when(gateway.getNetwork("scf")).thenReturn(net);
        when(net.getContract("scf")).thenReturn(contract);
        when(contract.newProposal("SplitTransfer")).thenReturn(builder);
        when(builder.addArguments(any(String[].class))).thenReturn(builder);
        when(builder.build()).thenReturn(proposal);
        when(proposal.getTransactionId()).thenReturn("tx-1");
        when(proposal.endorse(any(org.hyperledger.fabric.client.CallOption.class))).thenReturn(endorsed);
        when(endorsed.submitAsync()).thenReturn(submitted);
        when(submitted.getStatus()).thenReturn(status);
        when(submitted.getResult()).thenReturn("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        FabricNetwork network = NetworkEnv.load(null, Map.<String, String>of()::get);
        client = new FabricLedgerClient(id -> null, registry, network, meters, noOrganisations(), LEDGER_PROPERTIES);
    }

    @Test
    void aCommittedTransactionReturnsItsIdBlockAndPayload() {
        when(status.isSuccessful()).thenReturn(true);
        when(status.getBlockNumber()).thenReturn(42L);
        LedgerResult r = client.submit("E", "SplitTransfer", "T-1", "[]", "req");
        assertThat(r.transactionId()).isEqualTo("tx-1");
        assertThat(r.blockNumber()).isEqualTo(42);
        assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(meters.find("scf.ledger.operation").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void anMvccConflictAtCommitIsA409WithRetryAfter() {
        when(status.isSuccessful()).thenReturn(false);
        when(status.getCode()).thenReturn(TxValidationCode.MVCC_READ_CONFLICT);
        assertThatThrownBy(() -> client.submit("E", "SplitTransfer", "T-1", "[]", "req"))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.code()).isEqualTo("MVCC_READ_CONFLICT");
                    assertThat(p.retryAfterSeconds()).isEqualTo(1);
                    assertThat(p.properties()).containsEntry("transactionId", "tx-1");
                }));
        assertThat(meters.find("scf.ledger.operation").tag("outcome", "MVCC_READ_CONFLICT").timer().count()).isEqualTo(1);
    }

    @Test
    void aChaincodeRefusalAtEndorsementIsNeverSubmitted() throws Exception {
        io.grpc.StatusRuntimeException sre = io.grpc.protobuf.StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder().setCode(Status.Code.ABORTED.value()).setMessage("failed to endorse")
                        .addDetails(com.google.protobuf.Any.pack(org.hyperledger.fabric.protos.gateway.ErrorDetail.newBuilder()
                                .setMessage("chaincode response 500, CONSERVATION_VIOLATED: outputs sum to 99, not 100").build()))
                        .build());
        when(proposal.endorse(any(org.hyperledger.fabric.client.CallOption.class))).thenThrow(new EndorseException("tx-1", sre));
        assertThatThrownBy(() -> client.submit("E", "SplitTransfer", "T-1", "[]", "req"))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("CONSERVATION_VIOLATED");
                    assertThat(p.detail()).isEqualTo("outputs sum to 99, not 100");
                }));
        verify(endorsed, never()).submitAsync();
    }

    private static final LedgerProperties LEDGER_PROPERTIES = new LedgerProperties(null, new LedgerProperties.Deadlines(
            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(2)), Org.PLATFORM, java.util.List.of(), java.time.Duration.ofSeconds(30));

    private static Endorsers noOrganisations() {
        return new Endorsers(java.util.List.of(), "", java.time.Duration.ofSeconds(30), java.time.Clock.systemUTC());
    }
}
