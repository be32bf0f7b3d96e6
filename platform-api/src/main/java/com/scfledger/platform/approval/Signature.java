package com.scfledger.platform.approval;

import java.time.Instant;

/** One of the two decisions of maker-checker: who took it and when (null when the time is not kept). */
public record Signature(Actor by, Instant at) {
}
