package com.scfledger.platform.webui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web UI's production build (platform-web/dist) at {@code /}.
 *
 * <ul>
 *   <li>The folder is {@code scf.web.dist} when set; otherwise {@code platform-web/dist} searched from the working
 *       directory upwards (so it is found whether the API starts from the repository root or from platform-api/).</li>
 *   <li>Only the build's real files are files. A GET for any other path outside {@code /api}, {@code /actuator},
 *       {@code /v3}, {@code /swagger-ui} and {@code /error} answers {@code index.html} when it has more than one
 *       segment, whatever its last segment holds: the UI's routes survive a reload and a deep link even when an id
 *       looks like a file name ({@code /supplier/tokens/4f1c….0}, {@code /core/payables/PO-7.json}). A missing
 *       {@code /assets/…} file and a missing file at the top ({@code /robots.txt}) stay a 404 problem; a top-level
 *       route ({@code /login}) has no dot.</li>
 *   <li>Files are sent pre-compressed when the browser accepts it: the build writes {@code .br} and {@code .gz}
 *       beside each file and the resolver picks one, with {@code Content-Encoding} and {@code Vary}.</li>
 *   <li>These GETs go through their own security chain that permits them without a credential (the UI's files are
 *       public; the data behind them is not). The API's chain is untouched and still guards every other path.</li>
 *   <li>{@code /assets/*} are content-hashed by Vite and cached for a year; {@code index.html} is never cached.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class WebUiConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebUiConfiguration.class);

    /** Paths that belong to the API and its tooling: never the UI, never forwarded to index.html. */
    static final List<String> API_PREFIXES = List.of("/api", "/actuator", "/v3", "/swagger-ui", "/error");

    /** What the UI's pages need: scripts and styles from this origin, inline styles (Ant Design's CSS-in-JS), data: images. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private final Path dist;

    public WebUiConfiguration(@Value("${scf.web.dist:}") String configured) {
        this.dist = resolveDist(configured, Path.of("").toAbsolutePath());
        if (Files.isRegularFile(dist.resolve("index.html"))) {
            log.info("Web UI served at / from {}", dist);
        } else {
            log.info("No web UI build at {} (set scf.web.dist or run npm run build in platform-web); / answers 404", dist);
        }
    }

    /** The configured folder (relative to the working directory), or platform-web/dist found from {@code cwd} upwards. */
    static Path resolveDist(String configured, Path cwd) {
        if (configured != null && !configured.isBlank()) {
            return cwd.resolve(configured.trim()).normalize();
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("platform-web").resolve("dist");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        Path sibling = cwd.resolve("../platform-web/dist").normalize();
        return Files.isDirectory(cwd.resolve("../platform-web")) ? sibling : cwd.resolve("platform-web/dist").normalize();
    }

    Path dist() {
        return dist;
    }

    static boolean isApiPath(String path) {
        for (String prefix : API_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                return true;
            }
        }
        return path.startsWith("/swagger-ui");
    }

    /** GET or HEAD of a path outside the API: the UI's files and routes. */
    static final RequestMatcher UI_REQUESTS = (HttpServletRequest request) -> {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !isApiPath(path);
    };

    /** Lets anyone load the UI's files and routes; ordered before the API's chain, which keeps everything else. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webUiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(UI_REQUESTS)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h.cacheControl(c -> c.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** The resource handler cannot serve an empty path (and a forward keeps the original path): "/" answers the index page
     * here. */
    @Bean
    RouterFunction<ServerResponse> webUiRoot() {
        return RouterFunctions.route(RequestPredicates.GET("/"), request -> {
            FileSystemResource index = new FileSystemResource(dist.resolve("index.html"));
            if (!index.isReadable()) {
                throw new NoResourceFoundException(HttpMethod.GET, "/", "index.html");
            }
            return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(index);
        });
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location = dist.toUri().toString();
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(location + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(false)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations(location)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new SpaResolver(dist));
    }

    /** A file of the build when it exists; index.html for a UI route; nothing (404) for a missing file. */
    static final class SpaResolver extends PathResourceResolver {
        private final Path dist;

        SpaResolver(Path dist) {
            this.dist = dist;
        }

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            if (isApiPath("/" + resourcePath)) {
                return null;
            }
            Resource file = super.getResource(resourcePath, location);
            if (file != null) {
                return file;
            }
            if (isMissingFile(resourcePath)) {
                return null;
            }
            FileSystemResource index = new FileSystemResource(dist.resolve("index.html"));
            return index.isReadable() ? index : null;
        }

        /**
         * A path that can only name a file of the build: under assets/ (Vite's output), or a single segment with a
         * dot (favicon.svg, robots.txt). Every deeper path is a UI route, whatever its ids hold.
         */
        static boolean isMissingFile(String resourcePath) {
            String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
            if (path.toLowerCase(Locale.ROOT).startsWith("assets/")) {
                return true;
            }
            return !path.contains("/") && path.contains(".");
        }
    }
}
