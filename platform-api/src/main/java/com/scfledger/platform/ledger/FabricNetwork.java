package com.scfledger.platform.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * The network this API talks to, read from {@code fabric-network/.run/network.env} (written by the
 * network scripts) with every variable overridable by the environment. When the file is absent the
 * API still runs; ledger operations then answer 503 {@code LEDGER_NOT_CONFIGURED}.
 */
public final class FabricNetwork {

    private final String source;
    private final String channel;
    private final String chaincode;
    private final Map<Org, OrgSettings> orgs;
    private final ClientTls clientTls;
    private final List<String> problems;

    FabricNetwork(String source, String channel, String chaincode, Map<Org, OrgSettings> orgs, ClientTls clientTls,
                  List<String> problems) {
        this.source = source;
        this.channel = channel;
        this.chaincode = chaincode;
        this.orgs = orgs.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new EnumMap<>(orgs));
        this.clientTls = clientTls;
        this.problems = List.copyOf(problems);
    }

    /** The certificate the API presents to peers for mutual TLS; empty when the network does not ask for one. */
    public Optional<ClientTls> clientTls() {
        return Optional.ofNullable(clientTls);
    }

    /** Where the settings came from (a file path, or "environment"). */
    public String source() {
        return source;
    }

    public String channel() {
        return channel;
    }

    public String chaincode() {
        return chaincode;
    }

    public boolean configured(Org org) {
        return orgs.containsKey(org);
    }

    /** What is missing or wrong in the configuration, for the health endpoint and error details. */
    public List<String> problems() {
        return problems;
    }

    public Map<Org, OrgSettings> orgs() {
        return orgs;
    }

    public OrgSettings org(Org org) {
        OrgSettings s = orgs.get(org);
        if (s == null) {
            throw new LedgerOutage(LedgerOutage.Kind.LEDGER_NOT_CONFIGURED, "The ledger network is not configured for "
                    + org + " (" + String.join("; ", problems) + ").", null, null, null);
        }
        return s;
    }
}
