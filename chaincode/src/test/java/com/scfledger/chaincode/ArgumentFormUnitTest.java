package com.scfledger.chaincode;

import static com.scfledger.chaincode.testing.Fixtures.HASH_A;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;

/**
 * Every transaction checks the form of its arguments before it looks at the caller or the ledger: an id outside the
 * alphabet, or a malformed request id, is INVALID_ARGUMENT, and nothing is read, written or emitted.
 */
class ArgumentFormUnitTest {

    private static final ScfContract CONTRACT = new ScfContract();
    private static final String BAD_ID = "has:colon";
    private static final String OK = "ok-1";

    /** Each transaction, called with a bad value in the given position (everything else well formed). */
    static Stream<Arguments> transactionsWithABadArgument() {
        return Stream.of(
                call("RegisterEnterprise", (ctx, bad) -> CONTRACT.registerEnterprise(ctx, bad, "CORE", "CoreMSP",
                        HASH_A, OK)),
                call("SuspendEnterprise", (ctx, bad) -> CONTRACT.suspendEnterprise(ctx, bad, OK)),
                call("ReinstateEnterprise", (ctx, bad) -> CONTRACT.reinstateEnterprise(ctx, bad, OK)),
                call("GetEnterprise", (ctx, bad) -> CONTRACT.getEnterprise(ctx, bad)),
                call("RegisterPayable", (ctx, bad) -> CONTRACT.registerPayable(ctx, bad, "SUP1", "1000", "EUR",
                        "2026-01-01", "2026-06-30", "[\"" + HASH_A + "\"]", HASH_A, OK)),
                call("AcceptPayable", (ctx, bad) -> CONTRACT.acceptPayable(ctx, bad, OK, OK)),
                call("RejectPayable", (ctx, bad) -> CONTRACT.rejectPayable(ctx, OK, bad, OK)),
                call("GetPayable", (ctx, bad) -> CONTRACT.getPayable(ctx, bad, OK)),
                call("GetPayableTree", (ctx, bad) -> CONTRACT.getPayableTree(ctx, OK, bad)),
                call("SplitTransfer", (ctx, bad) -> CONTRACT.splitTransfer(ctx, bad,
                        "[{\"recipient\":\"SUP2\",\"amount\":100}]", OK)),
                call("GetToken", (ctx, bad) -> CONTRACT.getToken(ctx, bad)),
                call("GetLineage", (ctx, bad) -> CONTRACT.getLineage(ctx, bad)),
                call("ListTokensByHolder", (ctx, bad) -> CONTRACT.listTokensByHolder(ctx, bad, "10", "")),
                call("RequestFinancing", (ctx, bad) -> CONTRACT.requestFinancing(ctx, OK, OK, bad, HASH_A, OK)),
                call("ApproveFinancing", (ctx, bad) -> CONTRACT.approveFinancing(ctx, bad, "500", OK)),
                call("RejectFinancing", (ctx, bad) -> CONTRACT.rejectFinancing(ctx, bad, OK)),
                call("CancelFinancing", (ctx, bad) -> CONTRACT.cancelFinancing(ctx, bad, OK)),
                call("GetFinancing", (ctx, bad) -> CONTRACT.getFinancing(ctx, bad)),
                call("SettleToken", (ctx, bad) -> CONTRACT.settleToken(ctx, bad, "PAY-1", OK)),
                call("SettlePayable", (ctx, bad) -> CONTRACT.settlePayable(ctx, bad, "PAY-1", OK)),
                call("AnchorRecord", (ctx, bad) -> CONTRACT.anchorRecord(ctx, "KYC", bad, HASH_A, OK)),
                call("GetAnchor", (ctx, bad) -> CONTRACT.getAnchor(ctx, "KYC", bad)),
                call("GetRequest", (ctx, bad) -> CONTRACT.getRequest(ctx, bad)),
                // the request id itself
                call("SuspendEnterprise requestId", (ctx, bad) -> CONTRACT.suspendEnterprise(ctx, OK, bad)),
                call("SplitTransfer requestId", (ctx, bad) -> CONTRACT.splitTransfer(ctx, OK,
                        "[{\"recipient\":\"SUP2\",\"amount\":100}]", bad)),
                call("UpdateLedgerSettings requestId", (ctx, bad) -> CONTRACT.updateLedgerSettings(ctx, "1", "1",
                        "1", bad)));
    }

    private static Arguments call(final String name, final BiFunction<Context, String, String> transaction) {
        return Arguments.of(name, transaction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionsWithABadArgument")
    void refusesAMalformedIdBeforeReadingAnything(final String name,
            final BiFunction<Context, String, String> transaction) {
        MockLedger ledger = new MockLedger().callerIsPlatformAdmin();

        assertRefused(() -> transaction.apply(ledger.ctx, BAD_ID), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> transaction.apply(ledger.ctx, null), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> transaction.apply(ledger.ctx, "x".repeat(129)), ErrorCode.INVALID_ARGUMENT);
        ledger.assertUntouched();
        verify(ledger.stub, never()).getState(anyString());
    }
}
