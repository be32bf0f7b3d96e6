package com.scfledger.platform.approval;

import java.util.List;
import java.util.Locale;

import com.scfledger.platform.domain.InvalidInput;

/** Reads the {@code kind} of an uploaded document as one of an application's document kinds. */
public final class DocumentKinds {

    private DocumentKinds() {
    }

    public static <K extends Enum<K>> K parse(Class<K> kinds, String kind) {
        try {
            return Enum.valueOf(kinds, kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "must be one of " + List.of(kinds.getEnumConstants()));
        }
    }
}
