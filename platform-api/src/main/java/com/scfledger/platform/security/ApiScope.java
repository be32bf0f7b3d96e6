package com.scfledger.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** Scopes granted to ERP API keys (and implied for users by their role). */
public enum ApiScope {
    PAYABLES_READ("payables:read"),
    PAYABLES_WRITE("payables:write"),
    TOKENS_READ("tokens:read"),
    TOKENS_WRITE("tokens:write"),
    FINANCING_WRITE("financing:write");

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

    public static Optional<ApiScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
