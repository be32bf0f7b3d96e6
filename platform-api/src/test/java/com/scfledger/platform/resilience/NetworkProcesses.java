package com.scfledger.platform.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes of the test's own Fabric network (its pid files in {@code fabric-network/.run/pids}): stopped,
 * paused and resumed to reproduce outages, and restarted with {@code scripts/network.sh start}. Only for tests run
 * inside the engineer's private network namespace.
 */
final class NetworkProcesses {

    private final Path root;

    private NetworkProcesses(Path root) {
        this.root = root;
    }

    static NetworkProcesses ofThisWorktree() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/network.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/network.sh not found above " + Path.of("").toAbsolutePath());
        }
        return new NetworkProcesses(dir);
    }

    long pid(String process) throws IOException {
        return Long.parseLong(Files.readString(root.resolve("fabric-network/.run/pids/" + process + ".pid")).strip());
    }

    void signal(String process, String signal) throws IOException, InterruptedException {
        run("kill", "-" + signal, Long.toString(pid(process)));
    }

    /** Stops the process for good (until {@link #restartStopped()}), and waits until it is gone. */
    void stop(String process) throws IOException, InterruptedException {
        long pid = pid(process);
        signal(process, "TERM");
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(20, TimeUnit.SECONDS).join());
    }

    /** {@code scripts/network.sh chaincode stop|start ORG}: one organisation's chaincode server. */
    void chaincode(String action, String org) throws IOException, InterruptedException {
        run(root.resolve("scripts/network.sh").toString(), "chaincode", action, org);
    }

    /** Starts whatever of the network is not running. */
    void restartStopped() throws IOException, InterruptedException {
        run(root.resolve("scripts/network.sh").toString(), "start");
    }

    /** {@code scripts/postgres.sh stop} or {@code start}. */
    void postgres(String command) throws IOException, InterruptedException {
        run(root.resolve("scripts/postgres.sh").toString(), command);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("network-process", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                // The script's own last lines say which wait gave up, so a failure is readable from the report.
                List<String> lines = Files.readAllLines(output);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + tail);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
