package com.scfledger.platform.kyc;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code of a Chinese organisation (GB 32100-2015): 18 characters from the alphabet
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z): the registration authority (1), the organisation type (1),
 * the administrative division (6 digits), the organisation code (9) and a check character. The check character
 * is {@code C18 = 31 - (sum of value(Ci) x Wi for i = 1..17) mod 31} (31 becomes 0), with Wi = 3^(i-1) mod 31:
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 */
public final class UnifiedSocialCreditCode {

    /** The code's characters in the order of their values (0-30). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Upper-cased, surrounding spaces removed. */
    static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Why the code is not valid, or empty when it is. Lower case is accepted (see {@link #normalise}). */
    static Optional<String> problem(String raw) {
        String code = normalise(raw);
        if (code == null || code.length() != 18) {
            return Optional.of("must have 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i)
                        + "') is not one of 0-9 and A-Y without I, O, S, V, Z");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("characters 3-8 (the administrative division code) must be digits");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("the check character is " + code.charAt(17) + " but should be " + expected);
        }
        return Optional.empty();
    }

    static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The first 17 characters followed by their check character: a valid code. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** The check character of the first 17 characters. */
    static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
