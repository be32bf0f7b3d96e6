package com.scfledger.platform.ledger;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the network's sourceable {@code KEY=VALUE} file: blank lines and {@code #} comments are
 * skipped, an {@code export } prefix is allowed, values may be single- or double-quoted. No shell
 * expansion is done. A lookup function (the environment) overrides any key. Relative paths are
 * taken relative to the file's directory.
 */
final class NetworkEnv {

    static final String DEFAULT_RELATIVE_PATH = "fabric-network/.run/network.env";

    private NetworkEnv() {
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            values.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).strip() : v;
    }

    /** Finds {@code fabric-network/.run/network.env} in the working directory or one of its parents. */
    static Path discover(Path start) {
        Path dir = start.toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return start.toAbsolutePath().resolve(DEFAULT_RELATIVE_PATH);
    }

    static FabricNetwork load(Path file, UnaryOperator<String> override) {
        Map<String, String> values = new LinkedHashMap<>();
        String source = "environment";
        if (file != null && Files.isRegularFile(file)) {
            try {
                values.putAll(parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
                source = file.toString();
            } catch (IOException e) {
                source = file + " (unreadable: " + e.getMessage() + ")";
            }
        }
        Path base = file != null && file.getParent() != null ? file.getParent() : Path.of(".");
        readRegistrars(values, override, base);
        UnaryOperator<String> get = key -> {
            String o = override.apply(key);
            return o != null && !o.isBlank() ? o : values.get(key);
        };
        List<String> problems = new ArrayList<>();
        if (values.isEmpty()) {
            problems.add("no network settings file at " + file);
        }
        Map<Org, OrgSettings> orgs = new EnumMap<>(Org.class);
        for (Org org : Org.values()) {
            String p = "SCF_" + org.name() + "_";
            String mspId = get.apply(p + "MSP_ID");
            String endpoint = get.apply(p + "PEER_ENDPOINT");
            String tlsCa = get.apply(p + "PEER_TLS_CA");
            if (mspId == null || endpoint == null || tlsCa == null) {
                problems.add(org.name().toLowerCase(Locale.ROOT) + ": " + p + "MSP_ID, " + p + "PEER_ENDPOINT and "
                        + p + "PEER_TLS_CA are required");
                continue;
            }
            String caUrl = get.apply(p + "CA_URL");
            orgs.put(org, new OrgSettings(org, mspId, endpoint, path(base, tlsCa), get.apply(p + "PEER_HOST_ALIAS"),
                    caUrl == null ? null : URI.create(caUrl),
                    path(base, get.apply(p + "CA_TLS_CA")), get.apply(p + "CA_ADMIN"), get.apply(p + "CA_ADMIN_SECRET"),
                    get.apply(p + "CA_NAME"), get.apply(p + "CA_AFFILIATION")));
        }
        String channel = orDefault(get.apply("SCF_CHANNEL"), "scf");
        String chaincode = orDefault(get.apply("SCF_CHAINCODE"), "scf");
        Path clientCert = path(base, get.apply("SCF_CLIENT_TLS_CERT"));
        Path clientKey = path(base, get.apply("SCF_CLIENT_TLS_KEY"));
        ClientTls clientTls = clientCert != null && clientKey != null ? new ClientTls(clientCert, clientKey) : null;
        return new FabricNetwork(source, channel, chaincode, orgs, clientTls, problems);
    }

    /**
     * The CA registrars the API may use live in a file of their own (SCF_CA_REGISTRARS_FILE), not in
     * network.env; their keys fill in what network.env and the environment leave unset.
     */
    private static void readRegistrars(Map<String, String> values, UnaryOperator<String> override, Path base) {
        String named = override.apply("SCF_CA_REGISTRARS_FILE");
        Path file = path(base, named != null && !named.isBlank() ? named : values.get("SCF_CA_REGISTRARS_FILE"));
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            parse(Files.readAllLines(file, StandardCharsets.UTF_8)).forEach(values::putIfAbsent);
        } catch (IOException e) {
            // The API then answers CA_NOT_CONFIGURED for enrolments, which names the missing settings.
        }
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    private static Path path(Path base, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }
}
