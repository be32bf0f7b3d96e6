package com.scfledger.platform.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.scfledger.platform.ledger.Org;

/**
 * Puts an organisation's CRL on the channel after the API revoked a certificate at its CA. That is a
 * channel configuration update signed by a majority of the organisations' admins, whose keys the API
 * does not hold (docs/security.md): it runs the command the operators configured
 * ({@code scf.identity.crl-publish-command}, {@code {org}} replaced by the organisation in lower case;
 * locally {@code scripts/network.sh publish-crl --org {org}}), one at a time, off the request thread.
 * Without a command the revocation stays at the CA and a warning names the command to run.
 */
@Component
class CrlPublisher {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);
    private static final long TIMEOUT_SECONDS = 120;

    private final String command;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crl-publisher");
        t.setDaemon(true);
        return t;
    });

    CrlPublisher(IdentityProperties properties) {
        this.command = properties.crlPublishCommand();
    }

    boolean configured() {
        return command != null && !command.isBlank();
    }

    /** Publishes {@code org}'s CRL in the background; the future completes with the command's exit code. */
    Future<Integer> publish(Org org) {
        String orgName = org.name().toLowerCase(Locale.ROOT);
        if (!configured()) {
            log.warn("a certificate of {} was revoked at its CA; it is refused on the channel only once an operator runs "
                    + "scripts/network.sh publish-crl --org {} (no scf.identity.crl-publish-command configured)", org, orgName);
            return java.util.concurrent.CompletableFuture.completedFuture(-1);
        }
        String line = command.replace("{org}", orgName);
        return worker.submit(() -> run(line));
    }

    private static int run(String line) throws IOException, InterruptedException {
        Path output = java.nio.file.Files.createTempFile("crl-publish", ".log");
        try {
            Process p = new ProcessBuilder(List.of("bash", "-c", line)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.error("CRL publication '{}' did not finish within {}s", line, TIMEOUT_SECONDS);
                return -1;
            }
            String text = java.nio.file.Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() == 0) {
                log.info("CRL published on the channel: {}", text.strip().replace('\n', ' '));
            } else {
                log.error("CRL publication '{}' failed ({}): {}", line, p.exitValue(), text.strip());
            }
            return p.exitValue();
        } finally {
            java.nio.file.Files.deleteIfExists(output);
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
