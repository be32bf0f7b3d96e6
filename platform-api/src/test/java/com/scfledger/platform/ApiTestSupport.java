package com.scfledger.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the application under test, and the admin calls most tests start with. */
public abstract class ApiTestSupport {

    public static final String ADMIN = "itest-admin";
    public static final String ADMIN_PASSWORD = "itest-admin-password-1";

    public record Response(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    protected Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    protected Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    protected Response post(String path, Object body, String... headers) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(text))
                .header("Content-Type", "application/json"), headers);
    }

    protected Response put(String path, Object body, String... headers) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(text))
                .header("Content-Type", "application/json"), headers);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            // Generous: the first /v3/api-docs is generated on demand and took over 30 s on a loaded 2-core machine.
            // Latency is the benchmarks' business; these tests judge answers.
            HttpResponse<String> r = HTTP.send(builder.timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                node = json.readTree(r.body());
            }
            return new Response(r.statusCode(), r.headers(), r.body(), node);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        }
    }

    protected static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    protected static String[] apiKey(String key) {
        return new String[] {"X-API-Key", key};
    }

    protected String login(String username, String password) {
        Response r = post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().path("accessToken").asString();
    }

    protected String adminToken() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates an enterprise through the admin API and returns its id. */
    protected String createEnterprise(String adminToken, String prefix, String role) {
        String id = unique(prefix);
        Response r = post("/api/v1/admin/enterprises", Map.of("id", id, "name", prefix + " Ltd", "role", role),
                bearer(adminToken));
        if (r.status() != 201) {
            throw new AssertionError("create enterprise: " + r.status() + " " + r.body());
        }
        return id;
    }

    protected String createApiKey(String adminToken, String enterpriseId, String... scopes) {
        Response r = post("/api/v1/admin/enterprises/" + enterpriseId + "/api-keys",
                Map.of("name", "erp", "scopes", java.util.List.of(scopes)), bearer(adminToken));
        if (r.status() != 201) {
            throw new AssertionError("create key: " + r.status() + " " + r.body());
        }
        return r.json().path("apiKey").asString();
    }

    protected String createUser(String adminToken, String enterpriseId, String role) {
        String username = unique("user").toLowerCase();
        Response r = post("/api/v1/admin/enterprises/" + enterpriseId + "/users",
                Map.of("username", username, "password", "correct horse battery", "role", role), bearer(adminToken));
        if (r.status() != 201) {
            throw new AssertionError("create user: " + r.status() + " " + r.body());
        }
        return username;
    }
}
