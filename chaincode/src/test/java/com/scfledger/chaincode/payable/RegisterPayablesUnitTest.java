package com.scfledger.chaincode.payable;

import static com.scfledger.chaincode.testing.Fixtures.CORE;
import static com.scfledger.chaincode.testing.Fixtures.HASH_B;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.Amounts;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.WireJson;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.contract.token.Token;

class RegisterPayablesUnitTest {

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void coreOwesTwoSuppliers() {
        ledger = new MockLedger();
        ledger.callerActsFor(core()).given(supplier(), supplier(SUPPLIER_2), bank());
    }

    private static RegisterPayables.Item item(final int n, final String beneficiary, final long amount) {
        return new RegisterPayables.Item(new RegisterPayable("PO-" + n, beneficiary, amount, "EUR",
                LocalDate.parse("2026-02-27"), LocalDate.parse("2026-06-30"), List.of(fingerprint(n)), HASH_B),
                "row-" + n);
    }

    private static String fingerprint(final int n) {
        return String.format("%064x", n);
    }

    private static String wire(final List<RegisterPayables.Item> items) {
        return new RegisterPayables(items).arguments().get(0);
    }

    private static List<RegisterPayables.Item> goodItems(final int count) {
        List<RegisterPayables.Item> items = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            items.add(item(n, n % 2 == 0 ? SUPPLIER_2 : SUPPLIER, 1_000 * n));
        }
        return items;
    }

    private String submit(final List<RegisterPayables.Item> items) {
        return contract.registerPayables(ledger.ctx, wire(items), "batch-1");
    }

    /** The refusal of the batch, asserting its code and that it names the item at this position. */
    private void assertItemRefused(final List<RegisterPayables.Item> items, final ErrorCode code, final int position) {
        assertRefused(() -> submit(items), code);
        assertThatThrownBy(() -> submit(items)).isInstanceOfSatisfying(ScfException.class, e ->
                assertThat(RegisterPayables.refusedItem(e.detail())).hasValue(position));
        ledger.assertUntouched();
    }

    @Test
    void registersEveryItemWithItsOwnRootTokenAndRequestRecordInOneEvent() {
        String result = submit(goodItems(3));

        for (int n = 1; n <= 3; n++) {
            Payable payable = ledger.written("payable:CORE1:PO-" + n, Payable.class);
            assertThat(payable.amount()).isEqualTo(1_000L * n);
            assertThat(payable.rootTokenId()).isEqualTo(MockLedger.TX_ID + "." + (n - 1));
            Token root = ledger.written("token:" + payable.rootTokenId(), Token.class);
            assertThat(root.holderId()).isEqualTo(payable.beneficiaryId());
            assertThat(ledger.wasWritten("invoice:" + fingerprint(n))).isTrue();
            RequestRecord request = ledger.written("request:row-" + n, RequestRecord.class);
            assertThat(request).isEqualTo(new RequestRecord("row-" + n, Transaction.REGISTER_PAYABLES,
                    MockLedger.TX_ID, NOW, request.mspId(), CORE));
        }
        assertThat(ledger.written("request:batch-1", RequestRecord.class).transaction())
                .isEqualTo(Transaction.REGISTER_PAYABLES);
        assertThat(ledger.eventName()).isEqualTo("PayablesRegistered");
        JsonNode event = ledger.event();
        assertThat(event.at("/payables")).hasSize(3);
        assertThat(event.at("/tokens")).hasSize(3);
        assertThat(event.at("/transaction").asText()).isEqualTo("RegisterPayables");
        assertThat(result).isEqualTo(event.toString());
    }

    @Test
    void takesUpToTheSharedMaximumAndNoMore() {
        submit(goodItems(RegisterPayables.MAX_ITEMS));
        assertThat(ledger.event().at("/payables")).hasSize(RegisterPayables.MAX_ITEMS);

        ledger = new MockLedger();
        ledger.callerActsFor(core()).given(supplier(), supplier(SUPPLIER_2));
        assertRefused(() -> submit(goodItems(RegisterPayables.MAX_ITEMS + 1)), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> contract.registerPayables(ledger.ctx, "[]", "batch-1"), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> contract.registerPayables(ledger.ctx, "{}", "batch-1"), ErrorCode.INVALID_ARGUMENT);
        assertRefused(() -> contract.registerPayables(ledger.ctx, null, "batch-1"), ErrorCode.INVALID_ARGUMENT);
        ledger.assertUntouched();
    }

    @Test
    void aMalformedItemRefusesTheBatchNamingIt() {
        String good = goodItems(1).get(0).toJson();
        String shortItem = WireJson.array(List.of("PO-9", SUPPLIER), WireJson::string);

        assertRefused(() -> contract.registerPayables(ledger.ctx, "[" + good + "," + shortItem + "]", "batch-1"),
                ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> contract.registerPayables(ledger.ctx, "[" + good + "," + shortItem + "]", "batch-1"))
                .hasMessage("INVALID_ARGUMENT: item 1: an item lists RegisterPayable's 8 arguments and its request id");
        ledger.assertUntouched();
    }

    @Test
    void anAmountAboveTheCeilingRefusesTheBatchNamingTheItem() {
        List<RegisterPayables.Item> items = goodItems(3);
        items.set(2, item(3, SUPPLIER, Amounts.MAX_MINOR + 1));

        assertItemRefused(items, ErrorCode.INVALID_AMOUNT, 2);
    }

    @Test
    void eachItemIsHeldToTheSingleRegistrationsRules() {
        List<RegisterPayables.Item> toABank = goodItems(2);
        toABank.set(1, item(2, "BANK1", 1_000));
        assertItemRefused(toABank, ErrorCode.INVALID_COUNTERPARTY, 1);

        List<RegisterPayables.Item> toAnUnknown = goodItems(2);
        toAnUnknown.set(0, item(1, "NOBODY", 1_000));
        assertItemRefused(toAnUnknown, ErrorCode.INVALID_COUNTERPARTY, 0);

        List<RegisterPayables.Item> belowMinimum = goodItems(3);
        belowMinimum.set(1, item(2, SUPPLIER, 1));
        assertItemRefused(belowMinimum, ErrorCode.INVALID_AMOUNT, 1);
    }

    @Test
    void onlyACoreEnterpriseRegisters() {
        ledger.callerActsFor(supplier(SUPPLIER_2));

        assertRefused(() -> submit(goodItems(2)), ErrorCode.UNAUTHORIZED);
        assertThatThrownBy(() -> submit(goodItems(2))).isInstanceOfSatisfying(ScfException.class, e ->
                assertThat(RegisterPayables.refusedItem(e.detail())).as("refused as a whole").isEmpty());
        ledger.assertUntouched();
    }

    @Test
    void anInvoiceAlreadyCarriedRefusesTheBatchNamingTheItem() {
        ledger.givenValue("invoice:" + fingerprint(2), new InvoiceClaim(fingerprint(2), "CORE2", "X-7", "tx2"));

        assertItemRefused(goodItems(3), ErrorCode.DUPLICATE_INVOICE, 1);
    }

    @Test
    void aRepeatInsideTheBatchIsRefusedAsAcrossTransactions() {
        List<RegisterPayables.Item> samePayableId = goodItems(2);
        samePayableId.add(new RegisterPayables.Item(item(1, SUPPLIER, 5_000).payable(), "row-other"));
        assertItemRefused(samePayableId, ErrorCode.ALREADY_EXISTS, 2);

        List<RegisterPayables.Item> sameRequestId = goodItems(2);
        sameRequestId.add(new RegisterPayables.Item(item(3, SUPPLIER, 5_000).payable(), "row-1"));
        assertItemRefused(sameRequestId, ErrorCode.DUPLICATE_REQUEST, 2);
    }

    @Test
    void aRetriedItemIsRefusedNamingItAndNothingIsRegisteredTwice() {
        ledger.givenValue("request:row-2", new RequestRecord("row-2", Transaction.REGISTER_PAYABLES, "tx2", NOW,
                "CoreMSP", CORE));

        assertItemRefused(goodItems(3), ErrorCode.DUPLICATE_REQUEST, 1);
    }

    @Test
    void aRetriedBatchIsRefusedAsAWholeSoTheClientConfirmsItFromTheLedger() {
        ledger.givenValue("request:batch-1", new RequestRecord("batch-1", Transaction.REGISTER_PAYABLES, "tx2", NOW,
                "CoreMSP", CORE));

        assertRefused(() -> submit(goodItems(3)), ErrorCode.DUPLICATE_REQUEST);
        assertThatThrownBy(() -> submit(goodItems(3))).isInstanceOfSatisfying(ScfException.class, e ->
                assertThat(RegisterPayables.refusedItem(e.detail())).isEmpty());
        ledger.assertUntouched();
    }
}
