package com.scfledger.platform.payable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;

/**
 * Reads an uploaded CSV with its size limit counted in bytes while they arrive: at most {@code maxBytes + 1} bytes
 * are ever read, so an endless body costs no more than the limit, and a file of multi-byte text is measured by what
 * it weighs, not by its characters. The bytes are then decoded strictly (malformed UTF-8 is refused, not replaced).
 */
final class CsvBody {

    private CsvBody() {
    }

    static String read(InputStream body, Charset charset, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new RuleViolation(Reason.CSV_MALFORMED, "The CSV upload could not be read.");
        }
        if (bytes.length > maxBytes) {
            throw new RuleViolation(Reason.CSV_TOO_LARGE, "A CSV upload is at most " + maxBytes + " bytes.");
        }
        try {
            return (charset == null ? StandardCharsets.UTF_8 : charset).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleViolation(Reason.CSV_MALFORMED, "The CSV is not valid "
                    + (charset == null ? "UTF-8" : charset.name()) + " text.");
        }
    }
}
