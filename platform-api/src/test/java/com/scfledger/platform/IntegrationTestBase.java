package com.scfledger.platform;

import com.scfledger.platform.ledger.LedgerClient;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port over real HTTP, against the real PostgreSQL, with the
 * ledger replaced by {@link ScriptedLedger} (tests against the Fabric network extend
 * {@link NetworkIntegrationTestBase}). One Spring context is shared by every such test; tests keep
 * apart by random ids.
 */
@ExtendWith(PostgresRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("itest")
@Import(IntegrationTestBase.LedgerStub.class)
public abstract class IntegrationTestBase extends ApiTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class LedgerStub {
        @Bean
        @Primary
        ScriptedLedger scriptedLedger() {
            return new ScriptedLedger();
        }
    }

    @Autowired
    protected ScriptedLedger ledger;

    @Autowired
    protected LedgerClient ledgerClient;
}
