package com.scfledger.platform.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What every benchmark of the API reads from its environment and needs to make its input, written once. */
final class BenchSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchSupport() {
    }

    static String dbUrl() {
        return env("SCF_DB_URL", "jdbc:postgresql://127.0.0.1:25432/scf");
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A count from the environment, 1 to 100,000. */
    static int intOption(String name, int fallback) {
        int v = Integer.parseInt(env(name, Integer.toString(fallback)));
        if (v < 1 || v > 100_000) {
            throw new IllegalArgumentException(name + " must be 1..100000");
        }
        return v;
    }

    /** Sends the request; a call that fails before an answer ends the benchmark. */
    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        }
    }

    static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
        }
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
