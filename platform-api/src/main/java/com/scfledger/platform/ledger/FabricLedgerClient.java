package com.scfledger.platform.ledger;

import com.scfledger.platform.domain.DomainException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** {@link LedgerClient} over the Fabric Gateway: endorse, submit, then wait for the commit status. */
@Component
class FabricLedgerClient implements LedgerClient {

    private static final Logger log = LoggerFactory.getLogger(FabricLedgerClient.class);

    private final LedgerSigners signers;
    private final GatewayRegistry gateways;
    private final FabricNetwork network;
    private final MeterRegistry meters;

    FabricLedgerClient(LedgerSigners signers, GatewayRegistry gateways, FabricNetwork network, MeterRegistry meters) {
        this.signers = signers;
        this.gateways = gateways;
        this.network = network;
        this.meters = meters;
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
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            Proposal proposal = contract(signer).newProposal(transaction).addArguments(args).build();
            return proposal.evaluate();
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

    @Override
    public LedgerResult submit(Signer signer, String transaction, String... args) {
        long start = System.nanoTime();
        Object outcome = "ok";
        String txId = null;
        try {
            Proposal proposal = contract(signer).newProposal(transaction).addArguments(args).build();
            txId = proposal.getTransactionId();
            MDC.put("txId", txId);
            Transaction endorsed = proposal.endorse();
            SubmittedTransaction submitted = endorsed.submitAsync();
            Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw LedgerErrors.invalidTransaction(transaction, txId, status.getCode(), null);
            }
            log.debug("{} committed in block {}", transaction, status.getBlockNumber());
            LedgerCallTrace.record(transaction, txId, true);
            return new LedgerResult(txId, status.getBlockNumber(), submitted.getResult());
        } catch (EndorseException e) {
            LedgerFailure f = LedgerErrors.fromEndorse(transaction, e);
            outcome = f;
            throw fail(f);
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
