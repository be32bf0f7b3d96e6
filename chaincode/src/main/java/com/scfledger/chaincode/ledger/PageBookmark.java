package com.scfledger.chaincode.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import com.scfledger.contract.ErrorCode;

/**
 * A paging bookmark as clients carry it. Fabric's own bookmark is the next composite key, which begins with and
 * separates its parts by NUL characters: no client can carry that through JSON text, a URL or PostgreSQL, and
 * the platform API refuses NUL in any string it reads. On the wire the bookmark is therefore base64url (without
 * padding) of Fabric's: opaque, printable, and decoded here only.
 */
public final class PageBookmark {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    private PageBookmark() {
    }

    /** Fabric's bookmark as a client carries it; empty stays empty (the last page). */
    public static String toWire(final String fabricBookmark) {
        if (fabricBookmark == null || fabricBookmark.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fabricBookmark.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Fabric bookmark a client's bookmark stands for, which must lie inside the scanned range: a bookmark made
     * up to start before {@code rangePrefix} would otherwise list another holder's entries.
     */
    public static String fromWire(final String wire, final String rangePrefix) {
        if (wire == null || wire.isEmpty()) {
            return "";
        }
        String fabric;
        try {
            if (!BASE64URL.matcher(wire).matches()) {
                throw new IllegalArgumentException("not base64url");
            }
            fabric = new String(Base64.getUrlDecoder().decode(wire), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "bookmark is not one a previous page returned");
        }
        if (!fabric.startsWith(rangePrefix)) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "bookmark belongs to another listing");
        }
        return fabric;
    }
}
