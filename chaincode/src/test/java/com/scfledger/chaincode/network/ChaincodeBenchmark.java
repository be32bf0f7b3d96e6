package com.scfledger.chaincode.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.scfledger.chaincode.bench.BenchContract;

/**
 * Compares SplitTransfer with the cheapest write the same chaincode can do (bench:Put, one putState, from the
 * {@link com.scfledger.chaincode.bench.BenchContract} that scripts/bench-chaincode.sh deploys for the run), submitted
 * through the Gateway against the real network at the same concurrency. The trivial write is the floor that
 * Fabric itself sets on this machine (endorsement by a majority, ordering, validation, commit); the ratio says
 * how much our contract's own work costs on top. Run by scripts/bench-chaincode.sh; prints figures, asserts nothing.
 *
 * <p>Arguments: {@code N} transactions per phase (default 200), {@code C} concurrency (default 16).
 */
public final class ChaincodeBenchmark {

    private ChaincodeBenchmark() {
    }

    /**
     * What a phase measured: wall time, each transaction's submit-to-commit latency and the CPU each process of the
     * network (and this client) spent on it.
     */
    record Result(String name, int count, long wallNanos, long[] latencyNanos, int failures, ProcessCpu.Usage cpu) {

        double throughput() {
            return count / (wallNanos / 1e9);
        }

        double percentileMillis(final double p) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    interface Submission {
        void submit(int index) throws Exception;
    }

    public static void main(final String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int c = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path work = Files.createTempDirectory("scf-bench");
        try (LedgerParties parties = new LedgerParties(work)) {
            System.out.printf(Locale.ROOT, "Setting up: enterprises and %d active tokens (concurrency %d)%n", n + c, c);
            Party core = parties.enterprise("BCORE", "CORE", NetworkEnv.Org.CORE);
            Party holder = parties.enterprise("BSUP1", "SUPPLIER", NetworkEnv.Org.PLATFORM);
            Party recipient = parties.enterprise("BSUP2", "SUPPLIER", NetworkEnv.Org.PLATFORM);
            String[] tokens = activeTokens(parties.run(), core, holder, n + c, c);

            System.out.println("Warming up both transactions");
            run("warm-up split", c, c, i -> split(holder, recipient, tokens[n + i]));
            run("warm-up put", c, c,
                    i -> holder.contract().submitTransaction(BenchContract.PUT, "warm-" + parties.run() + i, "v"));

            Result put = run("bench:Put (floor)", n, c,
                    i -> holder.contract().submitTransaction(BenchContract.PUT, "k-" + parties.run() + "-" + i, "value-" + i));
            Result split = run("SplitTransfer", n, c, i -> split(holder, recipient, tokens[i]));

            System.out.println();
            System.out.printf(Locale.ROOT, "%-18s %6s %6s %10s %9s %9s %8s%n",
                    "transaction", "N", "C", "tx/s", "p50 ms", "p99 ms", "failed");
            for (Result r : List.of(put, split)) {
                System.out.printf(Locale.ROOT, "%-18s %6d %6d %10.1f %9.1f %9.1f %8d%n", r.name(), r.count(), c,
                        r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.failures());
            }
            System.out.println();
            ProcessCpu.print(List.of(put.name(), split.name()), List.of(put.cpu(), split.cpu()), List.of(n, n));
            double ratio = split.throughput() / put.throughput();
            System.out.printf(Locale.ROOT, "%nSplitTransfer / bench:Put throughput ratio: %.2f (target >= 0.80: %s)%n",
                    ratio, ratio >= 0.8 ? "met" : "NOT met");
            // one line for scripts (the release note's figures, docs/performance.md)
            System.out.printf(Locale.ROOT, "SUMMARY bench=chaincode n=%d c=%d put_tps=%.1f put_p50_ms=%.1f put_p99_ms=%.1f "
                    + "split_tps=%.1f split_p50_ms=%.1f split_p99_ms=%.1f failed=%d ratio=%.2f%n", n, c, put.throughput(),
                    put.percentileMillis(50), put.percentileMillis(99), split.throughput(), split.percentileMillis(50),
                    split.percentileMillis(99), put.failures() + split.failures(), ratio);
        }
    }

    private static void split(final Party holder, final Party recipient, final String tokenId) throws Exception {
        holder.contract().submitTransaction("SplitTransfer", tokenId,
                "[{\"recipient\":\"" + recipient.id() + "\",\"amount\":600},"
                        + "{\"recipient\":\"" + holder.id() + "\",\"amount\":400}]",
                "rq-" + UUID.randomUUID());
    }

    private static String[] activeTokens(final String run, final Party core, final Party holder, final int count,
            final int concurrency) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[] tokens = new String[count];
        run("register payables", count, concurrency, i -> {
            String payableId = "BP-" + run + "-" + i;
            JsonNode result = core.submit("RegisterPayable", payableId, holder.id(), "1000", "CNY", today.toString(),
                    today.plusDays(120).toString(), "[\"" + LedgerParties.sha256("bench-inv-" + run + i) + "\"]",
                    LedgerParties.sha256(payableId));
            tokens[i] = result.path("tokens").get(0).path("id").asText();
        });
        run("accept payables", count, concurrency, i -> holder.submit("AcceptPayable", core.id(), "BP-" + run + "-" + i));
        return tokens;
    }

    private static Result run(final String name, final int count, final int concurrency, final Submission submission)
            throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> firstErrors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        ProcessCpu.Snapshot cpuBefore = ProcessCpu.snapshot();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        submission.submit(i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        synchronized (firstErrors) {
                            if (firstErrors.size() < 3) {
                                firstErrors.add(String.valueOf(e));
                            }
                        }
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        Result result = new Result(name, count, System.nanoTime() - start, latencies, failures.get(),
                ProcessCpu.snapshot().since(cpuBefore));
        System.out.printf(Locale.ROOT, "  %-20s %5d tx in %6.1f s (%.1f tx/s)%s%n", name, count, result.wallNanos() / 1e9,
                result.throughput(), failures.get() == 0 ? "" : ", " + failures.get() + " failed: " + firstErrors);
        return result;
    }
}
