package com.scfledger.platform.enterprise;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform operator's own enterprise exists (id {@code scf.platform.operator-enterprise-id},
 * default PLATFORM, in the PLATFORM organisation). Its ledger identity, enrolled like any other
 * with the PLATFORM_ADMIN role, signs enterprise registrations.
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final JdbcClient jdbc;
    private final String operatorId;

    OperatorBootstrap(JdbcClient jdbc, @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.jdbc = jdbc;
        this.operatorId = operatorId;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = jdbc.sql("""
                INSERT INTO enterprises (id, name, role, org, status, created_at, updated_at)
                VALUES (:id, 'Platform operator', 'PLATFORM', 'PLATFORM', 'ACTIVE', :now, :now)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", operatorId).param("now", Timestamp.from(Instant.now())).update();
        if (created > 0) {
            log.info("created the platform operator's enterprise {}", operatorId);
        }
    }
}
