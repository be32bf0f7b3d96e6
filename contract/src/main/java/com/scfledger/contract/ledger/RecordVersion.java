package com.scfledger.contract.ledger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of GetHistory's result, newest first.
 *
 * @param txId      the transaction that wrote this version
 * @param timestamp that transaction's timestamp
 * @param deleted   whether it deleted the record (then {@code value} is null)
 * @param value     the record as that transaction left it
 * @param <T>       the record type the key names
 */
@JsonPropertyOrder(alphabetic = true)
public record RecordVersion<T>(String txId, Instant timestamp, boolean deleted, T value) {
}
