package com.scfledger.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling: a logged-in user or an ERP API key, always with one role and, except for
 * platform admins and auditors, exactly one enterprise. Every object access is checked against
 * {@link #enterpriseId()}.
 */
public record ScfPrincipal(Kind kind, String subjectId, String name, String enterpriseId, Role role, Set<ApiScope> scopes) {

    public enum Kind { USER, API_KEY }

    public Collection<GrantedAuthority> authorities() {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority(role.authority()));
        scopes.forEach(s -> list.add(new SimpleGrantedAuthority(s.authority())));
        return list;
    }

    /** The namespace of this caller's idempotency keys: its enterprise, or the user itself when it has none. */
    public String idempotencyScope() {
        return enterpriseId != null ? "enterprise:" + enterpriseId : "user:" + subjectId;
    }
}
