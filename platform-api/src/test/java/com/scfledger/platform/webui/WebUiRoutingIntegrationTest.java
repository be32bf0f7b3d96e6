package com.scfledger.platform.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/** The UI's routes through the whole server (security chains, resource handlers, problem answers), on a small build. */
@TestPropertySource(properties = "scf.web.dist=target/webui-routing-dist")
class WebUiRoutingIntegrationTest extends IntegrationTestBase {

    private static final Path DIST = Path.of("target/webui-routing-dist");
    private static final String INDEX = "<!doctype html><title>SCF Ledger</title><div id=root></div>";
    private static final String SCRIPT = "export const app = 'the web ui';".repeat(40);

    static {
        try {
            Files.createDirectories(DIST.resolve("assets"));
            Files.writeString(DIST.resolve("index.html"), INDEX);
            Files.writeString(DIST.resolve("assets/index-abc123.js"), SCRIPT);
            Files.write(DIST.resolve("assets/index-abc123.js.gz"), gzip(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/supplier/tokens/4f1c99e2b7a1.0", "/supplier/tokens/4f1c99e2b7a1.1/split",
        "/supplier/financing/FIN-1.0", "/bank/applications/APP-1", "/core/payables/PO-7.json", "/admin/kyc"})
    void everyRouteKindReloadsIntoTheUi(String route) {
        Response r = get(route);
        assertThat(r.status()).as(route).isEqualTo(200);
        assertThat(r.contentType()).as(route).startsWith("text/html");
        assertThat(r.body()).as(route).isEqualTo(INDEX);
    }

    @Test
    void theApiKeepsItsOwnAnswers() {
        Response r = get("/api/v1/tokens/4f1c99e2b7a1.0");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMissingAssetIsA404Problem() {
        Response r = get("/assets/gone-123.js");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void assetsAreSentCompressedWhenTheBrowserAcceptsIt() {
        Response plain = get("/assets/index-abc123.js");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.body()).isEqualTo(SCRIPT);

        Response zipped = get("/assets/index-abc123.js", "Accept-Encoding", "gzip");
        assertThat(zipped.status()).isEqualTo(200);
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(zipped.contentType()).contains("javascript");
    }
}
