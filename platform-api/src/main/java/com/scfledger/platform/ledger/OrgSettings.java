package com.scfledger.platform.ledger;

import java.net.URI;
import java.nio.file.Path;

/**
 * One organisation's endpoints and material, from {@code network.env}: SCF_&lt;ORG&gt;_MSP_ID,
 * _PEER_ENDPOINT, _PEER_TLS_CA, _PEER_HOST_ALIAS (optional TLS authority override), _CA_URL, _CA_TLS_CA,
 * _CA_NAME (optional), _CA_AFFILIATION (optional), and the registrar the API may use, _CA_ADMIN and
 * _CA_ADMIN_SECRET, from SCF_CA_REGISTRARS_FILE. No organisation admin's material: the API needs none.
 */
public record OrgSettings(Org org, String mspId, String peerEndpoint, Path peerTlsCa, String peerHostAlias,
                          URI caUrl, Path caTlsCa, String caAdmin, String caAdminSecret,
                          String caName, String caAffiliation) {

    @Override
    public String toString() {
        return "OrgSettings[" + org + ", mspId=" + mspId + ", peer=" + peerEndpoint + ", ca=" + caUrl
                + ", caAdmin=" + caAdmin + ", caAdminSecret=***]";
    }
}
