package com.scfledger.platform.signing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A client's signature of one step: base64 of the DER ECDSA signature. */
record SignatureRequest(@NotBlank @Size(max = 200) String signature) {
}
