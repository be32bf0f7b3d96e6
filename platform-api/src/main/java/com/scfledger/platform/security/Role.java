package com.scfledger.platform.security;

import java.util.EnumSet;
import java.util.Set;

/** What a user (or an ERP key, through its enterprise) may do on the platform. */
public enum Role {
    PLATFORM_ADMIN(EnumSet.noneOf(ApiScope.class)),
    CORE(EnumSet.of(ApiScope.PAYABLES_READ, ApiScope.PAYABLES_WRITE, ApiScope.TOKENS_READ,
            ApiScope.KYC_READ, ApiScope.KYC_WRITE, ApiScope.NOTIFICATIONS_READ)),
    SUPPLIER(EnumSet.of(ApiScope.PAYABLES_READ, ApiScope.TOKENS_READ, ApiScope.TOKENS_WRITE,
            ApiScope.FINANCING_READ, ApiScope.FINANCING_WRITE, ApiScope.DOCUMENTS_READ, ApiScope.KYC_READ, ApiScope.KYC_WRITE,
            ApiScope.NOTIFICATIONS_READ)),
    BANK(EnumSet.of(ApiScope.TOKENS_READ, ApiScope.FINANCING_READ, ApiScope.FINANCING_WRITE, ApiScope.DOCUMENTS_READ,
            ApiScope.KYC_READ, ApiScope.KYC_WRITE, ApiScope.NOTIFICATIONS_READ)),
    AUDITOR(EnumSet.of(ApiScope.PAYABLES_READ, ApiScope.TOKENS_READ));

    private final Set<ApiScope> scopes;

    Role(Set<ApiScope> scopes) {
        this.scopes = scopes;
    }

    /** The scopes a user with this role holds, and the most an API key of such an enterprise may be granted. */
    public Set<ApiScope> scopes() {
        return EnumSet.copyOf(scopes.isEmpty() ? EnumSet.noneOf(ApiScope.class) : scopes);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role that an enterprise's API keys act with; the platform's own enterprise has none. */
    public static Role forEnterpriseRole(String enterpriseRole) {
        return switch (enterpriseRole) {
            case "CORE" -> CORE;
            case "SUPPLIER" -> SUPPLIER;
            case "BANK" -> BANK;
            default -> throw new IllegalArgumentException("no API role for enterprise role " + enterpriseRole);
        };
    }
}
