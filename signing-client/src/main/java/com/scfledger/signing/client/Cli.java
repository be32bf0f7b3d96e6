package com.scfledger.signing.client;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar scf-signing-client.jar [options] <command> [arguments]}: a system's ledger key in a PKCS#11 token
 * or a PKCS#12 file, used for the platform's offline signing. Commands:
 * <ul>
 *   <li>{@code keygen} — create the key in the store (if the alias is new) and print its public key;</li>
 *   <li>{@code enroll <enrollment-id>} — enroll the key by certificate request; the enterprise becomes SELF;</li>
 *   <li>{@code register-payable <json-file>}, {@code accept <payable-id> <obligor-id>},
 *       {@code settle <payable-id> <payment-reference>} — the payable writes, signed with the key;</li>
 *   <li>{@code call <METHOD> <path> [json-file]} — any other write.</li>
 * </ul>
 * Options (or environment): {@code --api} (SCF_API_URL), {@code --api-key} (SCF_API_KEY), {@code --pkcs11-library}
 * (SCF_PKCS11_LIBRARY), {@code --slot-index}, {@code --pin} (SCF_PKCS11_PIN), or {@code --pkcs12} and
 * {@code --password} (SCF_PKCS12_PASSWORD); {@code --alias} (default scf-ledger); {@code --idempotency-key}.
 */
public final class Cli {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private final PrintStream out;

    private Cli(String[] args, PrintStream out) {
        this.out = out;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                arguments.add(args[i]);
            }
        }
    }

    public static void main(String[] args) {
        try {
            System.exit(new Cli(args, System.out).run());
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            System.err.println("scf-signing-client: " + e.getMessage());
            System.exit(2);
        }
    }

    int run() throws IOException {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command is needed: keygen, enroll, register-payable, accept, settle, call");
        }
        String command = arguments.get(0);
        LedgerKey key = key("keygen".equals(command));
        if ("keygen".equals(command)) {
            out.println("key " + option("alias", null, "scf-ledger") + " in " + key + ", public key SHA-256 "
                    + HexFormat.of().formatHex(sha256(key.publicKey().getEncoded())));
            return 0;
        }
        ScfApiClient api = new ScfApiClient(URI.create(option("api", "SCF_API_URL", "http://127.0.0.1:8080")),
                "X-API-Key", require("api-key", "SCF_API_KEY"), key);
        String idempotencyKey = option("idempotency-key", null, UUID.randomUUID().toString());
        return switch (command) {
            case "enroll" -> report(api.enroll(argument(1, "enrollment id")));
            case "register-payable" -> report(api.write("POST", "/api/v1/payables", read(argument(1, "json file")),
                    idempotencyKey));
            case "accept" -> report(api.write("POST", "/api/v1/payables/" + argument(1, "payable id")
                    + "/accept?obligorId=" + argument(2, "obligor id"), null, idempotencyKey));
            case "settle" -> report(api.write("POST", "/api/v1/payables/" + argument(1, "payable id") + "/settle",
                    ScfApiClient.json(Map.of("paymentReference", argument(2, "payment reference"))), idempotencyKey));
            case "call" -> report(api.write(argument(1, "method"), argument(2, "path"),
                    arguments.size() > 3 ? read(arguments.get(3)) : null, idempotencyKey));
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private LedgerKey key(boolean create) {
        String alias = option("alias", null, "scf-ledger");
        String library = option("pkcs11-library", "SCF_PKCS11_LIBRARY", null);
        if (library != null) {
            return KeyStores.pkcs11(Path.of(library), Integer.parseInt(option("slot-index", null, "0")),
                    require("pin", "SCF_PKCS11_PIN").toCharArray(), alias, create);
        }
        String file = option("pkcs12", null, null);
        if (file != null) {
            return KeyStores.pkcs12(Path.of(file), require("password", "SCF_PKCS12_PASSWORD").toCharArray(), alias,
                    create);
        }
        throw new IllegalArgumentException("say where the key is: --pkcs11-library or --pkcs12");
    }

    private int report(ScfApiClient.Answer answer) {
        out.println(answer.status() + " " + answer.raw());
        return answer.status() / 100 == 2 ? 0 : 1;
    }

    private int report(ScfApiClient.Write write) {
        write.steps().forEach(step -> out.println("  " + step));
        out.printf("  %d signature(s), %.1f ms signing%n", write.signatures(), write.signingNanos() / 1e6);
        return report(write.answer());
    }

    private String argument(int index, String what) {
        if (arguments.size() <= index) {
            throw new IllegalArgumentException(arguments.get(0) + " needs the " + what);
        }
        return arguments.get(index);
    }

    private String option(String name, String environment, String fallback) {
        String value = options.get(name);
        if (value == null && environment != null) {
            value = System.getenv(environment);
        }
        return value == null ? fallback : value;
    }

    private String require(String name, String environment) {
        String value = option(name, environment, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + (environment == null ? "" : " (or " + environment + ")")
                    + " is needed");
        }
        return value;
    }

    private static String read(String file) throws IOException {
        return "-".equals(file) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
