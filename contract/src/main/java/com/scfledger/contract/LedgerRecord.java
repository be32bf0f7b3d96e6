package com.scfledger.contract;

/**
 * A record kept in the world state under its own key. Implementations are immutable Java records; their methods
 * deliberately avoid the get/is prefixes so that Jackson serialises only the record components.
 */
public interface LedgerRecord {

    /** The world-state key this record lives under (see {@link RecordKeys}); GetHistory takes it. */
    String ledgerKey();
}
