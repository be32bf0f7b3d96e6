package com.scfledger.platform.financing;

import com.scfledger.platform.security.ScfPrincipal;

/** Who acts (a user id or API key id, and a name), as the timeline records it. */
record Actor(String id, String name) {
    static Actor of(ScfPrincipal p) {
        return new Actor(p.subjectId(), p.name());
    }
}
