package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.scfledger.platform.domain.NotYetPossible;
import com.scfledger.platform.domain.Reason;
import org.junit.jupiter.api.Test;

/** Schemathesis found GET /api/v1/admin/read-model/consistency answering 500 before the operator was enrolled. */
class ConsistencyCheckRunUnitTest {

    @Test
    void aRefusalInsideAComparisonIsRethrownAsItselfNotAsAnInternalError() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            NotYetPossible missing = new NotYetPossible(Reason.LEDGER_IDENTITY_MISSING,
                    "Enterprise PLATFORM has no ledger identity yet.");
            assertThatThrownBy(() -> ConsistencyCheck.run(pool, List.of(() -> {
                throw missing;
            }))).isSameAs(missing);
            assertThatThrownBy(() -> ConsistencyCheck.run(pool, List.of(() -> {
                throw new ArithmeticException("a bug");
            }))).isInstanceOf(IllegalStateException.class);
        } finally {
            pool.shutdownNow();
        }
    }
}
