package com.scfledger.platform.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one Fabric CA's REST API (https, trusting only that CA's TLS CA certificate):
 * {@code POST /api/v1/enroll} with HTTP basic auth and a CSR, {@code POST /api/v1/register} and
 * {@code POST /api/v1/revoke} with the registrar's token authorization. Secrets and keys are never logged.
 */
class FabricCaClient {

    /** An enrolled identity able to call the CA: its certificate (PEM) and private key. */
    record Registrar(String certificatePem, PrivateKey privateKey) {
        @Override
        public String toString() {
            return "Registrar[privateKey=***]";
        }
    }

    record Attribute(String name, String value, boolean ecert) {
    }

    record Enrollment(String certificatePem, String caChainPem) {
    }

    private final URI baseUrl;
    private final String caName;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    FabricCaClient(URI baseUrl, Path tlsCaPem, String caName, JsonMapper json, Duration timeout) {
        this.baseUrl = baseUrl;
        this.caName = caName;
        this.json = json;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if ("https".equalsIgnoreCase(baseUrl.getScheme())) {
            builder.sslContext(sslContext(tlsCaPem));
        }
        this.http = builder.build();
    }

    private static SSLContext sslContext(Path tlsCaPem) {
        if (tlsCaPem == null) {
            throw new IllegalStateException("the CA's TLS CA certificate (SCF_<ORG>_CA_TLS_CA) is required for https");
        }
        try (InputStream in = Files.newInputStream(tlsCaPem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the CA's TLS CA certificate " + tlsCaPem + ": " + e.getMessage(), e);
        }
    }

    /** Enrolls with an id and secret, sending a CSR; asks for the named attributes to be in the certificate. */
    Enrollment enroll(String enrollmentId, String secret, String csrPem, List<String> requiredAttributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificate_request", csrPem);
        if (caName != null && !caName.isBlank()) {
            body.put("caname", caName);
        }
        if (!requiredAttributes.isEmpty()) {
            List<Map<String, Object>> reqs = new ArrayList<>();
            requiredAttributes.forEach(a -> reqs.add(Map.of("name", a, "optional", false)));
            body.put("attr_reqs", reqs);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        String basic = Base64.getEncoder().encodeToString((enrollmentId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        JsonNode result = call("/api/v1/enroll", bytes, "Basic " + basic);
        String cert = result.path("Cert").asString(null);
        if (cert == null) {
            throw ApiProblem.of(ProblemCode.CA_BAD_RESPONSE, "The Fabric CA's enroll answer has no certificate.");
        }
        String chain = result.path("ServerInfo").path("CAChain").asString(null);
        return new Enrollment(EnrollmentCrypto.readPem(cert), chain == null ? null : EnrollmentCrypto.readPem(chain));
    }

    /** Registers a new identity as the registrar; returns the enrollment secret. */
    String register(Registrar registrar, String enrollmentId, String secret, String type, String affiliation,
                    List<Attribute> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", enrollmentId);
        body.put("type", type);
        body.put("secret", secret);
        body.put("affiliation", affiliation == null ? "" : affiliation);
        body.put("max_enrollments", 1);
        List<Map<String, Object>> attrs = new ArrayList<>();
        attributes.forEach(a -> attrs.add(Map.of("name", a.name(), "value", a.value(), "ecert", a.ecert())));
        body.put("attrs", attrs);
        if (caName != null && !caName.isBlank()) {
            body.put("caname", caName);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        String token = EnrollmentCrypto.caToken(registrar.certificatePem(), registrar.privateKey(), "POST",
                "/api/v1/register", bytes);
        JsonNode result = call("/api/v1/register", bytes, token);
        return result.path("secret").asString(secret);
    }

    /**
     * Revokes every certificate of {@code enrollmentId} as the registrar (which must hold hf.Revoker). The CA's
     * CRL then lists them; putting that CRL on the channel is {@link CrlPublisher}'s part.
     */
    void revoke(Registrar registrar, String enrollmentId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", enrollmentId);
        body.put("reason", reason);
        if (caName != null && !caName.isBlank()) {
            body.put("caname", caName);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        String token = EnrollmentCrypto.caToken(registrar.certificatePem(), registrar.privateKey(), "POST",
                "/api/v1/revoke", bytes);
        call("/api/v1/revoke", bytes, token);
    }

    private JsonNode call(String path, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException | ConnectException e) {
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw ApiProblem.of(ProblemCode.CA_BAD_RESPONSE, "The Fabric CA answered " + response.statusCode()
                    + " with a body that is not JSON.");
        }
        if (response.statusCode() / 100 != 2 || !node.path("success").asBoolean(false)) {
            List<String> errors = new ArrayList<>();
            node.path("errors").forEach(e -> errors.add(e.path("code").asString("") + " " + e.path("message").asString("")));
            throw ApiProblem.of(ProblemCode.CA_REJECTED, "The Fabric CA refused " + path + " (" + response.statusCode() + "): "
                    + String.join("; ", errors)).with("caErrors", errors);
        }
        return node.path("result");
    }

    private ApiProblem unavailable(Exception e) {
        return ApiProblem.of(ProblemCode.CA_UNAVAILABLE, "The Fabric CA at " + baseUrl + " could not be reached.")
                .retryAfter(5).causedBy(e);
    }
}
