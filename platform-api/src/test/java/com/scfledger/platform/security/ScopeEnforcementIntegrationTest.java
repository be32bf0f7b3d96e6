package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.Test;

/**
 * The running app's {@code /v3/api-docs}: every operation that names a scope, called with an API key of each
 * enterprise role holding all that role's scopes except the operation's, answers 403 problem+json; operations
 * closed to keys (admin, audit) answer 403 to a key holding all its role's scopes.
 */
class ScopeEnforcementIntegrationTest extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyOperationAnswers403ProblemToAKeyWithoutItsScope() throws Exception {
        Map<String, Method> handlers = ScopeCoverageUnitTest.handlers();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode paths = mapper.readTree(call("GET", "/v3/api-docs", null, null).body()).path("paths");
        String admin = adminToken();
        Map<Role, String> enterprises = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ms = path.getValue().fields(); ms.hasNext();) {
                Map.Entry<String, JsonNode> op = ms.next();
                String verb = op.getKey().toUpperCase();
                String operation = verb + " " + path.getKey();
                if (ScopeCoverageUnitTest.SCOPE_FREE.contains(operation)) {
                    continue;
                }
                Method handler = handlers.get(operation);
                assertThat(handler).as(operation).isNotNull();
                Set<ApiScope> named = ScopeCoverageUnitTest.namedScopes(handler);
                String contentType = op.getValue().path("requestBody").path("content").fieldNames().hasNext()
                        ? op.getValue().path("requestBody").path("content").fieldNames().next() : null;
                String uri = path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
                operations++;
                for (Role role : ScopeCoverageUnitTest.KEY_ROLES) {
                    Set<ApiScope> held = role.scopes();
                    held.removeIf(s -> s.implied().stream().anyMatch(named::contains) || named.contains(s));
                    if (held.isEmpty()) {
                        continue;
                    }
                    String enterprise = enterprises.computeIfAbsent(role, r -> createEnterprise(admin, "SCOPE", r.name()));
                    List<String> values = held.stream().map(ApiScope::value).sorted().toList();
                    String key = keys.computeIfAbsent(role + " " + values,
                            k -> createApiKey(admin, enterprise, values.toArray(String[]::new)));
                    HttpResponse<String> r = call(verb, uri, contentType, key);
                    calls++;
                    String ct = r.headers().firstValue("Content-Type").orElse("");
                    if (r.statusCode() != 403 || !ct.startsWith("application/problem+json")) {
                        problems.add(operation + " with a " + role + " key holding " + values + ": " + r.statusCode()
                                + " " + ct + " " + r.body());
                    }
                }
            }
        }
        System.out.println("ScopeEnforcementIntegrationTest: " + operations + " operations, " + calls
                + " calls with keys lacking the operation's scope, " + problems.size() + " not 403 problem+json");
        assertThat(problems).isEmpty();
        assertThat(operations).isGreaterThan(50);
    }

    private HttpResponse<String> call(String verb, String path, String contentType, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (contentType != null && contentType.startsWith("multipart/")) {
            b.header("Content-Type", "multipart/form-data; boundary=xyz");
            body = HttpRequest.BodyPublishers.ofString(
                    "--xyz\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nX\r\n--xyz--\r\n");
        } else if (contentType != null) {
            b.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : "x");
        }
        if (key != null) {
            b.header("X-API-Key", key);
            b.header("Idempotency-Key", "scope-test-1");
        }
        return HTTP.send(b.method(verb, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
