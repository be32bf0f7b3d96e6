package com.scfledger.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl lifetime of a bearer access token issued at login
 * @param bootstrapAdmin a platform admin created at start-up when none with that name exists
 * @param loginRateLimit limits on password login attempts
 */
@ConfigurationProperties("scf.security")
record SecurityProperties(
        @DefaultValue("PT30M") Duration accessTokenTtl,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue LoginRateLimit loginRateLimit) {

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
     * @param maxFailuresPerUser failed logins of one username tolerated within {@code userWindow}
     * @param maxAttemptsPerClient login attempts (any outcome) from one client address within {@code clientWindow}
     */
    record LoginRateLimit(
            @DefaultValue("5") int maxFailuresPerUser,
            @DefaultValue("PT15M") Duration userWindow,
            @DefaultValue("30") int maxAttemptsPerClient,
            @DefaultValue("PT5M") Duration clientWindow) {
    }
}
