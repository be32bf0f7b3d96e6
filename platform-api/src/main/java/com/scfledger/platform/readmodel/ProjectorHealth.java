package com.scfledger.platform.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The read model's part of /actuator/health: the projector's checkpoint and its lag behind the
 * ledger (committed events not applied yet, and for how long the oldest has waited). DOWN when the
 * projector has stopped on its own or an event has waited longer than {@code scf.projector.health-max-lag};
 * UNKNOWN when the projector is disabled (scf.projector.enabled=false).
 */
@Component("projector")
class ProjectorHealth implements HealthIndicator {

    private final Projector projector;

    ProjectorHealth(Projector projector) {
        this.projector = projector;
    }

    @Override
    public Health health() {
        Projector.Status s = projector.status();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("running", s.running());
        d.put("role", s.leader() ? "leader" : "standby");
        d.put("connected", s.connected());
        d.put("checkpointBlock", s.checkpointBlock());
        d.put("checkpointTxIndex", s.checkpointTxIndex());
        d.put("eventsApplied", s.eventsApplied());
        d.put("headBlock", s.headBlock());
        d.put("lagEvents", s.lagEvents());
        d.put("lagBlocks", s.lagBlocks());
        d.put("lagSeconds", Math.round(s.lagSeconds() * 1000) / 1000.0);
        d.put("duplicatesSkipped", s.duplicates());
        d.put("rejectedEvents", s.rejected());
        if (s.lastEventAt() != null) {
            d.put("lastEventAt", s.lastEventAt().toString());
        }
        if (s.lastError() != null) {
            d.put("lastError", s.lastError());
            d.put("lastErrorAt", String.valueOf(s.lastErrorAt()));
        }
        Health.Builder b;
        if (!s.enabled()) {
            b = Health.unknown().withDetail("disabled", true);
        } else if (!s.running() || s.lagSeconds() > projector.healthMaxLag().toSeconds()) {
            b = Health.down();
        } else {
            b = Health.up();
        }
        return b.withDetails(d).build();
    }
}
