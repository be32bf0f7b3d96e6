package com.scfledger.platform.ledger;

import java.util.Objects;

/**
 * Whose certificate signs a ledger call: the enterprise's own identity, or the personal identity of one of its users
 * (an approver), enrolled at the same organisation's CA with the enterprise's attributes plus the username. The
 * chaincode tells two signatures of one enterprise apart by certificate, so four-eyes steps sign personally.
 *
 * @param username null for the enterprise's own identity
 */
public record Signer(String enterpriseId, String username) {

    public Signer {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
    }

    /** The enterprise's own identity (what every {@code String as} method of {@link ScfLedger} signs with). */
    public static Signer enterprise(String enterpriseId) {
        return new Signer(enterpriseId, null);
    }

    /** The personal identity of a user acting for the enterprise. */
    public static Signer person(String enterpriseId, String username) {
        return new Signer(enterpriseId, Objects.requireNonNull(username, "username"));
    }

    public boolean personal() {
        return username != null;
    }

    @Override
    public String toString() {
        return personal() ? enterpriseId + "/" + username : enterpriseId;
    }
}
