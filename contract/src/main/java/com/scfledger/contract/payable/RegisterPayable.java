package com.scfledger.contract.payable;

import java.time.LocalDate;
import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.WireJson;

/**
 * RegisterPayable: a core enterprise registers what it owes a supplier, with the root token pending acceptance.
 *
 * @param invoiceFingerprints 1 to 100 distinct keyed fingerprints; the wire carries them as a JSON array
 */
public record RegisterPayable(String payableId, String beneficiaryId, long amount, String currency,
        LocalDate issueDate, LocalDate maturityDate, List<String> invoiceFingerprints, String documentHash)
        implements Submission {

    /** The most invoices one payable may carry. */
    public static final int MAX_INVOICES = 100;

    public RegisterPayable {
        invoiceFingerprints = List.copyOf(invoiceFingerprints);
    }

    @Override
    public Transaction transaction() {
        return Transaction.REGISTER_PAYABLE;
    }

    @Override
    public List<String> arguments() {
        return List.of(payableId, beneficiaryId, Long.toString(amount), currency, issueDate.toString(),
                maturityDate.toString(), WireJson.array(invoiceFingerprints, WireJson::string), documentHash);
    }
}
