package com.scfledger.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.scfledger.platform.problem.ApiProblem;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CA client against a stand-in CA on loopback that checks what a Fabric CA checks. */
class FabricCaClientUnitTest {

    private static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIBregistrar\n-----END CERTIFICATE-----\n";
    private static final String ISSUED = "-----BEGIN CERTIFICATE-----\nMIIBissued\n-----END CERTIFICATE-----\n";

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<JsonNode> lastBody = new AtomicReference<>();
    private final KeyPair registrarKeys = EnrollmentCrypto.newKeyPair();
    private HttpServer server;
    private FabricCaClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/register", ex -> {
            byte[] body = capture(ex);
            boolean valid = tokenValid(ex.getRequestHeaders().getFirst("Authorization"), "POST", "/api/v1/register", body);
            if (!valid) {
                reply(ex, 401, "{\"success\":false,\"result\":null,\"errors\":[{\"code\":20,\"message\":\"Authentication "
                        + "failure\"}],\"messages\":[]}");
            } else if (lastBody.get().path("id").asString().equals("taken")) {
                reply(ex, 400, "{\"success\":false,\"result\":null,\"errors\":[{\"code\":74,\"message\":\"Identity 'taken' "
                        + "is already registered\"}],\"messages\":[]}");
            } else {
                reply(ex, 201, "{\"success\":true,\"result\":{\"secret\":\"" + lastBody.get().path("secret").asString()
                        + "\"},\"errors\":[],\"messages\":[]}");
            }
        });
        server.createContext("/api/v1/enroll", ex -> {
            capture(ex);
            String b64 = Base64.getEncoder().encodeToString(ISSUED.getBytes(StandardCharsets.UTF_8));
            reply(ex, 201, "{\"success\":true,\"result\":{\"Cert\":\"" + b64
                    + "\",\"ServerInfo\":{\"CAName\":\"ca-core\",\"CAChain\":\"" + b64 + "\"}},\"errors\":[],\"messages\":[]}");
        });
        server.start();
        client = new FabricCaClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, "ca-core", json,
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void registerSendsTheIdentityWithEcertAttributesUnderAValidToken() {
        String secret = client.register(new FabricCaClient.Registrar(CERT, registrarKeys.getPrivate()), "core-1-abcd", "s3cret",
                "client", "", List.of(new FabricCaClient.Attribute("scf.enterpriseId", "CORE-1", true),
                        new FabricCaClient.Attribute("scf.role", "CORE", true)));
        assertThat(secret).isEqualTo("s3cret");
        JsonNode body = lastBody.get();
        assertThat(body.path("id").asString()).isEqualTo("core-1-abcd");
        assertThat(body.path("type").asString()).isEqualTo("client");
        assertThat(body.path("caname").asString()).isEqualTo("ca-core");
        assertThat(body.path("attrs").get(0).path("name").asString()).isEqualTo("scf.enterpriseId");
        assertThat(body.path("attrs").get(0).path("value").asString()).isEqualTo("CORE-1");
        assertThat(body.path("attrs").get(0).path("ecert").asBoolean()).isTrue();
        assertThat(body.path("attrs").get(1).path("name").asString()).isEqualTo("scf.role");
    }

    @Test
    void theCaRefusalIsA502WithItsErrors() {
        assertThatThrownBy(() -> client.register(new FabricCaClient.Registrar(CERT, registrarKeys.getPrivate()), "taken", "s",
                "client", "", List.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(502);
                    assertThat(p.code()).isEqualTo("CA_REJECTED");
                    assertThat(p.detail()).contains("already registered");
                });
    }

    @Test
    void enrollUsesBasicAuthSendsTheCsrAndAttributeRequestsAndDecodesTheCertificate() {
        FabricCaClient.Enrollment e = client.enroll("core-1-abcd", "pw", "-----BEGIN CERTIFICATE REQUEST-----\nX\n",
                List.of("scf.enterpriseId", "scf.role"));
        assertThat(e.certificatePem()).isEqualTo(ISSUED);
        assertThat(e.caChainPem()).isEqualTo(ISSUED);
        assertThat(lastAuthorization.get()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("core-1-abcd:pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(lastBody.get().path("certificate_request").asString()).startsWith("-----BEGIN CERTIFICATE REQUEST");
        assertThat(lastBody.get().path("attr_reqs").get(1).path("name").asString()).isEqualTo("scf.role");
        assertThat(lastBody.get().path("attr_reqs").get(1).path("optional").asBoolean(true)).isFalse();
    }

    @Test
    void anUnreachableCaIsA503WithRetryAfter() {
        server.stop(0);
        FabricCaClient down = new FabricCaClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, null,
                json, Duration.ofSeconds(2));
        assertThatThrownBy(() -> down.enroll("a", "b", "csr", List.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.code()).isEqualTo("CA_UNAVAILABLE");
                    assertThat(p.retryAfterSeconds()).isPositive();
                });
    }

    private byte[] capture(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        lastAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
        lastBody.set(json.readTree(body));
        return body;
    }

    private boolean tokenValid(String token, String method, String uri, byte[] body) {
        try {
            String[] parts = token.split("\\.");
            Base64.Encoder b64 = Base64.getEncoder();
            String payload = method + "." + b64.encodeToString(uri.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(body) + "." + parts[0];
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(registrarKeys.getPublic());
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8).equals(CERT)
                    && s.verify(Base64.getDecoder().decode(parts[1]));
        } catch (Exception e) {
            return false;
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
