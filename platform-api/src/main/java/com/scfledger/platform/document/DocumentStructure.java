package com.scfledger.platform.document;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Whether a file that starts like a PDF, PNG or JPEG is built like one, walked without decoding anything (no
 * decompression, no image decoding, so a crafted file costs one pass over its bytes):
 * <ul>
 * <li>PNG: the signature, then chunks whose lengths fit and whose CRC-32 are right, IHDR first (13 bytes, non-zero
 * size), at least one IDAT, and IEND last, ending the file;</li>
 * <li>JPEG: SOI, then marker segments whose lengths fit, a frame header (SOFn) before the first scan (SOS), entropy
 * coded data after each scan, and EOI;</li>
 * <li>PDF: a {@code %PDF-1.x} or {@code %PDF-2.x} header, and at its end {@code startxref} with an offset inside the
 * file that points at a cross-reference table ({@code xref} ... {@code trailer}) or stream ({@code n g obj} with
 * {@code /Type /XRef}), then {@code %%EOF}.</li>
 * </ul>
 * Each check answers why the file is not what it claims, or null when it is.
 */
final class DocumentStructure {

    private static final int PNG_SIGNATURE = 8;
    private static final Pattern PDF_HEADER = Pattern.compile("%PDF-[12]\\.\\d");
    /** The tail of a PDF: startxref, its offset, %%EOF, then at most some line ends or spaces. */
    private static final Pattern PDF_TAIL = Pattern.compile("startxref\\s+(\\d{1,10})\\s+%%EOF\\s*$");
    private static final Pattern PDF_XREF_AT = Pattern.compile("^\\s*(xref|\\d{1,10}\\s+\\d{1,5}\\s+obj)");
    private static final int PDF_TAIL_WINDOW = 1024;
    /** How far after startxref's offset a cross-reference stream's dictionary must say /Type /XRef. */
    private static final int PDF_XREF_WINDOW = 512;

    private DocumentStructure() {
    }

    static String pngProblem(byte[] b) {
        int at = PNG_SIGNATURE;
        boolean first = true;
        boolean sawData = false;
        while (at + 12 <= b.length) {
            long length = u32(b, at);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.matches("[A-Za-z]{4}")) {
                return "a PNG chunk at byte " + at + " has no valid type";
            }
            if (length > b.length - at - 12L) {
                return "the PNG chunk " + type + " is longer than the file";
            }
            int end = at + 8 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, 4 + (int) length);
            if (crc.getValue() != u32(b, end)) {
                return "the PNG chunk " + type + " has a wrong CRC";
            }
            if (first && (!type.equals("IHDR") || length != 13 || u32(b, at + 8) == 0 || u32(b, at + 12) == 0)) {
                return "a PNG starts with a 13-byte IHDR chunk of a non-empty image";
            }
            first = false;
            sawData |= type.equals("IDAT");
            at = end + 4;
            if (type.equals("IEND")) {
                if (!sawData) {
                    return "the PNG has no image data (IDAT)";
                }
                return at == b.length ? null : "the PNG has bytes after its IEND chunk";
            }
        }
        return "the PNG ends without its IEND chunk";
    }

    static String jpegProblem(byte[] b) {
        int at = 2; // after SOI
        boolean sawFrame = false;
        while (at + 1 < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return "the JPEG has no marker at byte " + at;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            at += 2;
            if (marker == 0xD9) {
                return null;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // markers without a segment
            }
            if (marker == 0x00 || marker == 0xD8) {
                return "the JPEG has a misplaced marker at byte " + (at - 2);
            }
            if (at + 2 > b.length) {
                break;
            }
            int length = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            if (length < 2 || at + length > b.length) {
                return "a JPEG segment at byte " + (at - 2) + " does not fit in the file";
            }
            sawFrame |= marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            at += length;
            if (marker == 0xDA) {
                if (!sawFrame) {
                    return "the JPEG has a scan before its frame header";
                }
                at = afterEntropyCodedData(b, at);
            }
        }
        return "the JPEG ends without its end-of-image marker";
    }

    /** The position of the first marker after a scan's data (0xFF00 is a stuffed byte, RSTn belong to the scan). */
    private static int afterEntropyCodedData(byte[] b, int at) {
        while (at + 1 < b.length) {
            if ((b[at] & 0xFF) == 0xFF) {
                int next = b[at + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return at;
                }
            }
            at++;
        }
        return b.length;
    }

    static String pdfProblem(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 8), StandardCharsets.ISO_8859_1);
        if (!PDF_HEADER.matcher(head).matches()) {
            return "a PDF starts with a %PDF-1.x or %PDF-2.x header";
        }
        int from = Math.max(0, b.length - PDF_TAIL_WINDOW);
        Matcher tail = PDF_TAIL.matcher(new String(b, from, b.length - from, StandardCharsets.ISO_8859_1));
        if (!tail.find()) {
            return "the PDF does not end with startxref and %%EOF";
        }
        long offset = Long.parseLong(tail.group(1));
        if (offset < head.length() || offset >= b.length) {
            return "the PDF's startxref points outside the file";
        }
        int window = (int) Math.min(PDF_XREF_WINDOW, b.length - offset);
        String atXref = new String(b, (int) offset, window, StandardCharsets.ISO_8859_1);
        Matcher xref = PDF_XREF_AT.matcher(atXref);
        if (!xref.find()) {
            return "the PDF's startxref does not point at a cross-reference table or stream";
        }
        if (xref.group(1).equals("xref")) {
            if (!new String(b, (int) offset, b.length - (int) offset, StandardCharsets.ISO_8859_1).contains("trailer")) {
                return "the PDF's cross-reference table has no trailer";
            }
        } else if (!atXref.matches("(?s).*/Type\\s*/XRef\\b.*")) {
            return "the PDF's startxref points at an object that is not a cross-reference stream";
        }
        return null;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
