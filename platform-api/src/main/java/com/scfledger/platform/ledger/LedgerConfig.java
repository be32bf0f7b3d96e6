package com.scfledger.platform.ledger;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfig {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfig.class);

    /** The organisations that may endorse: every configured one, the gateway organisation first. */
    @Bean
    Endorsers endorsers(FabricNetwork network, LedgerProperties properties, Clock clock) {
        String gatewayMsp = network.configured(properties.gatewayOrg()) ? network.org(properties.gatewayOrg()).mspId() : "";
        return new Endorsers(network.orgs().values().stream().map(OrgSettings::mspId).toList(), gatewayMsp,
                properties.endorserQuarantine(), clock);
    }

    /** network.env first, then any SCF_* variable of the environment (or Spring property) over it. */
    @Bean
    FabricNetwork fabricNetwork(LedgerProperties properties, Environment environment) {
        Path file = properties.networkEnv() != null && !properties.networkEnv().isBlank()
                ? Path.of(properties.networkEnv())
                : NetworkEnv.discover(Path.of(""));
        FabricNetwork network = NetworkEnv.load(file, environment::getProperty);
        if (network.orgs().isEmpty()) {
            log.warn("ledger network not configured ({}); ledger calls will answer 503", String.join("; ", network.problems()));
        } else {
            log.info("ledger network from {}: channel {}, chaincode {}, organisations {}", network.source(),
                    network.channel(), network.chaincode(), network.orgs().keySet());
        }
        return network;
    }
}
