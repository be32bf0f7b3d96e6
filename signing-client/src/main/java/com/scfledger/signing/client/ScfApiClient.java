package com.scfledger.signing.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Speaks the platform's offline-signing protocol (docs/integration-guide.md, "Signing with your own key"): any
 * write may answer 202 with a signing session; the client signs the proposal, then the endorsed transaction, and the
 * last answer is the write's own. Every step's HTTP exchange and the time spent signing are reported.
 */
public final class ScfApiClient {

    /** One HTTP answer. */
    public record Answer(int status, JsonNode body, String raw) {
    }

    /** The final answer of a write, with what it took: signatures made and the time spent making them. */
    public record Write(Answer answer, List<String> steps, int signatures, long signingNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String[] credentials;
    private final LedgerKey key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param credentials an auth header name and value, e.g. {@code X-API-Key} and the key */
    public ScfApiClient(URI base, String credentialHeader, String credential, LedgerKey key) {
        this.base = base;
        this.credentials = new String[] {credentialHeader, credential};
        this.key = key;
    }

    /** Enrolls the key by certificate request; the enterprise then holds its own keys. */
    public Answer enroll(String enrollmentId) {
        return send("POST", "/api/v1/self-custody/certificate-requests",
                json(Map.of("csr", CertificateRequests.pem(enrollmentId, key))), null);
    }

    /** Sends a write, signing each step it asks for, until the write answers with something other than 202. */
    public Write write(String method, String path, String body, String idempotencyKey) {
        List<String> steps = new ArrayList<>();
        int signatures = 0;
        long signingNanos = 0;
        Answer answer = send(method, path, body, idempotencyKey);
        steps.add(method + " " + path + " -> " + answer.status());
        JsonNode session = answer.status() == 202 ? answer.body().path("signingSession") : null;
        while (session != null) {
            long start = System.nanoTime();
            String signature = Base64.getEncoder().encodeToString(
                    key.sign(Base64.getDecoder().decode(session.path("bytes").asText())));
            signingNanos += System.nanoTime() - start;
            signatures++;
            String url = session.path("signatureUrl").asText();
            answer = send("POST", url, json(Map.of("signature", signature)), null);
            steps.add("sign " + session.path("step").asText() + " of " + session.path("transaction").asText() + " "
                    + session.path("transactionId").asText() + " -> " + answer.status());
            if (answer.status() == 200 && "TRANSACTION".equals(answer.body().path("step").asText())) {
                session = answer.body();
            } else if (answer.status() == 202) {
                session = answer.body().path("signingSession");
            } else {
                session = null;
            }
        }
        return new Write(answer, steps, signatures, signingNanos);
    }

    public Answer send(String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90))
                .header(credentials[0], credentials[1])
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isEmpty() ? JSON.nullNode() : readOrText(response.body());
            return new Answer(response.statusCode(), node, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the platform at " + base + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
