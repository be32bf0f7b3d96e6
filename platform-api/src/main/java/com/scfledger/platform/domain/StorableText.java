package com.scfledger.platform.domain;

/**
 * The one rule for text the platform accepts: PostgreSQL cannot store a NUL character, and a lone UTF-16
 * surrogate has no UTF-8 form (it would be silently replaced). Both are refused at the edge, never stored.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
