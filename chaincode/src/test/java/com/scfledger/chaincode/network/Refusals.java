package com.scfledger.chaincode.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.client.EndorseException;

/** Assertions on endorsement refusals: the chaincode's stable code travels in each endorser's error detail. */
final class Refusals {

    private Refusals() {
    }

    /** Asserts that {@code call} is refused at endorsement and every endorser gave {@code code}. */
    static void assertRefused(final String code, final ThrowingCallable call) {
        EndorseException refusal = catchThrowableOfType(EndorseException.class, call);
        assertThat(refusal).as("expected a refusal with " + code).isNotNull();
        assertThat(refusal.getDetails()).as("endorser details of " + refusal).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail.getMessage()).contains(code + ": "));
    }

    /** True when the endorsement failed with {@code code}. */
    static boolean refusedWith(final EndorseException refusal, final String code) {
        return !refusal.getDetails().isEmpty()
                && refusal.getDetails().stream().allMatch(d -> d.getMessage().contains(code + ": "));
    }
}
