package com.scfledger.platform.ledger;

import java.util.concurrent.TimeUnit;

import com.scfledger.platform.problem.ApiProblem;
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
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            Proposal proposal = contract(enterpriseId).newProposal(transaction).addArguments(args).build();
            return proposal.evaluate();
        } catch (GatewayException e) {
            ApiProblem p = LedgerErrors.fromEvaluate(transaction, e);
            outcome = p.code();
            throw p;
        } catch (ApiProblem p) {
            outcome = p.code();
            throw p;
        } catch (RuntimeException e) {
            ApiProblem p = LedgerErrors.fromRuntime(transaction, e);
            outcome = p.code();
            throw p;
        } finally {
            record("evaluate", transaction, outcome, start);
        }
    }

    @Override
    public LedgerResult submit(String enterpriseId, String transaction, String... args) {
        long start = System.nanoTime();
        Object outcome = "ok";
        String txId = null;
        try {
            Proposal proposal = contract(enterpriseId).newProposal(transaction).addArguments(args).build();
            txId = proposal.getTransactionId();
            MDC.put("txId", txId);
            Transaction endorsed = proposal.endorse();
            SubmittedTransaction submitted = endorsed.submitAsync();
            Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw LedgerErrors.invalidTransaction(transaction, txId, status.getCode());
            }
            log.debug("{} committed in block {}", transaction, status.getBlockNumber());
            LedgerCallTrace.record(transaction, txId, true);
            return new LedgerResult(txId, status.getBlockNumber(), submitted.getResult());
        } catch (EndorseException e) {
            ApiProblem p = LedgerErrors.fromEndorse(transaction, e);
            outcome = p;
            throw fail(p);
        } catch (SubmitException e) {
            ApiProblem p = LedgerErrors.fromSubmit(transaction, e);
            outcome = p;
            throw fail(p);
        } catch (CommitStatusException e) {
            ApiProblem p = LedgerErrors.fromCommitStatus(transaction, e);
            outcome = p;
            throw fail(p);
        } catch (ApiProblem p) {
            outcome = p;
            throw fail(p);
        } catch (RuntimeException e) {
            ApiProblem p = LedgerErrors.fromRuntime(transaction, e);
            outcome = p;
            throw fail(p);
        } finally {
            if (outcome instanceof ApiProblem) {
                LedgerCallTrace.record(transaction, txId, false);
            }
            record("submit", transaction, outcome, start);
            MDC.remove("txId");
        }
    }

    private static ApiProblem fail(ApiProblem p) {
        if (p.status() >= 500) {
            log.warn("ledger call failed: {}", p);
        }
        return p;
    }

    private void record(String kind, String transaction, Object outcome, long startNanos) {
        String code = outcome instanceof ApiProblem p ? p.code() : String.valueOf(outcome);
        Timer.builder("scf.ledger.operation")
                .description("Ledger calls by transaction, kind and outcome (ok or the problem code)")
                .tag("kind", kind).tag("transaction", transaction).tag("outcome", code)
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private Contract contract(String enterpriseId) {
        LedgerCredentials credentials = signers.credentialsOf(enterpriseId);
        return gateways.gatewayFor(credentials).getNetwork(network.channel()).getContract(network.chaincode());
    }
}
