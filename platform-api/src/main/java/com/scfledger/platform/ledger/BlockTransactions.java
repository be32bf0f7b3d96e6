package com.scfledger.platform.ledger;

import java.util.Optional;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Finds one transaction in a block as the ledger stores it (qscc {@code GetBlockByTxID}) and gives back what its
 * submitter was told at the time: the block number and the chaincode's response payload. This is how a write whose
 * answer was lost (the API crashed between the commit and its reply) is answered again, identically, from the ledger.
 */
final class BlockTransactions {

    private BlockTransactions() {
    }

    /** The valid transaction {@code txId} of the block; empty when the block does not hold it as a valid one. */
    static Optional<LedgerResult> find(byte[] blockBytes, String txId) {
        try {
            Block block = Block.parseFrom(blockBytes);
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
                Transaction transaction = Transaction.parseFrom(payload.getData());
                ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
                ProposalResponsePayload response = ProposalResponsePayload.parseFrom(
                        action.getAction().getProposalResponsePayload());
                ChaincodeAction chaincode = ChaincodeAction.parseFrom(response.getExtension());
                return Optional.of(new LedgerResult(txId, block.getHeader().getNumber(),
                        chaincode.getResponse().getPayload().toByteArray()));
            }
            return Optional.empty();
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            throw new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "The ledger's block holding " + txId
                    + " could not be read.", "GetBlockByTxID", txId, e);
        }
    }
}
