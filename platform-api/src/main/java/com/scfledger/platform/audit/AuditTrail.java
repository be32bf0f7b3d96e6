package com.scfledger.platform.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler adds to the audit entry of the request it serves (on the request's thread): for example the
 * id of a record it created, or the hash of a document it stored. The method, path, path variables, caller,
 * outcome and ledger transaction ids are recorded without it.
 */
public final class AuditTrail {

    private static final ThreadLocal<Map<String, Object>> NOTES = new ThreadLocal<>();

    private AuditTrail() {
    }

    /** Adds a fact to the current request's audit entry (a string, integer or boolean; ignored outside a request). */
    public static void note(String name, Object value) {
        Map<String, Object> notes = NOTES.get();
        if (notes != null && value != null) {
            notes.put(name, value instanceof Number || value instanceof Boolean ? value : value.toString());
        }
    }

    static void open() {
        NOTES.set(new LinkedHashMap<>());
    }

    static Map<String, Object> close() {
        Map<String, Object> notes = NOTES.get();
        NOTES.remove();
        return notes == null ? Map.of() : notes;
    }
}
