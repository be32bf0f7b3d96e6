package com.scfledger.platform.approval;

import com.scfledger.platform.security.ScfPrincipal;

/** Who acts: a user id (or API key id) and a name, as timelines and decisions record them. */
public record Actor(String id, String name) {

    public static Actor of(ScfPrincipal principal) {
        return new Actor(principal.subjectId(), principal.name());
    }

    boolean sameAs(Actor other) {
        return other != null && id.equals(other.id);
    }
}
