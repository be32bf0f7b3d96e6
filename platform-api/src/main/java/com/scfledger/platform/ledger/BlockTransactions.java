package com.scfledger.platform.ledger;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Finds one transaction in a block as the ledger stores it (qscc {@code GetBlockByTxID}) and gives back what its
 * submitter was told at the time: the block number and the chaincode's response payload. This is how a write whose
 * answer was lost (the API crashed between the commit and its reply) is answered again, identically, from the ledger.
 * It also names who signed a transaction, which a record's history (GetHistoryForKey) does not carry, from the
 * transaction alone (qscc {@code GetTransactionByID}).
 */
final class BlockTransactions {

    private BlockTransactions() {
    }

    /** The valid transaction {@code txId} of the block; empty when the block does not hold it as a valid one. */
    static Optional<LedgerResult> find(byte[] blockBytes, String txId) {
        try {
            Block block = Block.parseFrom(blockBytes);
            Optional<Payload> found = validPayload(block, txId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Transaction transaction = Transaction.parseFrom(found.get().getData());
            ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
            ProposalResponsePayload response = ProposalResponsePayload.parseFrom(
                    action.getAction().getProposalResponsePayload());
            ChaincodeAction chaincode = ChaincodeAction.parseFrom(response.getExtension());
            return Optional.of(new LedgerResult(txId, block.getHeader().getNumber(),
                    chaincode.getResponse().getPayload().toByteArray()));
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            throw unreadable(txId, e);
        }
    }

    /**
     * Who created the transaction, from the transaction as the ledger stores it (qscc {@code GetTransactionByID}: its
     * envelope and validation code, not its whole block); empty unless it is {@code txId} and valid.
     */
    static Optional<TransactionSigner> signer(byte[] processedTransaction, String txId) {
        try {
            ProcessedTransaction processed = ProcessedTransaction.parseFrom(processedTransaction);
            Payload payload = Payload.parseFrom(processed.getTransactionEnvelope().getPayload());
            if (processed.getValidationCode() != TxValidationCode.VALID_VALUE
                    || !txId.equals(ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId())) {
                return Optional.empty();
            }
            SerializedIdentity creator = SerializedIdentity.parseFrom(
                    SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()).getCreator());
            return Optional.of(new TransactionSigner(creator.getMspid(), commonName(creator.getIdBytes().toByteArray())));
        } catch (InvalidProtocolBufferException | CertificateException | InvalidNameException e) {
            throw new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "The ledger's record of transaction " + txId
                    + " could not be read.", "GetTransactionByID", txId, e);
        }
    }

    private static Optional<Payload> validPayload(Block block, String txId) throws InvalidProtocolBufferException {
        ByteString validation = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
            if (!txId.equals(ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId())) {
                continue;
            }
            if (i < validation.size() && validation.byteAt(i) != TxValidationCode.VALID_VALUE) {
                return Optional.empty();
            }
            return Optional.of(payload);
        }
        return Optional.empty();
    }

    /** The CN of a PEM X.509 certificate (Fabric's serialized identities carry one); null when it has none. */
    static String commonName(byte[] pem) throws CertificateException, InvalidNameException {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
            if ("CN".equalsIgnoreCase(rdn.getType())) {
                return rdn.getValue().toString();
            }
        }
        return null;
    }

    private static LedgerOutage unreadable(String txId, Exception e) {
        return new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "The ledger's block holding " + txId
                + " could not be read.", "GetBlockByTxID", txId, e);
    }
}
