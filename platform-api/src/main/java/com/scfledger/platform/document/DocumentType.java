package com.scfledger.platform.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The file types a document may have, recognised by their leading magic bytes and then checked for the structure
 * of that type ({@link DocumentStructure}); the extension and the declared content type are not trusted, and an
 * extension that contradicts the content is refused.
 */
public enum DocumentType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}, DocumentStructure::pdfProblem),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            DocumentStructure::pngProblem),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            DocumentStructure::jpegProblem);

    private final String contentType;
    private final List<String> extensions;
    private final byte[] magic;
    private final Function<byte[], String> structure;

    DocumentType(String contentType, List<String> extensions, byte[] magic, Function<byte[], String> structure) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
        this.structure = structure;
    }

    /** Why content that starts like this type is not built like it, or null when it is. */
    String structuralProblem(byte[] content) {
        return structure.apply(content);
    }

    public String contentType() {
        return contentType;
    }

    /** The type whose magic bytes the content starts with. */
    static Optional<DocumentType> sniff(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.matches(content)).findFirst();
    }

    private boolean matches(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lower-case extension of a file name, or empty when it has none. */
    static Optional<String> extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    boolean acceptsExtension(String ext) {
        return extensions.contains(ext);
    }

    static String allowed() {
        return "PDF, PNG or JPEG";
    }
}
