package com.scfledger.platform.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which organisations endorse a proposal, from their recent health. The channel's policy needs a majority of the
 * organisations, so one organisation that cannot endorse (its peer or chaincode server is down) must not stop the
 * platform. While every organisation is healthy the Gateway chooses: it prefers the peers with the highest block
 * height, so a write that depends on the one just committed is simulated on peers that have it (naming peers in
 * turn did not: a peer a block behind refused a KYC admission whose anchor it had not yet committed). An
 * organisation the Gateway named as failing is set aside for a while ({@code scf.fabric.endorser-quarantine}), and
 * proposals go to a majority of the healthy ones, taken in turn. When they are too few for a
 * majority, the organisations set aside longest ago make up the number: one that failed a while back has likely
 * recovered, and a proposal that names it may still succeed where the Gateway's own plan would fail for certain.
 * The gateway organisation is asked first for evaluations, since its peer is the one that confirms commits.
 */
final class Endorsers {

    private static final Logger log = LoggerFactory.getLogger(Endorsers.class);

    private final List<String> mspIds;
    private final String gatewayMspId;
    private final Duration quarantine;
    private final Clock clock;
    private final Map<String, Instant> setAsideUntil = new ConcurrentHashMap<>();
    /** Which majority comes next: proposals take the healthy organisations' majorities in turn. */
    private final AtomicInteger turn = new AtomicInteger();

    Endorsers(List<String> mspIds, String gatewayMspId, Duration quarantine, Clock clock) {
        this.mspIds = List.copyOf(mspIds);
        this.gatewayMspId = gatewayMspId;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /**
     * The organisations to endorse with. Empty while every organisation is healthy: the Gateway chooses. Otherwise a
     * majority of the healthy ones, the next in turn; when too few are healthy, all of them plus the organisations
     * whose time aside ends soonest.
     */
    List<String> forEndorsement() {
        List<String> healthy = healthy();
        if (healthy.size() == mspIds.size()) {
            return List.of();
        }
        int needed = majority();
        if (healthy.size() < needed) {
            List<String> chosen = new ArrayList<>(healthy);
            setAsideUntil.entrySet().stream().filter(e -> mspIds.contains(e.getKey()) && !chosen.contains(e.getKey()))
                    .sorted(Map.Entry.comparingByValue()).limit(needed - chosen.size())
                    .forEach(e -> chosen.add(e.getKey()));
            return List.copyOf(chosen);
        }
        int first = Math.floorMod(turn.getAndIncrement(), healthy.size());
        List<String> chosen = new ArrayList<>(needed);
        for (int i = 0; i < needed; i++) {
            chosen.add(healthy.get((first + i) % healthy.size()));
        }
        return List.copyOf(chosen);
    }

    /** The one organisation to evaluate on; empty: the Gateway's own peer is healthy, let it choose. */
    List<String> forEvaluation() {
        List<String> healthy = healthy();
        if (healthy.isEmpty() || healthy.contains(gatewayMspId)) {
            return List.of();
        }
        return List.of(healthy.get(0));
    }

    /**
     * Sets aside the organisations the Gateway named as failing and says whether another attempt has a chance: the
     * organisations that did not fail just now are still a majority (those set aside longer ago among them included).
     */
    boolean failed(Collection<String> failing) {
        List<String> known = failing.stream().filter(mspIds::contains).distinct().toList();
        if (known.isEmpty()) {
            return false;
        }
        Instant until = clock.instant().plus(quarantine);
        known.forEach(msp -> {
            if (setAsideUntil.put(msp, until) == null) {
                log.warn("organisation {} failed to endorse; proposals go to the other organisations for {}", msp,
                        quarantine);
            }
        });
        return mspIds.size() - known.size() >= majority();
    }

    /** For health: each organisation, HEALTHY or SET_ASIDE (until when). */
    Map<String, String> status() {
        Map<String, String> out = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (String msp : mspIds) {
            Instant until = setAsideUntil.get(msp);
            out.put(msp, until != null && until.isAfter(now) ? "SET_ASIDE until " + until : "HEALTHY");
        }
        return out;
    }

    private List<String> healthy() {
        Instant now = clock.instant();
        List<String> healthy = new ArrayList<>();
        if (mspIds.contains(gatewayMspId) && !setAside(gatewayMspId, now)) {
            healthy.add(gatewayMspId);
        }
        for (String msp : mspIds) {
            if (!msp.equals(gatewayMspId) && !setAside(msp, now)) {
                healthy.add(msp);
            }
        }
        return healthy;
    }

    private boolean setAside(String msp, Instant now) {
        Instant until = setAsideUntil.get(msp);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(now)) {
            setAsideUntil.remove(msp, until);
            return false;
        }
        return true;
    }

    private int majority() {
        return mspIds.size() / 2 + 1;
    }
}
