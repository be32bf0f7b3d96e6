package com.scfledger.platform.ledger;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fabric Gateway offline signing for identities whose keys the platform never sees: the proposal and the endorsed
 * transaction are built here, signed by the client, and sent on as signed. The commit status is asked for with the
 * platform operator's own identity (any channel member may ask), so the client signs two things, not three.
 */
@Component
public class OfflineGateway {

    /**
     * One step to sign. {@code bytes} is the Gateway's whole serialized object, which the API keeps to send on;
     * {@code message} is the part the signature covers (the proposal's bytes, or the transaction envelope's payload),
     * and {@code digest} its SHA-256. A client signs {@code message} with SHA256withECDSA (WebCrypto, openssl dgst),
     * or {@code digest} with a signer that takes a hash.
     */
    public record Signable(String transactionId, byte[] bytes, byte[] message, byte[] digest) {
    }

    /** An endorsed transaction to sign, with the chaincode's result as the endorsers computed it. */
    public record Endorsed(Signable transaction, byte[] result) {
    }

    private final GatewayRegistry gateways;
    private final LedgerSigners signers;
    private final FabricNetwork network;
    private final String operatorId;
    private final Duration endorseDeadline;

    OfflineGateway(GatewayRegistry gateways, LedgerSigners signers, FabricNetwork network, LedgerProperties properties,
                   @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.endorseDeadline = properties.deadlines().endorse();
        this.gateways = gateways;
        this.signers = signers;
        this.network = network;
        this.operatorId = operatorId;
    }

    /** The unsigned proposal of a transaction by the identity with this certificate. */
    public Signable prepare(String mspId, X509Certificate certificate, String transaction, String... args) {
        try (Gateway gateway = gateways.unsignedGatewayFor(mspId, certificate)) {
            Proposal proposal = gateway.getNetwork(network.channel()).getContract(network.chaincode())
                    .newProposal(transaction).addArguments(args).build();
            return new Signable(proposal.getTransactionId(), proposal.getBytes(), proposalMessage(proposal.getBytes()),
                    proposal.getDigest());
        }
    }

    /** Endorses the proposal the client signed; answers the transaction it must sign next. */
    public Endorsed endorse(String mspId, X509Certificate certificate, String transaction, byte[] proposal,
                           byte[] signature) {
        try (Gateway gateway = gateways.unsignedGatewayFor(mspId, certificate)) {
            Proposal signed = gateway.newSignedProposal(proposal, signature);
            // the Gateway chooses the endorsers (no organisations named)
            Transaction endorsed = CatchUpEndorsement.endorse(transaction, 0, System.nanoTime()
                    + endorseDeadline.toNanos(), left -> signed.endorse(CallOption.deadlineAfter(left,
                    TimeUnit.MILLISECONDS)));
            return new Endorsed(new Signable(endorsed.getTransactionId(), endorsed.getBytes(),
                    transactionMessage(endorsed.getBytes()), endorsed.getDigest()), endorsed.getResult());
        } catch (EndorseException e) {
            throw LedgerErrors.fromEndorse(transaction, e, 0);
        } catch (LedgerFailure f) {
            throw f;
        } catch (RuntimeException e) {
            throw LedgerErrors.fromRuntime(transaction, e);
        }
    }

    /** Submits the transaction the client signed and waits for its commit; a transaction the block marks invalid fails. */
    public LedgerResult submit(String mspId, X509Certificate certificate, String transaction, byte[] signedBytes,
                               byte[] signature, byte[] result) {
        String txId;
        try (Gateway gateway = gateways.unsignedGatewayFor(mspId, certificate)) {
            txId = gateway.newSignedTransaction(signedBytes, signature).submitAsync().getTransactionId();
        } catch (SubmitException e) {
            throw LedgerErrors.fromSubmit(transaction, e);
        } catch (RuntimeException e) {
            throw LedgerErrors.fromRuntime(transaction, e);
        }
        try {
            Status status = commitStatus(txId);
            if (!status.isSuccessful()) {
                throw LedgerErrors.invalidTransaction(transaction, txId, status.getCode(), null);
            }
            LedgerCallTrace.record(transaction, txId, true);
            return new LedgerResult(txId, status.getBlockNumber(), result);
        } catch (CommitStatusException e) {
            throw LedgerErrors.fromCommitStatus(transaction, e);
        }
    }

    /** What a proposal's signature covers: the proposal bytes inside the Gateway's proposed transaction. */
    public static byte[] proposalMessage(byte[] proposedTransaction) {
        try {
            return ProposedTransaction.parseFrom(proposedTransaction).getProposal().getProposalBytes().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not a proposed transaction", e);
        }
    }

    /** What a transaction's signature covers: the payload of the envelope inside the Gateway's prepared transaction. */
    public static byte[] transactionMessage(byte[] preparedTransaction) {
        try {
            return PreparedTransaction.parseFrom(preparedTransaction).getEnvelope().getPayload().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not a prepared transaction", e);
        }
    }

    private Status commitStatus(String txId) throws CommitStatusException {
        LedgerCredentials operator = signers.credentialsOf(operatorId);
        Gateway gateway = gateways.gatewayFor(operator);
        SerializedIdentity identity = SerializedIdentity.newBuilder().setMspid(operator.mspId())
                .setIdBytes(ByteString.copyFrom(gateway.getIdentity().getCredentials())).build();
        CommitStatusRequest request = CommitStatusRequest.newBuilder().setChannelId(network.channel())
                .setTransactionId(txId).setIdentity(identity.toByteString()).build();
        byte[] unsigned = SignedCommitStatusRequest.newBuilder().setRequest(request.toByteString()).build().toByteArray();
        return gateway.newCommit(unsigned).getStatus();
    }
}
