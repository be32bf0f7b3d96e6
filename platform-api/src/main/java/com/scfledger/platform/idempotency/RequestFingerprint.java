package com.scfledger.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SHA-256 over the operation, its arguments and the body as canonical JSON (object keys sorted, no whitespace). */
final class RequestFingerprint {

    private final JsonMapper json;

    RequestFingerprint(JsonMapper json) {
        this.json = json;
    }

    byte[] of(IdempotentRequest request) {
        return of(request.operation() + " " + request.arguments(), request.body());
    }

    byte[] of(String operation, Object body) {
        StringBuilder sb = new StringBuilder(operation).append('\n');
        canonical(body == null ? null : json.valueToTree(body), sb);
        try {
            return MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String canonicalJson(Object body) {
        StringBuilder sb = new StringBuilder();
        canonical(body == null ? null : json.valueToTree(body), sb);
        return sb.toString();
    }

    private void canonical(JsonNode node, StringBuilder sb) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            sb.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(json.writeValueAsString(entries.get(i).getKey())).append(':');
                canonical(entries.get(i).getValue(), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            boolean first = true;
            for (JsonNode element : node) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                canonical(element, sb);
            }
            sb.append(']');
        } else {
            sb.append(json.writeValueAsString(node));
        }
    }
}
