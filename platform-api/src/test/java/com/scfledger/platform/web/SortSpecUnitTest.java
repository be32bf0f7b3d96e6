package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class SortSpecUnitTest {

    private static final Map<String, String> COLUMNS = Map.of("maturityDate", "maturity_date", "amountMinor", "amount_minor");

    @Test
    void withoutSortTheFallbackAndTheTieBreakerApply() {
        assertThat(SortSpec.orderBy(null, COLUMNS, "created_at DESC", "id ASC")).isEqualTo(" ORDER BY created_at DESC, id ASC");
    }

    @Test
    void fieldsMapToColumnsWithEitherDescendingNotation() {
        assertThat(SortSpec.orderBy(List.of("-amountMinor", "maturityDate"), COLUMNS, "x", "id ASC"))
                .isEqualTo(" ORDER BY amount_minor DESC, maturity_date ASC, id ASC");
        assertThat(SortSpec.orderBy(List.of("amountMinor,desc,maturityDate,asc"), COLUMNS, "x", "id ASC"))
                .isEqualTo(" ORDER BY amount_minor DESC, maturity_date ASC, id ASC");
        assertThat(SortSpec.orderBy(List.of("maturityDate", "maturityDate,desc"), COLUMNS, "x", "id ASC"))
                .isEqualTo(" ORDER BY maturity_date ASC, id ASC");
    }

    @Test
    void anythingOutsideTheWhitelistIsA400AndNeverReachesTheSql() {
        assertThatThrownBy(() -> SortSpec.orderBy(List.of("amount_minor; DROP TABLE tokens"), COLUMNS, "x", "id"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.code()).isEqualTo("VALIDATION_FAILED");
                });
    }
}
