package com.scfledger.platform.financing;

/** The documents a financing application needs, at least one of each. */
enum FinancingDocumentKind {
    /** The invoice(s) behind the receivable. */
    INVOICE,
    /** The commercial contract with the buyer. */
    CONTRACT
}
