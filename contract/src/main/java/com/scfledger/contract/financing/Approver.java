package com.scfledger.contract.financing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One of the four eyes: the certificate that signed a proposal or a confirmation.
 *
 * @param identity the certificate's subject and issuer, as Fabric's client identity names it
 *                 ({@code x509::<subject>::<issuer>}): two approvers are distinct when these differ
 * @param username the certificate's {@code scf.username} attribute (a personal identity), or null
 */
@JsonPropertyOrder(alphabetic = true)
public record Approver(String identity, String username) {

    public boolean sameIdentity(final Approver other) {
        return other != null && identity.equals(other.identity);
    }
}
