package com.scfledger.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl lifetime of a bearer access token issued at login
 * @param bootstrapAdmin a platform admin created at start-up when none with that name exists
 * @param loginRateLimit limits on password login attempts
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed; none by default,
 *                       so the client address is the socket's
 */
@ConfigurationProperties("scf.security")
record SecurityProperties(
        @DefaultValue("PT30M") Duration accessTokenTtl,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue LoginRateLimit loginRateLimit,
        @DefaultValue List<String> trustedProxies) {

    record BootstrapAdmin(String username, String password) {
        boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", password=***]";
        }
    }

    /**
     * Failed logins are throttled per (username, client address); successful ones never count.
     *
     * @param freeFailures failures of one pair that may follow each other at once; after that many it has to wait
     * @param firstDelay the wait after the {@code freeFailures}-th failure; it doubles with each further one
     * @param maxDelay the longest wait
     * @param forgetAfter a pair's failures are forgotten this long after its last failure
     */
    record LoginRateLimit(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("PT2S") Duration firstDelay,
            @DefaultValue("PT15M") Duration maxDelay,
            @DefaultValue("PT1H") Duration forgetAfter) {
    }
}
