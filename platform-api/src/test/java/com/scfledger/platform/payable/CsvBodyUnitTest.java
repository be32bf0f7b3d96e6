package com.scfledger.platform.payable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class CsvBodyUnitTest {

    private static final int LIMIT = 30;

    /** An endless body that counts what it was asked for. */
    private static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }
    }

    private static Reason refusal(byte[] body) {
        try {
            CsvBody.read(new ByteArrayInputStream(body), StandardCharsets.UTF_8, LIMIT);
        } catch (RuleViolation refused) {
            return refused.reason();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        String tenChars = "杭州杭州杭州杭州杭州"; // 10 characters, 30 bytes in UTF-8
        assertThat(CsvBody.read(new ByteArrayInputStream(tenChars.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, LIMIT)).isEqualTo(tenChars);
        String elevenChars = tenChars + "州"; // 11 characters (far under 30), 33 bytes
        assertThat(elevenChars.length()).isLessThan(LIMIT);
        assertThat(refusal(elevenChars.getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.CSV_TOO_LARGE);
    }

    @Test
    void anEndlessBodyIsReadOnlyUpToTheLimit() {
        Endless body = new Endless();
        assertThatThrownBy(() -> CsvBody.read(body, StandardCharsets.UTF_8, LIMIT))
                .isInstanceOfSatisfying(RuleViolation.class, r -> assertThat(r.reason()).isEqualTo(Reason.CSV_TOO_LARGE));
        assertThat(body.served).isEqualTo(LIMIT + 1);
    }

    @Test
    void malformedUtf8IsRefusedNotReplaced() {
        assertThat(refusal(new byte[] {'a', ',', (byte) 0xC3, '\n'})).isEqualTo(Reason.CSV_MALFORMED);
        assertThat(refusal(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo(Reason.CSV_MALFORMED);
    }

    @Test
    void aDeclaredCharsetIsHonoured() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CsvBody.read(new ByteArrayInputStream(latin1), StandardCharsets.ISO_8859_1, LIMIT)).isEqualTo("caf\u00e9");
        assertThat(refusal(latin1)).isEqualTo(Reason.CSV_MALFORMED);
    }
}
