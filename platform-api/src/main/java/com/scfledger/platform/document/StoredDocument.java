package com.scfledger.platform.document;

import java.time.Instant;
import java.util.UUID;

/** An uploaded document: what it is, and its SHA-256 (which the owning record's canonical form includes). */
public record StoredDocument(UUID id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
                             String uploadedBy, Instant uploadedAt) {
}
