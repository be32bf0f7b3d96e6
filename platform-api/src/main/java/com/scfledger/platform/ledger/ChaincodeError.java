package com.scfledger.platform.ledger;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chaincode's own error, as the peer reports it in the gateway's error details:
 * {@code chaincode response 500, <message>}. The message carries the chaincode's stable error
 * code, either as JSON ({@code {"code":"TOKEN_NOT_ACTIVE","message":"..."}}) or as a leading
 * upper-case word ({@code TOKEN_NOT_ACTIVE: token t1 is SPENT}). A message without a code is
 * reported with the code {@code null}.
 */
record ChaincodeError(String code, String message) {

    private static final Pattern RESPONSE = Pattern.compile("chaincode response (\\d{3}), ?(.*)", Pattern.DOTALL);
    private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z][A-Z0-9_]{2,})(?:\\s*[:\\-]\\s*|\\s+|$)(.*)",
            Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<ChaincodeError> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = RESPONSE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(parseMessage(m.group(2).strip()));
    }

    static ChaincodeError parseMessage(String message) {
        if (message.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(message);
                String code = text(node, "code", "errorCode", "error");
                if (code != null && code.matches("[A-Z][A-Z0-9_]{2,}")) {
                    String msg = text(node, "message", "detail", "msg");
                    return new ChaincodeError(code, msg != null ? msg : message);
                }
            } catch (RuntimeException ignored) {
                // not JSON after all: fall through
            }
        }
        Matcher c = LEADING_CODE.matcher(message);
        if (c.matches()) {
            String rest = c.group(2).strip();
            return new ChaincodeError(c.group(1), rest.isEmpty() ? c.group(1) : rest);
        }
        return new ChaincodeError(null, message);
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isString()) {
                return v.asString();
            }
        }
        return null;
    }
}
