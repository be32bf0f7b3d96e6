package com.scfledger.platform.approval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow refuses: an aggregate, a repository or a service of an approval says why, with a stable code, and
 * knows nothing of HTTP; {@link ApprovalProblems} turns it into a problem response at the edge.
 */
public final class ApprovalRefusal extends RuntimeException {

    /** What kind of refusal it is; the edge chooses the status from it. */
    public enum Kind {
        /** The state graph does not allow the step, or the application is not in a state to be changed. */
        INVALID_TRANSITION,
        /** The checker would be the maker. */
        FOUR_EYES,
        /** The application lacks something it needs (documents). */
        INCOMPLETE,
        /** A rule of one side refuses the step in the current state (e.g. terms differ from the maker's). */
        CONFLICT,
        /** A request value the step cannot use. */
        INVALID_INPUT,
        /** Someone else changed the application since it was loaded. */
        CONCURRENT_UPDATE
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> properties;

    private ApprovalRefusal(Kind kind, String code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.properties = properties;
    }

    public static ApprovalRefusal of(Kind kind, String code, String detail) {
        return new ApprovalRefusal(kind, code, detail, Map.of());
    }

    public static ApprovalRefusal concurrentUpdate(String applicationId) {
        return of(Kind.CONCURRENT_UPDATE, "CONCURRENT_UPDATE", "Application " + applicationId
                + " was changed by someone else meanwhile; reload it and try again.");
    }

    /** The same refusal with one more property for the client (e.g. the current status). */
    public ApprovalRefusal with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.put(name, value);
        return new ApprovalRefusal(kind, code, getMessage(), copy);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
