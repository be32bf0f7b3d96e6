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

    /** A well-formed PDF padded with line ends after %%EOF to exactly {@code size} bytes. */
    private static byte[] pdfOf(int size) {
        byte[] pdf = SampleFiles.pdf("padded");
        byte[] out = java.util.Arrays.copyOf(pdf, size);
        java.util.Arrays.fill(out, pdf.length, size, (byte) '\n');
        return out;
    }

    @Test
    void wellFormedPdfPngAndJpegAreRecognised() {
        assertThat(documents.check("a.pdf", SampleFiles.pdf("a")).type()).isEqualTo(DocumentType.PDF);
        assertThat(documents.check("a.png", SampleFiles.png("a")).type()).isEqualTo(DocumentType.PNG);
        assertThat(documents.check("a.JPG", SampleFiles.jpeg("a")).type()).isEqualTo(DocumentType.JPEG);
        assertThat(documents.check("scan", SampleFiles.pdf("b")).type()).isEqualTo(DocumentType.PDF);
    }

    @Test
    void magicBytesAloneAreNotEnough() {
        assertThat(refusal("a.pdf", bytes("%PDF-1.4", 100)).code()).isEqualTo("DOCUMENT_MALFORMED");
        assertThat(refusal("a.png", bytes("\u0089PNG\r\n\u001a\n", 100)).code()).isEqualTo("DOCUMENT_MALFORMED");
        assertThat(refusal("a.jpg", bytes("\u00ff\u00d8\u00ff\u00e0", 100)).status()).isEqualTo(415);
        assertThat(refusal("a.jpg", bytes("\u00ff\u00d8\u00ff\u00e0", 100)).code()).isEqualTo("DOCUMENT_MALFORMED");
    }

    @Test
    void aPdfNeedsItsHeaderCrossReferenceTrailerAndEof() {
        String good = new String(SampleFiles.pdf("x"), StandardCharsets.ISO_8859_1);
        assertThat(DocumentStructure.pdfProblem(good.getBytes(StandardCharsets.ISO_8859_1))).isNull();
        String xrefStream = "%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 1 1] >>\nstream\n\nendstream\nendobj\n"
                + "startxref\n9\n%%EOF\n";
        assertThat(DocumentStructure.pdfProblem(xrefStream.getBytes(StandardCharsets.ISO_8859_1))).isNull();
        for (String broken : new String[] {
            good.replace("%%EOF", "%%EO"),
            good.replace("startxref", "startxrf"),
            good.replace("trailer", "trailor"),
            good.replace("%PDF-1.7", "%PDF-9.7"),
            good.replaceFirst("startxref\n\\d+", "startxref\n9"),
            good.replaceFirst("startxref\n\\d+", "startxref\n99999999"),
            good.substring(0, good.length() - 40),
            "%PDF-1.4\n% looks like a PDF\nstartxref\n0\n%%EOF\n"}) {
            assertThat(DocumentStructure.pdfProblem(broken.getBytes(StandardCharsets.ISO_8859_1))).as(broken).isNotNull();
        }
    }

    @Test
    void aPngNeedsRightChunksAndCrcsFromIhdrToIend() {
        byte[] good = SampleFiles.png("x");
        assertThat(DocumentStructure.pngProblem(good)).isNull();
        byte[] badCrc = good.clone();
        badCrc[40] ^= 1; // inside the tEXt chunk
        assertThat(DocumentStructure.pngProblem(badCrc)).contains("CRC");
        assertThat(DocumentStructure.pngProblem(java.util.Arrays.copyOf(good, good.length - 12))).contains("IEND");
        assertThat(DocumentStructure.pngProblem(java.util.Arrays.copyOf(good, good.length + 1))).contains("after");
        byte[] noData = java.nio.ByteBuffer.allocate(8 + 25 + 12).put(java.util.Arrays.copyOf(good, 33))
                .put(SampleFiles.pngChunk("IEND", new byte[0])).array();
        assertThat(DocumentStructure.pngProblem(noData)).contains("IDAT");
        byte[] huge = good.clone();
        huge[8] = 0x7F; // IHDR claims 2 GB
        assertThat(DocumentStructure.pngProblem(huge)).contains("longer");
    }

    @Test
    void aJpegNeedsSegmentsThatFitAFrameBeforeItsScanAndAnEnd() {
        byte[] good = SampleFiles.jpeg("x");
        assertThat(DocumentStructure.jpegProblem(good)).isNull();
        assertThat(DocumentStructure.jpegProblem(java.util.Arrays.copyOf(good, good.length - 2))).contains("end-of-image");
        byte[] longSegment = good.clone();
        longSegment[4] = 0x7F; // the COM segment claims more bytes than there are
        assertThat(DocumentStructure.jpegProblem(longSegment)).contains("does not fit");
        byte[] scanFirst = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, 1, (byte) 0xFF, (byte) 0xD9};
        assertThat(DocumentStructure.jpegProblem(scanFirst)).contains("frame");
    }

    @Test
    void theHashIsTheSha256OfTheBytes() {
        byte[] b = SampleFiles.pdf("hash");
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
        assertThat(documents.check("a.pdf", pdfOf(1_000)).bytes()).hasSize(1_000);

        ApiProblem exe = refusal("invoice.pdf", bytes("MZ\u0090\u0000", 100));
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.code()).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED");

        ApiProblem html = refusal("a.txt", bytes("<html>%PDF-", 100));
        assertThat(html.code()).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED");

        ApiProblem renamed = refusal("photo.pdf", SampleFiles.png("photo"));
        assertThat(renamed.status()).isEqualTo(415);
        assertThat(renamed.code()).isEqualTo("DOCUMENT_TYPE_MISMATCH");
        assertThat(refusal("licence.exe", SampleFiles.pdf("licence")).code()).isEqualTo("DOCUMENT_TYPE_MISMATCH");
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
