package com.scfledger.platform.document;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.verify.Canonical;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of KYC and financing applications, kept in PostgreSQL with their SHA-256. An upload is checked
 * completely (not empty, not too large, a PDF, PNG or JPEG by its magic bytes and built like one, an extension
 * that agrees) before anything is written, and written in one statement, so a refused upload leaves nothing behind.
 */
@Service
@EnableConfigurationProperties(DocumentProperties.class)
public class Documents {

    public enum Owner { KYC, FINANCING }

    /** A document's bytes, for download. */
    public record Content(StoredDocument document, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DocumentProperties properties;

    Documents(JdbcClient jdbc, Clock clock, DocumentProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public long maxBytes() {
        return properties.maxBytes();
    }

    /** A checked upload, not yet stored. */
    public record Upload(String fileName, DocumentType type, byte[] bytes, String sha256) {
    }

    /** Checks an uploaded file; throws the problem that explains why it is refused. */
    public Upload check(MultipartFile file) {
        if (file == null) {
            throw new RuleViolation(Reason.DOCUMENT_MISSING, "Send the document as the multipart part named 'file'.");
        }
        String name = fileName(file.getOriginalFilename());
        if (file.getSize() > properties.maxBytes()) {
            throw tooLarge(file.getSize());
        }
        byte[] bytes = read(file);
        return check(name, bytes);
    }

    /** Checks content and name (see {@link #check(MultipartFile)}). */
    Upload check(String fileName, byte[] bytes) {
        String name = fileName(fileName);
        if (bytes.length == 0) {
            throw new RuleViolation(Reason.DOCUMENT_EMPTY, "The file " + name + " is empty.");
        }
        if (bytes.length > properties.maxBytes()) {
            throw tooLarge(bytes.length);
        }
        DocumentType type = DocumentType.sniff(bytes).orElseThrow(() -> new RuleViolation(Reason.DOCUMENT_TYPE_NOT_ALLOWED,
                "The content of " + name + " is not a " + DocumentType.allowed() + " file (checked by its leading bytes)."));
        Optional<String> ext = DocumentType.extension(name);
        if (ext.isPresent() && !type.acceptsExtension(ext.get())) {
            throw new RuleViolation(Reason.DOCUMENT_TYPE_MISMATCH, "The file " + name + " is named ." + ext.get()
                    + " but its content is " + type + ".");
        }
        String malformed = type.structuralProblem(bytes);
        if (malformed != null) {
            throw new RuleViolation(Reason.DOCUMENT_MALFORMED, "The file " + name + " starts like a " + type
                    + " but is not a complete, well-formed one: " + malformed + ".");
        }
        return new Upload(name, type, bytes, Canonical.sha256Hex(bytes));
    }

    /** Stores a checked upload (one INSERT: the row, its bytes and its hash together). */
    public StoredDocument store(Owner owner, String ownerId, String kind, Upload upload, String uploadedBy) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                INSERT INTO documents (id, owner_type, owner_id, kind, file_name, content_type, size_bytes, sha256, content,
                                       uploaded_by, uploaded_at)
                VALUES (:id, :ot, :oid, :kind, :name, :ct, :size, :sha, :content, :by, :at)""")
                .param("id", id).param("ot", owner.name()).param("oid", ownerId).param("kind", kind)
                .param("name", upload.fileName()).param("ct", upload.type().contentType())
                .param("size", (long) upload.bytes().length).param("sha", upload.sha256())
                .param("content", upload.bytes()).param("by", uploadedBy).param("at", Timestamp.from(now))
                .update();
        return new StoredDocument(id, kind, upload.fileName(), upload.type().contentType(), upload.bytes().length,
                upload.sha256(), uploadedBy, now);
    }

    public List<StoredDocument> list(Owner owner, String ownerId) {
        return jdbc.sql("""
                SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM documents
                WHERE owner_type = :ot AND owner_id = :oid ORDER BY uploaded_at, id""")
                .param("ot", owner.name()).param("oid", ownerId).query(Documents::map).list();
    }

    /**
     * The documents as their canonical form names them, each with the SHA-256 of its bytes as PostgreSQL holds them
     * now (recomputed, not the stored column), so that a swapped file shows as tampering too.
     */
    public List<StoredDocument> listRehashed(Owner owner, String ownerId) {
        return jdbc.sql("""
                SELECT id, kind, file_name, content_type, octet_length(content) AS size_bytes,
                       encode(sha256(content), 'hex') AS sha256, uploaded_by, uploaded_at FROM documents
                WHERE owner_type = :ot AND owner_id = :oid ORDER BY uploaded_at, id""")
                .param("ot", owner.name()).param("oid", ownerId).query(Documents::map).list();
    }

    public Optional<Content> content(Owner owner, String ownerId, UUID documentId) {
        return jdbc.sql("""
                SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content
                FROM documents WHERE owner_type = :ot AND owner_id = :oid AND id = :id""")
                .param("ot", owner.name()).param("oid", ownerId).param("id", documentId)
                .query((rs, i) -> new Content(map(rs, i), rs.getBytes("content"))).optional();
    }

    /** The documents of other owners that carry exactly these bytes (for duplicate checks). */
    public List<String> ownersWithSameContent(Owner owner, String exceptOwnerId, String sha256) {
        return jdbc.sql("""
                SELECT DISTINCT owner_id FROM documents WHERE owner_type = :ot AND sha256 = :sha AND owner_id <> :oid
                ORDER BY owner_id""")
                .param("ot", owner.name()).param("sha", sha256).param("oid", exceptOwnerId).query(String.class).list();
    }

    /** For the canonical form of the owning record: what each document is and its hash. */
    public static List<java.util.Map<String, Object>> canonical(List<StoredDocument> documents) {
        return documents.stream()
                .sorted(java.util.Comparator.comparing(StoredDocument::kind).thenComparing(StoredDocument::sha256)
                        .thenComparing(d -> d.id().toString()))
                .map(d -> java.util.Map.<String, Object>of("kind", d.kind(), "fileName", d.fileName(),
                        "contentType", d.contentType(), "sizeBytes", d.sizeBytes(), "sha256", d.sha256()))
                .toList();
    }

    private ApiProblem tooLarge(long size) {
        return ApiProblem.of(ProblemCode.DOCUMENT_TOO_LARGE, "The file has " + size + " bytes; at most "
                + properties.maxBytes() + " are accepted.").with("maxBytes", properties.maxBytes());
    }

    private byte[] read(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxBytes() + 1));
            if (bytes.length > properties.maxBytes()) {
                throw tooLarge(file.getSize());
            }
            return bytes;
        } catch (IOException e) {
            throw new RuleViolation(Reason.DOCUMENT_UNREADABLE, "The uploaded file could not be read.");
        }
    }

    /** The last path segment, without control characters, at most 255 characters; "document" when blank. */
    static String fileName(String original) {
        if (original == null) {
            return "document";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            return "document";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static StoredDocument map(ResultSet rs, int i) throws SQLException {
        return new StoredDocument(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
