package com.scfledger.platform.security;

import java.time.Clock;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.problem.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless security: bearer access tokens (users) or API keys (ERP clients), no session and no
 * cookies (hence no CSRF token). Platform administration needs PLATFORM_ADMIN; everything under
 * /api needs a credential; the health status and the API docs (unless scf.api-docs.enabled is false) are open;
 * health details and metrics are for a platform admin. Every response carries a strict Referrer-Policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens accessTokens, ApiKeys apiKeys,
                                    ProblemWriter problems) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.PLATFORM_ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new CredentialFilter(accessTokens, apiKeys, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(req, res, ApiProblem.of(ProblemCode.UNAUTHENTICATED,
                                    "Authentication required: a Bearer access token or an X-API-Key."));
                        })
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res,
                                ApiProblem.of(ProblemCode.FORBIDDEN, "Not allowed for this caller."))));
        return http.build();
    }

    /**
     * The request firewall's refusal (a header or path it will not pass on, e.g. control bytes in a header value)
     * is the caller's error: a 400 problem, not a container error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ProblemWriter problems) {
        return (req, res, rejected) -> problems.write(req, res, ApiProblem.of(ProblemCode.MALFORMED_REQUEST,
                "The request has a header, path or parameter the API does not accept."));
    }

    /** Authentication is done by {@link CredentialFilter}; this bean only stops Boot from creating a default user. */
    @Bean
    AuthenticationManager noPasswordAuthenticationManager() {
        return authentication -> {
            throw new ProviderNotFoundException("authentication is done by the credential filter");
        };
    }

    @Bean
    LoginRateLimiter loginRateLimiter(Clock clock, SecurityProperties properties) {
        return new LoginRateLimiter(clock, properties.loginRateLimit());
    }

    @Configuration(proxyBeanMethods = false)
    static class Housekeeping {
        private final LoginRateLimiter limiter;

        Housekeeping(LoginRateLimiter limiter) {
            this.limiter = limiter;
        }

        @Scheduled(fixedDelayString = "PT5M")
        void evict() {
            limiter.evictExpired();
        }
    }
}
