package com.scfledger.platform.ledger;

import java.net.URI;
import java.nio.file.Path;

/**
 * One organisation's endpoints and material, from {@code network.env}: SCF_&lt;ORG&gt;_MSP_ID,
 * _PEER_ENDPOINT, _PEER_TLS_CA, _PEER_HOST_ALIAS (optional TLS authority override), _ADMIN_MSP_DIR,
 * _CA_URL, _CA_TLS_CA, _CA_ADMIN, _CA_ADMIN_SECRET, _CA_NAME (optional), _CA_AFFILIATION (optional).
 */
public record OrgSettings(Org org, String mspId, String peerEndpoint, Path peerTlsCa, String peerHostAlias,
                          Path adminMspDir, URI caUrl, Path caTlsCa, String caAdmin, String caAdminSecret,
                          String caName, String caAffiliation) {

    @Override
    public String toString() {
        return "OrgSettings[" + org + ", mspId=" + mspId + ", peer=" + peerEndpoint + ", ca=" + caUrl
                + ", caAdmin=" + caAdmin + ", caAdminSecret=***]";
    }
}
