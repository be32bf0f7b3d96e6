package com.scfledger.chaincode.ledger;

import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collections;

import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.enterprise.Enterprise;

class WorldStateUnitTest {

    private MockLedger ledger;
    private WorldState state;

    @BeforeEach
    void freshState() {
        ledger = new MockLedger();
        state = new WorldState(ledger.stub);
    }

    @Test
    void pointReadsSeeThisTransactionsOwnWritesAndDeletes() {
        ledger.given(supplier());
        Enterprise suspended = supplier().withStatus(com.scfledger.contract.enterprise.EnterpriseStatus.SUSPENDED,
                com.scfledger.chaincode.testing.Fixtures.NOW, "tx9");

        state.put(suspended);
        assertThat(state.find("enterprise:SUP1", Enterprise.class)).contains(suspended);

        state.delete("enterprise:SUP1");
        assertThat(state.exists("enterprise:SUP1")).isFalse();
        ledger.assertUntouched();
    }

    @Test
    void anEmptyCommittedValueCountsAsAbsent() {
        when(ledger.stub.getState("k")).thenReturn(new byte[0]);

        assertThat(state.read("k")).isNull();
    }

    @Test
    void flushesWritesInKeyOrderAndOnlyOnce() {
        state.putValue("b", "2");
        state.delete("c");
        state.putValue("a", "1");

        state.flush();
        state.flush();

        InOrder order = inOrder(ledger.stub);
        order.verify(ledger.stub).putState("a", "\"1\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        order.verify(ledger.stub).putState("b", "\"2\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        order.verify(ledger.stub).delState("c");
        order.verifyNoMoreInteractions();
    }

    @Test
    void aRangeScanThatCannotBeClosedIsAnInternalError() throws Exception {
        @SuppressWarnings("unchecked")
        QueryResultsIterator<KeyValue> broken = mock(QueryResultsIterator.class);
        when(broken.iterator()).thenReturn(Collections.emptyIterator());
        doThrow(new Exception("peer gone")).when(broken).close();
        when(ledger.stub.getStateByPartialCompositeKey(any(CompositeKey.class))).thenReturn(broken);

        assertThatThrownBy(() -> state.indexedIds(Keys.holderIndexPrefix("SUP1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holder~token");
    }

    @Test
    void aPagedScanThatCannotBeClosedIsAnInternalError() throws Exception {
        @SuppressWarnings("unchecked")
        QueryResultsIteratorWithMetadata<KeyValue> broken = mock(QueryResultsIteratorWithMetadata.class);
        when(broken.iterator()).thenReturn(Collections.emptyIterator());
        doThrow(new Exception("peer gone")).when(broken).close();
        when(ledger.stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenReturn(broken);

        assertThatThrownBy(() -> state.indexedIdsPage(Keys.holderIndexPrefix("SUP1"), 10, ""))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPageWithoutMetadataHasNoNextPage() {
        @SuppressWarnings("unchecked")
        QueryResultsIteratorWithMetadata<KeyValue> page = mock(QueryResultsIteratorWithMetadata.class);
        when(page.iterator()).thenReturn(Collections.emptyIterator());
        when(ledger.stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenReturn(page);

        assertThat(state.indexedIdsPage(Keys.holderIndexPrefix("SUP1"), 10, "").bookmark()).isEmpty();
    }

    @Test
    void aRangeScanThatFailsMidwayPropagates() {
        when(ledger.stub.getStateByPartialCompositeKey(any(CompositeKey.class)))
                .thenThrow(new RuntimeException("peer gone"));

        assertThatThrownBy(() -> state.indexedIds(Keys.holderIndexPrefix("SUP1"))).hasMessage("peer gone");
    }

    @Test
    void aHistoryThatCannotBeClosedIsAnInternalError() throws Exception {
        @SuppressWarnings("unchecked")
        QueryResultsIterator<KeyModification> broken = mock(QueryResultsIterator.class);
        when(broken.iterator()).thenReturn(Collections.emptyIterator());
        doThrow(new Exception("peer gone")).when(broken).close();
        when(ledger.stub.getHistoryForKey("token:t")).thenReturn(broken);

        assertThatThrownBy(() -> state.history("token:t", Enterprise.class))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void commitWithoutAClaimedRequestIsAProgrammingError() {
        ledger.callerIsPlatformAdmin();
        Invocation inv = Invocation.of(ledger.ctx);

        assertThatThrownBy(() -> inv.commit()).isInstanceOf(IllegalStateException.class);
    }
}
