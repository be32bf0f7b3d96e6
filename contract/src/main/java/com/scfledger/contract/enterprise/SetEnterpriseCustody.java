package com.scfledger.contract.enterprise;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * SetEnterpriseCustody: the platform admin records who holds the enterprise's keys. For {@link KeyCustody#SELF},
 * {@code selfIdentities} lists the certificate ids (SHA-256 of the DER certificate, lower-case hex) that alone may
 * write for the enterprise; for {@link KeyCustody#PLATFORM} it is empty.
 */
public record SetEnterpriseCustody(String enterpriseId, KeyCustody custody, List<String> selfIdentities)
        implements Submission {

    public SetEnterpriseCustody {
        selfIdentities = List.copyOf(selfIdentities);
    }

    @Override
    public Transaction transaction() {
        return Transaction.SET_ENTERPRISE_CUSTODY;
    }

    /** The identities cross the wire as one comma-separated argument. */
    @Override
    public List<String> arguments() {
        return List.of(enterpriseId, custody.name(), String.join(",", selfIdentities));
    }
}
