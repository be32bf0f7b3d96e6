package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;

import com.google.protobuf.ByteString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class BlockTransactionsUnitTest {

    private static ByteString envelope(String txId, String result) {
        return envelope(txId, result, ByteString.EMPTY);
    }

    private static ByteString envelope(String txId, String result, ByteString creator) {
        ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResponse(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFromUtf8(result))).build();
        ProposalResponsePayload response = ProposalResponsePayload.newBuilder().setExtension(action.toByteString()).build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response.toByteString()))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(ChannelHeader.newBuilder().setTxId(txId).build().toByteString())
                        .setSignatureHeader(SignatureHeader.newBuilder().setCreator(creator).build().toByteString()))
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

    /** A Fabric serialized identity: the MSP and a PEM certificate with the given subject. */
    private static ByteString creator(String mspId, String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        long now = System.currentTimeMillis();
        byte[] der = new JcaX509v3CertificateBuilder(new X500Name("CN=ca"), BigInteger.ONE, new Date(now - 60_000),
                new Date(now + 3_600_000), new X500Name(subject), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        return SerializedIdentity.newBuilder().setMspid(mspId).setIdBytes(ByteString.copyFromUtf8(pem)).build()
                .toByteString();
    }

    @Test
    void theSignerIsTheCreatorsMspAndCertificateCommonName() throws Exception {
        assertThat(BlockTransactions.signer(processed(envelope("tx-a", "{}",
                creator("CoreOrgMSP", "CN=core-a-1f2e,OU=client,O=Core")), TxValidationCode.VALID_VALUE), "tx-a"))
                .contains(new TransactionSigner("CoreOrgMSP", "core-a-1f2e"));
        assertThat(BlockTransactions.signer(processed(envelope("tx-b", "{}", creator("BankOrgMSP", "OU=client")),
                TxValidationCode.VALID_VALUE), "tx-b")).contains(new TransactionSigner("BankOrgMSP", null));
    }

    @Test
    void anInvalidTransactionOrAnotherOneHasNoSigner() throws Exception {
        ByteString envelope = envelope("tx-d", "{}", creator("CoreOrgMSP", "CN=x"));
        assertThat(BlockTransactions.signer(processed(envelope, TxValidationCode.MVCC_READ_CONFLICT_VALUE), "tx-d"))
                .isEmpty();
        assertThat(BlockTransactions.signer(processed(envelope, TxValidationCode.VALID_VALUE), "tx-e")).isEmpty();
        assertThatThrownBy(() -> BlockTransactions.signer(new byte[] {1, 2, 3}, "tx-d")).isInstanceOf(LedgerOutage.class);
    }

    private static byte[] processed(ByteString envelope, int validationCode) throws Exception {
        return ProcessedTransaction.newBuilder().setTransactionEnvelope(Envelope.parseFrom(envelope))
                .setValidationCode(validationCode).build().toByteArray();
    }
}
