package com.scfledger.platform.document;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small well-formed PDF, PNG and JPEG files for tests; the text makes each one's bytes (and hash) distinct. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A one-page PDF with its cross-reference table, trailer, startxref and %%EOF. */
    public static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 56 780 Td (" + text.replaceAll("[^A-Za-z0-9 .-]", "?") + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder out = new StringBuilder("%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> out.append(String.format("%010d 00000 n \n", o)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 4x4 grey PNG carrying the text in a tEXt chunk. */
    public static byte[] png(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(pngChunk("IHDR", ByteBuffer.allocate(13).putInt(4).putInt(4).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(pngChunk("tEXt", ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1)));
        byte[] rows = new byte[4 * 5];
        Deflater deflater = new Deflater();
        deflater.setInput(rows);
        deflater.finish();
        byte[] compressed = new byte[64];
        int n = deflater.deflate(compressed);
        deflater.end();
        out.writeBytes(pngChunk("IDAT", java.util.Arrays.copyOf(compressed, n)));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** The PNG chunk: length, type, data and the CRC-32 of type and data. */
    public static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data).putInt((int) crc.getValue()).array();
    }

    /** The marker skeleton of a baseline JPEG (SOI, a COM segment with the text, SOF0, SOS, scan data, EOI). */
    public static byte[] jpeg(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] comment = text.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(segment(0xFE, comment));
        out.writeBytes(segment(0xC0, new byte[] {8, 0, 1, 0, 1, 1, 1, 0x11, 0}));
        out.writeBytes(segment(0xDA, new byte[] {1, 1, 0, 0, 0x3F, 0}));
        out.writeBytes(new byte[] {0x12, (byte) 0xFF, 0x00, 0x34, (byte) 0xFF, (byte) 0xD0, 0x56});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] data) {
        return ByteBuffer.allocate(4 + data.length).put((byte) 0xFF).put((byte) marker).putShort((short) (data.length + 2))
                .put(data).array();
    }
}
