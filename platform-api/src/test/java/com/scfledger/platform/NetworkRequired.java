package com.scfledger.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests against the real Fabric network need it running: without {@code fabric-network/.run/network.env}
 * or with PlatformOrg's peer not listening they fail at once, saying how to start it.
 */
public class NetworkRequired implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path env = networkEnv();
        if (env == null) {
            throw new IllegalStateException("fabric-network/.run/network.env not found from " + Path.of("").toAbsolutePath()
                    + ": start the network with `scripts/network.sh up`.");
        }
        String endpoint = Files.readAllLines(env, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("SCF_PLATFORM_PEER_ENDPOINT="))
                .map(l -> l.substring(l.indexOf('=') + 1).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException(env + " has no SCF_PLATFORM_PEER_ENDPOINT"));
        int colon = endpoint.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))), 3000);
        } catch (IOException e) {
            throw new IllegalStateException("PlatformOrg's peer is not listening at " + endpoint + " (" + e.getMessage()
                    + "): start the network with `scripts/network.sh start` (or `up`).", e);
        }
    }

    static Path networkEnv() {
        String given = System.getenv("SCF_NETWORK_ENV");
        if (given != null && !given.isBlank() && Files.isRegularFile(Path.of(given))) {
            return Path.of(given); // an already running network elsewhere, as scripts/test.sh allows
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("fabric-network/.run/network.env");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
