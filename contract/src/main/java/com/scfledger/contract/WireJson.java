package com.scfledger.contract;

import java.util.List;
import java.util.function.Function;

/**
 * Renders the few JSON arguments (split outputs, invoice fingerprints) by hand, in the chaincode's canonical form
 * (keys sorted, no whitespace), so that the contract needs no JSON library at run time.
 */
public final class WireJson {

    private WireJson() {
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    public static String string(final String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A JSON array of the elements, each rendered by {@code element}. */
    public static <T> String array(final List<T> elements, final Function<T, String> element) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            json.append(i == 0 ? "" : ",").append(element.apply(elements.get(i)));
        }
        return json.append(']').toString();
    }
}
