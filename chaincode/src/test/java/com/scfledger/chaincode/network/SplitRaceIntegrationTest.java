package com.scfledger.chaincode.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two transactions spend the same token at once. Fabric's answer is MVCC: both may be endorsed against the same
 * state, but only the first one ordered commits; the other is invalidated (MVCC_READ_CONFLICT) or, if it was
 * endorsed after the first committed, refused by the chaincode (TOKEN_NOT_ACTIVE). Either way exactly one wins
 * and the ledger holds exactly the winner's children.
 */
class SplitRaceIntegrationTest {

    @TempDir
    static Path enrollments;

    private static LedgerParties parties;
    private static Party core;
    private static Party holder;
    private static Party left;
    private static Party right;

    @BeforeAll
    static void registerEnterprises() throws Exception {
        parties = new LedgerParties(enrollments);
        core = parties.enterprise("RCORE", "CORE", NetworkEnv.Org.CORE);
        holder = parties.enterprise("RSUP", "SUPPLIER", NetworkEnv.Org.PLATFORM);
        left = parties.enterprise("RLEFT", "SUPPLIER", NetworkEnv.Org.PLATFORM);
        right = parties.enterprise("RRIGHT", "SUPPLIER", NetworkEnv.Org.PLATFORM);
    }

    @AfterAll
    static void close() throws InterruptedException {
        parties.close();
    }

    @Test
    void twoSplitsEndorsedAgainstTheSameStateCommitExactlyOnce() throws Exception {
        String tokenId = activeToken("e", 50_000);
        Transaction toLeft = holder.contract().newProposal("SplitTransfer")
                .addArguments(tokenId, allTo(left, 50_000), "rq-" + UUID.randomUUID()).build().endorse();
        Transaction toRight = holder.contract().newProposal("SplitTransfer")
                .addArguments(tokenId, allTo(right, 50_000), "rq-" + UUID.randomUUID()).build().endorse();

        SubmittedTransaction first = toLeft.submitAsync();
        SubmittedTransaction second = toRight.submitAsync();
        List<TxValidationCode> codes = List.of(first.getStatus().getCode(), second.getStatus().getCode());

        assertThat(codes).containsExactlyInAnyOrder(TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT);
        SubmittedTransaction winner = codes.get(0) == TxValidationCode.VALID ? first : second;
        SubmittedTransaction loser = winner == first ? second : first;
        assertLedgerHoldsOnlyTheWinner(tokenId, winner.getTransactionId(), loser.getTransactionId(), 50_000);
    }

    @Test
    void twoSplitsSubmittedAtOnceFromTwoThreadsCommitExactlyOnce() throws Exception {
        String tokenId = activeToken("t", 80_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Party recipient : List.of(left, right)) {
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        SubmittedTransaction tx = holder.contract().newProposal("SplitTransfer")
                                .addArguments(tokenId, allTo(recipient, 80_000), "rq-" + UUID.randomUUID())
                                .build().endorse().submitAsync();
                        return tx.getStatus().getCode() + " " + tx.getTransactionId();
                    } catch (EndorseException e) {
                        return Refusals.refusedWith(e, "TOKEN_NOT_ACTIVE") ? "TOKEN_NOT_ACTIVE" : "OTHER " + e.getDetails();
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(r -> r.startsWith("VALID ")).hasSize(1);
            assertThat(results).filteredOn(r -> !r.startsWith("VALID "))
                    .singleElement().satisfies(r -> assertThat(r).matches("MVCC_READ_CONFLICT .*|TOKEN_NOT_ACTIVE"));

            String winnerTx = results.stream().filter(r -> r.startsWith("VALID ")).findFirst().orElseThrow().substring(6);
            String loser = results.stream().filter(r -> !r.startsWith("VALID ")).findFirst().orElseThrow();
            String loserTx = loser.startsWith("MVCC_READ_CONFLICT ") ? loser.substring("MVCC_READ_CONFLICT ".length()) : null;
            assertLedgerHoldsOnlyTheWinner(tokenId, winnerTx, loserTx, 80_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private String activeToken(final String tag, final long amount) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String payableId = "PO-" + parties.run() + "-" + tag;
        JsonNode registered = core.submit("RegisterPayable", payableId, holder.id(), Long.toString(amount), "CNY",
                today.toString(), today.plusDays(60).toString(),
                TokenLifecycleIntegrationTest.fingerprints("INV-race-" + parties.run() + tag),
                LedgerParties.sha256(payableId));
        holder.submit("AcceptPayable", core.id(), payableId);
        return registered.path("tokens").get(0).path("id").asText();
    }

    private void assertLedgerHoldsOnlyTheWinner(final String tokenId, final String winnerTx, final String loserTx,
            final long amount) throws Exception {
        JsonNode spent = holder.evaluate("GetToken", tokenId);
        assertThat(spent.path("status").asText()).isEqualTo("SPENT");
        assertThat(spent.path("updatedByTx").asText()).isEqualTo(winnerTx);

        JsonNode tree = core.evaluate("GetPayableTree", core.id(), spent.path("payableId").asText());
        List<String> childCreators = new ArrayList<>();
        for (JsonNode token : tree.path("tokens")) {
            if (tokenId.equals(token.path("parentId").asText())) {
                childCreators.add(token.path("createdByTx").asText());
            }
        }
        assertThat(childCreators).containsExactly(winnerTx);
        if (loserTx != null) {
            assertThat(childCreators).doesNotContain(loserTx);
        }
        assertThat(TokenLifecycleIntegrationTest.liveAmount(tree.path("tokens"))).isEqualTo(amount);
    }

    private static String allTo(final Party recipient, final long amount) {
        return "[{\"recipient\":\"" + recipient.id() + "\",\"amount\":" + amount + "}]";
    }
}
