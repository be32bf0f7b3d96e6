package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

class CatchUpEndorsementUnitTest {

    private static EndorseException refused(String description, String mspId) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Status.Code.ABORTED.value())
                .setMessage(description)
                .addDetails(Any.pack(ErrorDetail.newBuilder().setMspId(mspId).setAddress("127.0.0.1:8051")
                        .setMessage("chaincode response 500, NOT_FOUND: payable P-1 of CORE not found").build()))
                .build();
        return new EndorseException("tx", StatusProto.toStatusRuntimeException(status));
    }

    private static final EndorseException BEHIND = refused("failed to collect enough transaction endorsements", "BankMSP");
    private static final EndorseException REFUSED = refused("failed to endorse transaction", "PlatformMSP");

    private static long secondsFromNow(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void endorsesTheSameProposalAgainUntilTheOtherPeersHaveCaughtUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String endorsed = CatchUpEndorsement.endorse("SplitTransfer", 0, secondsFromNow(5), left -> {
            if (attempts.incrementAndGet() < 3) {
                throw BEHIND;
            }
            return "endorsed";
        });
        assertThat(endorsed).isEqualTo("endorsed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void theChaincodesOwnRefusalIsAnsweredAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> CatchUpEndorsement.endorse("SplitTransfer", 0, secondsFromNow(5), left -> {
            attempts.incrementAndGet();
            throw REFUSED;
        })).isSameAs(REFUSED);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void peersThatStayBehindAreGivenUpOnWithinTheEndorseDeadline() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        assertThatThrownBy(() -> CatchUpEndorsement.endorse("SplitTransfer", 0, System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(600), left -> {
                    attempts.incrementAndGet();
                    throw BEHIND;
                })).isSameAs(BEHIND);
        // the 600 ms deadline, and some slack for a loaded machine
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        assertThat(attempts.get()).isBetween(3, 6);
    }
}
