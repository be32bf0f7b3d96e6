package com.scfledger.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Scopes granted to ERP API keys (and implied for users by their role). The one list of scopes: every
 * {@code @PreAuthorize} expression names its scope as {@code hasAuthority('SCOPE_<value>')} with a value from here
 * (ScopeCoverageUnitTest checks every operation of the OpenAPI document against it).
 */
public enum ApiScope {
    PAYABLES_READ("payables:read"),
    PAYABLES_WRITE("payables:write"),
    TOKENS_READ("tokens:read"),
    TOKENS_WRITE("tokens:write"),
    FINANCING_READ("financing:read"),
    FINANCING_WRITE("financing:write"),
    KYC_READ("kyc:read"),
    KYC_WRITE("kyc:write"),
    DOCUMENTS_READ("documents:read"),
    NOTIFICATIONS_READ("notifications:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public String authority() {
        return "SCOPE_" + value;
    }

    /**
     * What holding this scope also grants. Keys issued before financing reads were scoped could list and read
     * their applications and download their documents with {@code financing:write}; they keep doing so. Writing
     * KYC implies reading what one wrote.
     */
    public Set<ApiScope> implied() {
        return switch (this) {
            case FINANCING_WRITE -> EnumSet.of(FINANCING_READ, DOCUMENTS_READ);
            case KYC_WRITE -> EnumSet.of(KYC_READ);
            default -> EnumSet.noneOf(ApiScope.class);
        };
    }

    /** The scopes plus those they imply. */
    public static Set<ApiScope> withImplied(Set<ApiScope> scopes) {
        Set<ApiScope> out = EnumSet.noneOf(ApiScope.class);
        scopes.forEach(s -> {
            out.add(s);
            out.addAll(s.implied());
        });
        return out;
    }

    public static Optional<ApiScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
