package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every operation of the committed OpenAPI document ({@code platform-web/openapi/api-docs.json}) is matched to its
 * controller method, and its {@link PreAuthorize} is evaluated for an API key of each enterprise role holding all of
 * that role's scopes except the ones the operation names: it must be refused (a 403 problem+json at the edge, see
 * {@code AuthorizeBeforeBinding} and the access-denied handler). Scopes named in expressions must be {@link ApiScope}s;
 * an operation naming none must be closed to every API key. Only the listed scope-free operations are exempt.
 */
class ScopeCoverageUnitTest {

    /**
     * Operations any authenticated caller (or anyone) may call; they hold no enterprise data. A signing session is
     * opened by a write the caller's scopes allowed and is visible to that caller only.
     */
    static final Set<String> SCOPE_FREE = Set.of(
            "POST /api/v1/auth/login", "POST /api/v1/auth/logout", "GET /api/v1/auth/me",
            "GET /api/v1/financing/pricing", "GET /api/v1/ledger-settings", "GET /api/v1/signing-sessions/{sessionId}",
            "POST /api/v1/signing-sessions/{sessionId}/proposal-signature",
            "POST /api/v1/signing-sessions/{sessionId}/transaction-signature");

    static final List<Role> KEY_ROLES = List.of(Role.CORE, Role.SUPPLIER, Role.BANK);
    private static final Pattern SCOPE = Pattern.compile("SCOPE_([a-z]+:[a-z]+)");

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Test
    void everyOperationRefusesAnApiKeyWithoutItsScope() throws Exception {
        Map<String, Method> handlers = handlers();
        JsonNode paths = new ObjectMapper().readTree(new File("../platform-web/openapi/api-docs.json")).path("paths");
        List<String> problems = new ArrayList<>();
        int covered = 0;
        int exempt = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> ms = path.getValue().fieldNames(); ms.hasNext();) {
                String operation = ms.next().toUpperCase() + " " + path.getKey();
                Method handler = handlers.get(operation);
                if (handler == null) {
                    problems.add(operation + ": no controller method");
                    continue;
                }
                if (SCOPE_FREE.contains(operation)) {
                    exempt++;
                    continue;
                }
                String problem = check(operation, handler);
                if (problem != null) {
                    problems.add(problem);
                } else {
                    covered++;
                }
            }
        }
        System.out.println("ScopeCoverageUnitTest: " + covered + " operations refuse API keys lacking their scope; "
                + exempt + " scope-free: " + new TreeSet<>(SCOPE_FREE));
        assertThat(problems).isEmpty();
        assertThat(covered).isGreaterThan(50);
    }

    static PreAuthorize preAuthorize(Method handler) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(handler, PreAuthorize.class);
        return annotation != null ? annotation
                : AnnotatedElementUtils.findMergedAnnotation(handler.getDeclaringClass(), PreAuthorize.class);
    }

    /** The scopes an operation's expression names (unknown ones are left out; the unit test refuses them). */
    static Set<ApiScope> namedScopes(Method handler) {
        Set<ApiScope> named = EnumSet.noneOf(ApiScope.class);
        PreAuthorize annotation = preAuthorize(handler);
        if (annotation != null) {
            Matcher m = SCOPE.matcher(annotation.value());
            while (m.find()) {
                ApiScope.parse(m.group(1)).ifPresent(named::add);
            }
        }
        return named;
    }

    private String check(String operation, Method handler) {
        PreAuthorize annotation = preAuthorize(handler);
        if (annotation == null) {
            return operation + ": no @PreAuthorize";
        }
        Set<ApiScope> named = EnumSet.noneOf(ApiScope.class);
        Matcher m = SCOPE.matcher(annotation.value());
        while (m.find()) {
            String value = m.group(1);
            ApiScope scope = ApiScope.parse(value).orElse(null);
            if (scope == null) {
                return operation + ": unknown scope " + value;
            }
            named.add(scope);
        }
        boolean reachable = false;
        for (Role role : KEY_ROLES) {
            Set<ApiScope> without = role.scopes();
            without.removeAll(named);
            if (granted(handler, role, without) || granted(handler, role, EnumSet.noneOf(ApiScope.class))) {
                return operation + ": a " + role + " key without " + named + " is let through";
            }
            reachable |= granted(handler, role, role.scopes());
        }
        if (!named.isEmpty() && !reachable) {
            return operation + ": names " + named + " but no API key holding them may call it";
        }
        return null;
    }

    private boolean granted(Method handler, Role role, Set<ApiScope> scopes) {
        ScfAuthentication key = new ScfAuthentication(
                new ScfPrincipal(ScfPrincipal.Kind.API_KEY, "key", "erp", "ENT", role, scopes));
        AuthorizationResult result = preAuthorize.authorize(() -> key, new SimpleMethodInvocation(null, handler));
        return result == null || result.isGranted();
    }

    static Map<String, Method> handlers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Method> out = new HashMap<>();
        for (var candidate : scanner.findCandidateComponents("com.scfledger.platform")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScopeCoverageUnitTest.class.getClassLoader());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String[] prefixes = base == null || base.path().length == 0 ? new String[] {""} : base.path();
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] suffixes = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (RequestMethod verb : mapping.method()) {
                    for (String prefix : prefixes) {
                        for (String suffix : suffixes) {
                            out.put(verb.name() + " " + prefix + suffix, method);
                        }
                    }
                }
            }
        }
        return out;
    }
}
