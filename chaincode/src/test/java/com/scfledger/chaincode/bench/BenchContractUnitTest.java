package com.scfledger.chaincode.bench;

import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;

class BenchContractUnitTest {

    private final MockLedger ledger = new MockLedger();
    private final BenchContract contract = new BenchContract();

    @Test
    void putsOneKeyAndDoesNothingElse() {
        String result = contract.put(ledger.ctx, "k-1", "v");

        assertThat(result).isEqualTo("k-1");
        verify(ledger.stub).putState("bench:k-1", "v".getBytes(StandardCharsets.UTF_8));
        verify(ledger.stub, never()).getState(anyString());
        verify(ledger.stub, never()).setEvent(anyString(), any());
        verify(ledger.ctx, never()).getClientIdentity();
    }

    @Test
    void refusesAKeyOutsideTheIdAlphabetOrAnEmptyOrOversizedValue() {
        assertRefused(() -> contract.put(ledger.ctx, "a:b", "v"), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> contract.put(ledger.ctx, "k-1", ""), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> contract.put(ledger.ctx, "k-1", null), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> contract.put(ledger.ctx, "k-1", "x".repeat(1025)), ErrorCode.INVALID_ARGUMENT);
        ledger.assertUntouched();
    }
}
