package com.scfledger.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class DocumentsUnitTest {

    private final Documents documents = new Documents(null, Clock.systemUTC(), new DocumentProperties(1_000));

    private static byte[] bytes(String head, int size) {
        byte[] out = new byte[size];
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(h, 0, out, 0, h.length);
        return out;
    }

    /** The answer the API gives to the refusal (too large stays an edge problem; the rest are domain refusals). */
    private ApiProblem refusal(String name, byte[] content) {
        try {
            documents.check(name, content);
        } catch (ApiProblem | DomainException refused) {
            return ApiProblem.answerTo(refused);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void pdfPngAndJpegAreRecognisedByTheirLeadingBytes() {
        assertThat(documents.check("a.pdf", bytes("%PDF-1.4", 100)).type()).isEqualTo(DocumentType.PDF);
        assertThat(documents.check("a.png", bytes("\u0089PNG\r\n\u001a\n", 100)).type()).isEqualTo(DocumentType.PNG);
        assertThat(documents.check("a.JPG", bytes("\u00ff\u00d8\u00ff\u00e0", 100)).type()).isEqualTo(DocumentType.JPEG);
        assertThat(documents.check("scan", bytes("%PDF-1.4", 100)).type()).isEqualTo(DocumentType.PDF);
    }

    @Test
    void theHashIsTheSha256OfTheBytes() {
        byte[] b = bytes("%PDF-1.4", 10);
        assertThat(documents.check("a.pdf",
                b).sha256()).hasSize(64).isEqualTo(com.scfledger.platform.verify.Canonical.sha256Hex(b));
    }

    @Test
    void emptyTooLargeWrongTypeAndMismatchedNamesAreRefusedWithTheirCodes() {
        ApiProblem empty = refusal("a.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("DOCUMENT_EMPTY");

        ApiProblem large = refusal("a.pdf", bytes("%PDF-1.4", 1_001));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.code()).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(documents.check("a.pdf", bytes("%PDF-1.4", 1_000)).bytes()).hasSize(1_000);

        ApiProblem exe = refusal("invoice.pdf", bytes("MZ\u0090\u0000", 100));
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.code()).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED");

        ApiProblem html = refusal("a.txt", bytes("<html>%PDF-", 100));
        assertThat(html.code()).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED");

        ApiProblem renamed = refusal("photo.pdf", bytes("\u0089PNG\r\n\u001a\n", 100));
        assertThat(renamed.status()).isEqualTo(415);
        assertThat(renamed.code()).isEqualTo("DOCUMENT_TYPE_MISMATCH");
        assertThat(refusal("licence.exe", bytes("%PDF-1.4", 100)).code()).isEqualTo("DOCUMENT_TYPE_MISMATCH");
    }

    @Test
    void fileNamesAreReducedToTheirLastSegment() {
        assertThat(Documents.fileName("C:\\scans\\..\\licence.pdf")).isEqualTo("licence.pdf");
        assertThat(Documents.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Documents.fileName("a\u0000b.pdf")).isEqualTo("ab.pdf");
        assertThat(Documents.fileName(null)).isEqualTo("document");
        assertThat(Documents.fileName("  ")).isEqualTo("document");
    }
}
