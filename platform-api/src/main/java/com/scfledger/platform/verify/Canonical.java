package com.scfledger.platform.verify;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON of an off-chain record, the form whose SHA-256 is anchored on the ledger: object keys sorted
 * (by UTF-16 code units, as RFC 8785), no whitespace, members whose value is null left out, strings escaped
 * minimally ({@code "} {@code \} and control characters), integers only (no floating point: money is minor
 * units), dates as ISO-8601 ({@code 2025-07-10}), instants as ISO-8601 UTC truncated to microseconds (what
 * PostgreSQL keeps). The same bytes come out for the same record, whatever the order it was built in.
 */
public final class Canonical {

    private Canonical() {
    }

    public static String json(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical JSON of the value, lower-case hex. */
    public static String hash(Object value) {
        return sha256Hex(json(value));
    }

    /** The instant as the canonical form writes it (microsecond precision, UTC). */
    public static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Number) {
            throw new IllegalArgumentException("canonical JSON has integers only, not " + value.getClass().getSimpleName());
        } else if (value instanceof LocalDate d) {
            string(out, d.toString());
        } else if (value instanceof Instant i) {
            string(out, instant(i));
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("canonical JSON object keys are strings, not " + k);
                }
                if (v != null && sorted.put(key, v) != null) {
                    throw new IllegalArgumentException("duplicate key " + key);
                }
            });
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey());
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
