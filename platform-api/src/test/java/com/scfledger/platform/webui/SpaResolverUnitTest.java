package com.scfledger.platform.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

class SpaResolverUnitTest {

    @TempDir
    Path dist;

    private WebUiConfiguration.SpaResolver resolver;
    private Resource location;

    @BeforeEach
    void build() throws IOException {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><div id=root></div>");
        Files.writeString(dist.resolve("favicon.svg"), "<svg/>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc123.js"), "console.log(1)");
        resolver = new WebUiConfiguration.SpaResolver(dist);
        location = new FileSystemResource(dist.toString() + "/");
    }

    private String resolve(String path) throws IOException {
        Resource r = resolver.getResource(path, location);
        return r == null ? null : r.getFilename();
    }

    /** Every kind of route the UI has, with ids that look like file names: a reload must get the UI. */
    @ParameterizedTest
    @ValueSource(strings = {
        "login", "supplier", "supplier/tokens", "supplier/tokens/4f1c99e2b7.0", "supplier/tokens/4f1c99e2b7.1/split",
        "supplier/financing/new", "supplier/financing/FIN-7.0", "bank", "bank/applications/APP.2026.1",
        "bank/portfolio", "core/payables", "core/payables/PO-7.json", "core/payables/new", "core/import",
        "core/calendar", "admin/enterprises", "admin/kyc", "auditor/tokens/abc.0/history", "no/such/page.js"})
    void aUiRouteAnswersTheIndexPage(String route) throws IOException {
        assertThat(resolve(route)).isEqualTo("index.html");
    }

    @Test
    void aRealFileIsServedAsItself() throws IOException {
        assertThat(resolve("favicon.svg")).isEqualTo("favicon.svg");
        assertThat(resolve("assets/index-abc123.js")).isEqualTo("index-abc123.js");
        assertThat(resolve("index.html")).isEqualTo("index.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"assets/gone-123.js", "assets/deep/gone.css", "robots.txt", "favicon.ico"})
    void aMissingFileStaysMissing(String path) throws IOException {
        assertThat(resolve(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/v1/tokens/abc.0", "v3/api-docs", "actuator/health", "swagger-ui/index.html", "error"})
    void theApisPathsAreNeverTheUi(String path) throws IOException {
        assertThat(resolve(path)).isNull();
    }
}
