package com.scfledger.platform.readmodel;

import com.scfledger.platform.ledger.LedgerEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the projector's parts (see {@link Projector}); one of each per application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectorProperties.class)
class ReadModelConfig {

    @Bean
    ProjectionCheckpointer projectionCheckpointer(JdbcClient jdbc, ProjectorProperties properties) {
        return new ProjectionCheckpointer(jdbc, properties.name());
    }

    @Bean
    ProjectorThreads projectorThreads() {
        return new ProjectorThreads();
    }

    @Bean
    ProjectorParts projectorParts(LedgerEvents events, ProjectionStore store, ProjectionCheckpointer checkpointer,
                                   ProjectorLeadership leadership, ProjectorProperties properties, MeterRegistry meters,
                                   @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        return ProjectorParts.assemble(events, operatorId, store, checkpointer, leadership, properties, meters);
    }
}
