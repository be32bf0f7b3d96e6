package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class BlockTransactionsUnitTest {

    private static ByteString envelope(String txId, String result) {
        ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResponse(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFromUtf8(result))).build();
        ProposalResponsePayload response = ProposalResponsePayload.newBuilder().setExtension(action.toByteString()).build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response.toByteString()))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(ChannelHeader.newBuilder().setTxId(txId).build().toByteString()))
                .setData(transaction.toByteString()).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
    }

    private static byte[] block(long number, byte[] validation, ByteString... envelopes) {
        BlockData.Builder data = BlockData.newBuilder();
        for (ByteString e : envelopes) {
            data.addData(e);
        }
        return Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(number)).setData(data)
                .setMetadata(BlockMetadata.newBuilder().addMetadata(ByteString.EMPTY).addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(validation)))
                .build().toByteArray();
    }

    @Test
    void theTransactionsBlockAndChaincodeResultAreWhatItsSubmitterWasTold() {
        byte[] valid = {(byte) TxValidationCode.VALID_VALUE, (byte) TxValidationCode.VALID_VALUE};
        byte[] block = block(42, valid, envelope("tx-a", "{\"a\":1}"), envelope("tx-b", "{\"b\":2}"));
        LedgerResult found = BlockTransactions.find(block, "tx-b").orElseThrow();
        assertThat(found.transactionId()).isEqualTo("tx-b");
        assertThat(found.blockNumber()).isEqualTo(42);
        assertThat(new String(found.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
        assertThat(BlockTransactions.find(block, "tx-c")).isEmpty();
    }

    @Test
    void aTransactionTheBlockMarkedInvalidIsNotAnAnswer() {
        byte[] block = block(7, new byte[] {(byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE}, envelope("tx-a", "{}"));
        assertThat(BlockTransactions.find(block, "tx-a")).isEmpty();
    }

    @Test
    void bytesThatAreNoBlockAreTheLedgersFault() {
        assertThatThrownBy(() -> BlockTransactions.find(new byte[] {1, 2, 3}, "tx-a"))
                .isInstanceOfSatisfying(LedgerOutage.class,
                        o -> assertThat(o.kind()).isEqualTo(LedgerOutage.Kind.LEDGER_ERROR));
    }
}
