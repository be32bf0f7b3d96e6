package com.scfledger.platform.ledger;

import com.scfledger.platform.domain.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * {@link LedgerClient} over the Fabric Gateway: endorse, submit, then wait for the commit status. When the Gateway
 * answers that particular organisations failed to endorse or evaluate (their peer or chaincode server is down),
 * the proposal is made again to the healthy ones ({@link Endorsers}): a majority of organisations is enough.
 */
@Component
class FabricLedgerClient implements LedgerClient {

    private static final Logger log = LoggerFactory.getLogger(FabricLedgerClient.class);
    /** One more attempt after organisations failed: bounded, so that a client still hears within the deadlines. */
    private static final int ATTEMPTS = 2;
    /** A second endorsement needs at least this much of the endorse deadline left to be worth making. */
    private static final long MIN_ATTEMPT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String QUERY_SYSTEM_CHAINCODE = "qscc";
    private static final String GET_BLOCK_BY_TX_ID = "GetBlockByTxID";
    private static final String GET_CHAIN_INFO = "GetChainInfo";
    private static final String GET_TRANSACTION_BY_ID = "GetTransactionByID";

    private final LedgerSigners signers;
    private final GatewayRegistry gateways;
    private final FabricNetwork network;
    private final MeterRegistry meters;
    private final Endorsers endorsers;
    private final Duration endorseDeadline;

    FabricLedgerClient(LedgerSigners signers, GatewayRegistry gateways, FabricNetwork network, MeterRegistry meters,
                       Endorsers endorsers, LedgerProperties properties) {
        this.signers = signers;
        this.gateways = gateways;
        this.network = network;
        this.meters = meters;
        this.endorsers = endorsers;
        this.endorseDeadline = properties.deadlines().endorse();
    }

    @Override
    public byte[] evaluate(String enterpriseId, String transaction, String... args) {
        return evaluate(Signer.enterprise(enterpriseId), transaction, args);
    }

    @Override
    public LedgerResult submit(String enterpriseId, String transaction, String... args) {
        return submit(Signer.enterprise(enterpriseId), transaction, args);
    }

    @Override
    public byte[] evaluate(Signer signer, String transaction, String... args) {
        return query(transaction, () -> {
            Contract contract = contract(signer);
            for (int attempt = 1; ; attempt++) {
                try {
                    return proposal(contract, transaction, args, endorsers.forEvaluation()).evaluate();
                } catch (GatewayException e) {
                    LedgerFailure f = LedgerErrors.fromEvaluate(transaction, e);
                    if (attempt == ATTEMPTS || !orgsFailed(f, e)) {
                        throw f;
                    }
                }
            }
        });
    }

    @Override
    public LedgerResult submit(Signer signer, String transaction, String... args) {
        long start = System.nanoTime();
        Object outcome = "ok";
        String txId = null;
        try {
            Contract contract = contract(signer);
            Transaction endorsed;
            long endorseUntil = System.nanoTime() + endorseDeadline.toNanos();
            for (int attempt = 1; ; attempt++) {
                List<String> organisations = endorsers.forEndorsement();
                Proposal proposal = proposal(contract, transaction, args, organisations);
                txId = proposal.getTransactionId();
                MDC.put("txId", txId);
                try {
                    // the endorse phase keeps one deadline, a second attempt included
                    endorsed = CatchUpEndorsement.endorse(transaction, organisations.size(), endorseUntil,
                            left -> proposal.endorse(CallOption.deadlineAfter(left, TimeUnit.MILLISECONDS)));
                    break;
                } catch (EndorseException e) {
                    LedgerFailure f = LedgerErrors.fromEndorse(transaction, e, organisations.size());
                    if (attempt == ATTEMPTS || endorseUntil - System.nanoTime() < MIN_ATTEMPT_NANOS
                            || !orgsFailed(f, e)) {
                        throw f;
                    }
                }
            }
            SubmittedTransaction submitted = endorsed.submitAsync();
            Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw LedgerErrors.invalidTransaction(transaction, txId, status.getCode(), null);
            }
            log.debug("{} committed in block {}", transaction, status.getBlockNumber());
            LedgerCallTrace.record(transaction, txId, true);
            return new LedgerResult(txId, status.getBlockNumber(), submitted.getResult());
        } catch (SubmitException e) {
            LedgerFailure f = LedgerErrors.fromSubmit(transaction, e);
            outcome = f;
            throw fail(f);
        } catch (CommitStatusException e) {
            LedgerFailure f = LedgerErrors.fromCommitStatus(transaction, e);
            outcome = f;
            throw fail(f);
        } catch (LedgerFailure f) {
            outcome = f;
            throw fail(f);
        } catch (DomainException notSigned) {
            outcome = notSigned.reason().name();
            throw notSigned;
        } catch (RuntimeException e) {
            LedgerFailure f = LedgerErrors.fromRuntime(transaction, e);
            outcome = f;
            throw fail(f);
        } finally {
            if (!"ok".equals(outcome)) {
                LedgerCallTrace.record(transaction, txId, false);
            }
            record("submit", transaction, outcome, start);
            MDC.remove("txId");
        }
    }

    /**
     * The chaincode's result of a committed transaction and its block, read back from the ledger: the block that holds
     * it ({@code qscc GetBlockByTxID}), asked of the gateway organisation's peer like every other query.
     */
    @Override
    public LedgerResult committed(String enterpriseId, String transactionId) {
        return query(GET_BLOCK_BY_TX_ID, () -> BlockTransactions.find(
                byTransactionId(GET_BLOCK_BY_TX_ID, enterpriseId, transactionId), transactionId)
                .orElseThrow(() -> notValid(GET_BLOCK_BY_TX_ID, transactionId)));
    }

    @Override
    public TransactionSigner signer(String enterpriseId, String transactionId) {
        return query(GET_TRANSACTION_BY_ID, () -> BlockTransactions.signer(
                byTransactionId(GET_TRANSACTION_BY_ID, enterpriseId, transactionId), transactionId)
                .orElseThrow(() -> notValid(GET_TRANSACTION_BY_ID, transactionId)));
    }

    /** A qscc query of one transaction id on the channel (GetBlockByTxID, GetTransactionByID). */
    private byte[] byTransactionId(String query, String enterpriseId, String transactionId) throws GatewayException {
        return systemQueries(enterpriseId).newProposal(query).addArguments(network.channel(), transactionId)
                .build().evaluate();
    }

    private static LedgerOutage notValid(String query, String transactionId) {
        return new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "The ledger does not hold " + transactionId
                + " as a valid transaction.", query, transactionId, null);
    }

    /**
     * The height of the channel's chain on the gateway peer (qscc GetChainInfo), within the deadline: proof that
     * the peer answers, which an open TCP port or a READY gRPC channel is not (a paused peer still has both).
     */
    @Override
    public long chainHeight(String enterpriseId, Duration deadline) {
        return query(GET_CHAIN_INFO, () -> {
            byte[] info = systemQueries(enterpriseId).newProposal(GET_CHAIN_INFO).addArguments(network.channel())
                    .build().evaluate(CallOption.deadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
            try {
                return BlockchainInfo.parseFrom(info).getHeight();
            } catch (InvalidProtocolBufferException e) {
                throw new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "The peer's chain info could not be read.",
                        GET_CHAIN_INFO, null, e);
            }
        });
    }

    /** A read of the ledger; a {@link GatewayException} it throws is mapped by {@link #query}. */
    @FunctionalInterface
    private interface Query<T> {
        T ask() throws GatewayException;
    }

    /**
     * Runs a read (a chaincode evaluation or a system chaincode query) with the one failure mapping every read shares:
     * the Gateway's errors and any other runtime failure become {@link LedgerFailure}s, a signer that cannot sign
     * stays its domain refusal; the call is timed with its outcome.
     */
    private <T> T query(String transaction, Query<T> query) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return query.ask();
        } catch (GatewayException e) {
            LedgerFailure f = LedgerErrors.fromEvaluate(transaction, e);
            outcome = f.code();
            throw f;
        } catch (LedgerFailure f) {
            outcome = f.code();
            throw f;
        } catch (DomainException notSigned) {
            outcome = notSigned.reason().name();
            throw notSigned;
        } catch (RuntimeException e) {
            LedgerFailure f = LedgerErrors.fromRuntime(transaction, e);
            outcome = f.code();
            throw f;
        } finally {
            record("evaluate", transaction, outcome, start);
        }
    }

    /** The query system chaincode on the channel, through the enterprise's gateway. */
    private Contract systemQueries(String enterpriseId) {
        return gateways.gatewayFor(signers.credentialsOf(enterpriseId)).getNetwork(network.channel())
                .getContract(QUERY_SYSTEM_CHAINCODE);
    }

    private static Proposal proposal(Contract contract, String transaction, String[] args, List<String> organisations) {
        Proposal.Builder builder = contract.newProposal(transaction).addArguments(args);
        if (!organisations.isEmpty()) {
            builder.setEndorsingOrganizations(organisations.toArray(String[]::new));
        }
        return builder.build();
    }

    /**
     * Whether the failure is one the other organisations may not share (not the chaincode's refusal of the request,
     * which every organisation would repeat) and the Gateway named the organisations that failed: they are set aside,
     * and true means a majority is still healthy, so the proposal is worth making again.
     */
    private boolean orgsFailed(LedgerFailure failure, GatewayException e) {
        if (failure instanceof LedgerRefusal) {
            return false;
        }
        List<String> failing = e.getDetails().stream().map(ErrorDetail::getMspId).filter(m -> !m.isEmpty()).toList();
        if (failing.isEmpty()) {
            return false;
        }
        log.warn("{} failed at {}: {}", failure.transaction(), failing, failure.detail());
        return endorsers.failed(failing);
    }

    /** Refusals and read conflicts are answers; everything else means the ledger is unwell and is worth a warning. */
    private static LedgerFailure fail(LedgerFailure f) {
        boolean answer = f instanceof LedgerRefusal
                || f instanceof TransactionInvalid t && t.kind() == TransactionInvalid.Kind.MVCC_READ_CONFLICT;
        if (!answer) {
            log.warn("ledger call failed: {}", f);
        }
        return f;
    }

    private void record(String kind, String transaction, Object outcome, long startNanos) {
        String code = outcome instanceof LedgerFailure f ? f.code() : String.valueOf(outcome);
        Timer.builder("scf.ledger.operation")
                .description("Ledger calls by transaction, kind and outcome (ok or the problem code)")
                .tag("kind", kind).tag("transaction", transaction).tag("outcome", code)
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private Contract contract(Signer signer) {
        LedgerCredentials credentials = signers.credentialsOf(signer);
        return gateways.gatewayFor(credentials).getNetwork(network.channel()).getContract(network.chaincode());
    }
}
