package com.scfledger.platform.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a document may have, recognised by their leading magic bytes (the extension and the
 * declared content type are not trusted; an extension that contradicts the content is refused).
 */
public enum DocumentType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String contentType;
    private final List<String> extensions;
    private final byte[] magic;

    DocumentType(String contentType, List<String> extensions, byte[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
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
