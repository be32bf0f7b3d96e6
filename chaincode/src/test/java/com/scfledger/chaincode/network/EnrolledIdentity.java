package com.scfledger.chaincode.network;

import java.nio.file.Path;

/** An identity enrolled from an organisation's Fabric CA: its MSP, its certificate and its private key. */
public record EnrolledIdentity(String enrollmentId, String mspId, Path certificate, Path privateKey) {
}
