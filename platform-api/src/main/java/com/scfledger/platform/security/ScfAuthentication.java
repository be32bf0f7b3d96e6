package com.scfledger.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link ScfPrincipal}; the credential itself is not kept. */
final class ScfAuthentication extends AbstractAuthenticationToken {

    private final ScfPrincipal principal;

    ScfAuthentication(ScfPrincipal principal) {
        super(principal.authorities());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ScfPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
