package com.scfledger.chaincode.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Registers and enrolls identities at run time from an organisation's Fabric CA, with attributes that the
 * chaincode reads from the certificate. Uses Fabric's own fabric-ca-client with the CA's registrar, which
 * scripts/network.sh enrolled; the platform API has its own REST client for the same job.
 */
public final class CaEnrollment {

    private final NetworkEnv env;
    private final Path workDir;

    public CaEnrollment(final NetworkEnv env, final Path workDir) {
        this.env = env;
        this.workDir = workDir;
    }

    /**
     * Registers {@code enrollmentId} as a client of {@code org}'s CA with the given certificate attributes,
     * then enrolls it. Each call needs a fresh id: the CA refuses a second registration of the same one.
     */
    public EnrolledIdentity enroll(final NetworkEnv.Org org, final String enrollmentId, final Map<String, String> attributes) {
        String secret = "pw-" + enrollmentId;
        String caUrl = env.get(org, "CA_URL");
        String caName = env.get(org, "CA_NAME");
        String tlsCa = env.get(org, "CA_TLS_CA");

        List<String> register = new ArrayList<>(List.of(
                client(), "register", "-H", env.get(org, "CA_REGISTRAR_HOME"), "-u", caUrl, "--caname", caName,
                "--tls.certfiles", tlsCa, "--id.name", enrollmentId, "--id.secret", secret, "--id.type", "client"));
        if (!attributes.isEmpty()) {
            register.add("--id.attrs");
            register.add(attributes.entrySet().stream()
                    .map(a -> a.getKey() + "=" + a.getValue() + ":ecert")
                    .collect(Collectors.joining(",")));
        }
        run(register);

        Path home = workDir.resolve(enrollmentId);
        String url = caUrl.replace("https://", "https://" + enrollmentId + ":" + secret + "@");
        run(List.of(client(), "enroll", "-H", home.toString(), "-u", url, "--caname", caName, "--tls.certfiles", tlsCa));
        return new EnrolledIdentity(enrollmentId, env.get(org, "MSP_ID"),
                home.resolve("msp/signcerts/cert.pem"), onlyFileIn(home.resolve("msp/keystore")));
    }

    private String client() {
        return env.fabricBin().resolve("fabric-ca-client").toString();
    }

    private static Path onlyFileIn(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no private key in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(final List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("fabric-ca-client " + command.get(1) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
