package com.scfledger.platform.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.verify.Canonical;

/**
 * The write request the current thread serves, as the {@code audit_pending} trigger records it: a fresh id (the
 * client's X-Request-Id may repeat, so it cannot tell requests apart) and the caller as canonical JSON.
 */
final class WriteRequest {

    record Current(String id, String actor) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private WriteRequest() {
    }

    static Current open(ScfPrincipal caller) {
        Current c = new Current(UUID.randomUUID().toString(), caller == null ? null : actor(caller));
        CURRENT.set(c);
        return c;
    }

    /** The request this thread serves, or null (a scheduled job, a read, start-up). */
    static Current current() {
        return CURRENT.get();
    }

    static void close() {
        CURRENT.remove();
    }

    /** The caller as {@link PendingWrites} reads it back (members that are null are left out). */
    static String actor(ScfPrincipal p) {
        Map<String, Object> actor = new HashMap<>();
        actor.put("kind", p.kind().name());
        actor.put("id", p.subjectId());
        actor.put("name", p.name());
        actor.put("role", p.role().name());
        actor.put("enterprise", p.enterpriseId());
        return Canonical.json(actor);
    }
}
