package com.scfledger.chaincode.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of the running local network, read from fabric-network/.run/network.env (written by
 * scripts/network.sh up). Environment variables of the same name win, as they do for the API.
 */
public final class NetworkEnv {

    /** The three peer organisations, by the prefix their variables carry in network.env. */
    public enum Org {
        PLATFORM, BANK, CORE;

        String prefix() {
            return "SCF_" + name() + "_";
        }
    }

    private final Map<String, String> values;

    private NetworkEnv(final Map<String, String> values) {
        this.values = values;
    }

    public static NetworkEnv load() {
        Path file = locate();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No network settings at " + file
                    + ": the real Fabric network must be running (scripts/network.sh up) for integration tests");
        }
        Map<String, String> values = new HashMap<>(read(file));
        // These tests play each organisation's operator too (registering identities at its CA), so they also
        // read the organisation's own file, which the API never gets.
        for (Org org : Org.values()) {
            String orgEnv = values.get(org.prefix() + "ORG_ENV");
            if (orgEnv != null && Files.isRegularFile(Path.of(orgEnv))) {
                values.putAll(read(Path.of(orgEnv)));
            }
        }
        values.putAll(System.getenv());
        return new NetworkEnv(values);
    }

    private static Map<String, String> read(final Path file) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** The repository the running network belongs to: network.env is its fabric-network/.run/network.env. */
    public static Path repositoryRoot() {
        return locate().toAbsolutePath().getParent().getParent().getParent();
    }

    private static Path locate() {
        String explicit = System.getenv("SCF_NETWORK_ENV");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        // Maven runs tests in the module directory; the network lives beside it at the repository root.
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("fabric-network"))) {
            dir = dir.getParent();
        }
        return (dir == null ? Path.of("") : dir).resolve("fabric-network/.run/network.env");
    }

    public String get(final String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set in network.env");
        }
        return value;
    }

    public String get(final Org org, final String suffix) {
        return get(org.prefix() + suffix.toUpperCase(Locale.ROOT));
    }

    public String channel() {
        return get("SCF_CHANNEL");
    }

    public String chaincode() {
        return get("SCF_CHAINCODE");
    }

    public Path fabricBin() {
        return Path.of(get("SCF_FABRIC_BIN"));
    }
}
