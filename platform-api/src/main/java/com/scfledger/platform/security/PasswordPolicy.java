package com.scfledger.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;

/**
 * What a new or changed password must be, after NIST SP 800-63B (5.1.1.2): at least 12 characters (counted as
 * code points), not the username nor containing it (ignoring case), not one of the common passwords of
 * {@code security/common-passwords.txt} (ignoring case), and not one character repeated. No composition rules
 * and no expiry. Each rule refused has its own 400 code. Passwords already stored are not re-checked.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final String COMMON_RESOURCE = "/security/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Refuses {@code password} for {@code username} with the reason of the first rule it breaks. */
    public static void check(String username, String password) {
        String pw = password == null ? "" : password;
        if (pw.codePointCount(0, pw.length()) < MIN_LENGTH) {
            throw new RuleViolation(Reason.PASSWORD_TOO_SHORT,
                    "The password must have at least " + MIN_LENGTH + " characters.");
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            throw new RuleViolation(Reason.PASSWORD_CONTAINS_USERNAME,
                    "The password must not be or contain the username.");
        }
        if (COMMON.contains(lower)) {
            throw new RuleViolation(Reason.PASSWORD_TOO_COMMON,
                    "The password is one of the most common passwords; choose another.");
        }
        int first = pw.codePointAt(0);
        if (pw.codePoints().allMatch(c -> c == first)) {
            throw new RuleViolation(Reason.PASSWORD_REPEATED_CHARACTER,
                    "The password must not be one character repeated.");
        }
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_RESOURCE + " is missing");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
