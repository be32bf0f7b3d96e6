package com.scfledger.platform.readmodel;

import org.hyperledger.fabric.client.CloseableIterator;

final class Streams {

    private Streams() {
    }

    /** Closes a ledger stream, which cancels it; a failure to close changes nothing. */
    static void closeQuietly(CloseableIterator<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // the stream is cancelled either way
            }
        }
    }
}
