package com.scfledger.platform.payable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CsvImportUnitTest {

    @Nested
    class Parsing {
        @Test
        void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
            List<List<String>> r = Csv.parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
            assertThat(r).containsExactly(List.of("a", "b", "c"), List.of("x,1", "say \"hi\"", "two\nlines"));
        }

        @Test
        void emptyFieldsAndAMissingFinalLineBreakAreKept() {
            assertThat(Csv.parse("a,,c\n,,")).containsExactly(List.of("a", "", "c"), List.of("", "", ""));
        }

        @Test
        void blankLinesAreSkipped() {
            assertThat(Csv.parse("a\n\n\nb\n")).containsExactly(List.of("a"), List.of("b"));
        }

        @Test
        void anUnclosedQuoteIsRefused() {
            assertThatThrownBy(() -> Csv.parse("a,\"b\nc")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not closed");
        }
    }

    @Nested
    class Rows {
        private final PayableImports imports = new PayableImports(null, null, null,
                Validation.buildDefaultValidatorFactory().getValidator(), JsonMapper.builder().build(), Clock.systemUTC());

        @AfterEach
        void close() {
            imports.shutdown();
        }

        private static List<String> row(String amount, String fingerprints, String issue, String maturity) {
            return List.of("PO-1", "SUP-1", amount, "CNY", issue, maturity, fingerprints, "d".repeat(64));
        }

        @Test
        void aValidRowBecomesARequestWithEveryFingerprint() {
            List<String> problems = new ArrayList<>();
            RegisterPayableRequest r = imports.parseRow(row("12500000", "a".repeat(64) + ";" + "b".repeat(64),
                    "2026-01-10", "2026-07-10"), problems);
            assertThat(problems).isEmpty();
            assertThat(r.amountMinor()).isEqualTo(12_500_000L);
            assertThat(r.invoiceFingerprints()).containsExactly("a".repeat(64), "b".repeat(64));
        }

        @Test
        void decimalsSignsAndSeparatorsInAmountsAreRefusedNotRounded() {
            for (String amount : List.of("125000.00", "-5", "1,000", "1e6", "")) {
                List<String> problems = new ArrayList<>();
                assertThat(imports.parseRow(row(amount, "a".repeat(64), "2026-01-10", "2026-07-10"), problems)).isNull();
                assertThat(problems).anyMatch(p -> p.startsWith("amountMinor"));
            }
        }

        @Test
        void everyProblemOfARowIsReported() {
            List<String> problems = new ArrayList<>();
            assertThat(imports.parseRow(row("100", "not-hex", "2026-07-10", "2026-01-10"), problems)).isNull();
            assertThat(problems).hasSizeGreaterThanOrEqualTo(2)
                    .anyMatch(p -> p.contains("invoiceFingerprints"))
                    .anyMatch(p -> p.contains("maturityDate must be after issueDate"));
        }

        @Test
        void aRowWithTheWrongNumberOfFieldsIsRefused() {
            List<String> problems = new ArrayList<>();
            assertThat(imports.parseRow(List.of("PO-1", "SUP-1"), problems)).isNull();
            assertThat(problems).containsExactly("expected 8 fields, found 2");
        }

        @Test
        void aRowsRequestIdDependsOnTheEnterpriseAndThePayableOnly() {
            String id = PayableBatches.itemRequestId("CORE-1", "PO-1");
            assertThat(id).isEqualTo(PayableBatches.itemRequestId("CORE-1", "PO-1")).matches("csv-[0-9a-f]{32}");
            assertThat(id).isNotEqualTo(PayableBatches.itemRequestId("CORE-2", "PO-1"))
                    .isNotEqualTo(PayableBatches.itemRequestId("CORE-1", "PO-2"));
        }
    }
}
