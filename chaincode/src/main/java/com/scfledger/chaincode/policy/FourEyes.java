package com.scfledger.chaincode.policy;

import java.util.Objects;

import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.financing.Approver;

/**
 * The four-eyes rule shared by every decision that needs two identities: a proposal waits for a confirmation by a
 * second, distinct identity with identical terms.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /**
     * Whether this call confirms a waiting proposal (true) or is the proposal itself (false, no proposal waits).
     *
     * @throws ScfException SAME_APPROVER when the proposer confirms its own proposal; TERMS_MISMATCH when the
     *                      confirmation's terms differ from the proposal's
     */
    public static boolean confirms(final Approver proposer, final Object proposedTerms, final Approver caller,
            final Object terms, final String what) {
        if (proposer == null) {
            return false;
        }
        if (proposer.sameIdentity(caller)) {
            throw ScfException.of(ErrorCode.SAME_APPROVER, what + " was proposed by this same identity"
                    + named(proposer) + "; a second identity of the bank confirms it");
        }
        if (!Objects.equals(proposedTerms, terms)) {
            throw ScfException.of(ErrorCode.TERMS_MISMATCH, what + " was proposed with " + proposedTerms
                    + "; the confirmation has " + terms + " (confirm the same terms, or reject)");
        }
        return true;
    }

    private static String named(final Approver approver) {
        return approver.username() == null ? "" : " (" + approver.username() + ")";
    }
}
