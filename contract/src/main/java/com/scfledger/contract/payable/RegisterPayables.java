package com.scfledger.contract.payable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.WireJson;

/**
 * RegisterPayables: a core enterprise registers up to {@link #MAX_ITEMS} payables in one transaction, each under
 * the same rules as {@link RegisterPayable} and with its own request id. The batch is atomic: one refused item
 * refuses the whole batch, and the refusal's detail names the item ({@code item 3: ...}, see {@link #refusedItem}),
 * so that a client can drop that item and submit the rest again.
 *
 * <p>On the wire each item is a JSON array of strings: RegisterPayable's arguments, then the item's request id,
 * exactly what {@link RegisterPayable#wireArguments(String)} gives.
 *
 * @param items 1 to {@link #MAX_ITEMS} payables, in the order their refusals and ids refer to
 */
public record RegisterPayables(List<Item> items) implements Submission {

    /** The most payables one batch may register: the chaincode refuses more, the API splits larger imports. */
    public static final int MAX_ITEMS = 100;

    private static final String ITEM_PREFIX = "item ";
    private static final Pattern REFUSED_ITEM = Pattern.compile("^" + ITEM_PREFIX + "(\\d{1,4}): ");

    public RegisterPayables {
        items = List.copyOf(items);
    }

    @Override
    public Transaction transaction() {
        return Transaction.REGISTER_PAYABLES;
    }

    @Override
    public List<String> arguments() {
        return List.of(WireJson.array(items, Item::toJson));
    }

    /** The detail of a refusal caused by the item at this (0-based) position of the batch. */
    public static String itemRefusal(final int index, final String detail) {
        return ITEM_PREFIX + index + ": " + detail;
    }

    /** The position of the item a refusal's detail names; empty when the refusal is about the batch as a whole. */
    public static OptionalInt refusedItem(final String detail) {
        if (detail == null) {
            return OptionalInt.empty();
        }
        Matcher m = REFUSED_ITEM.matcher(detail);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * One payable of the batch.
     *
     * @param payable   what to register
     * @param requestId the item's own request id: the ledger records it as used, so a retried item is refused with
     *                  DUPLICATE_REQUEST (naming the item) rather than registered twice
     */
    public record Item(RegisterPayable payable, String requestId) {

        /** The item as the chaincode reads it: RegisterPayable's wire arguments, request id last. */
        public String toJson() {
            List<String> wire = new ArrayList<>(Arrays.asList(payable.wireArguments(requestId)));
            return WireJson.array(wire, WireJson::string);
        }
    }
}
