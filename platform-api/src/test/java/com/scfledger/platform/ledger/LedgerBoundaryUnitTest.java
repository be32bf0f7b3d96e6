package com.scfledger.platform.ledger;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The ledger package is the API's only way to the chaincode: features call {@link ScfLedger}, so every write takes
 * the one write path and nothing else speaks to the Gateway or the raw {@link LedgerClient}.
 */
class LedgerBoundaryUnitTest {

    static final String LEDGER = "com.scfledger.platform.ledger..";
    static final String READ_MODEL = "com.scfledger.platform.readmodel..";
    static final String FABRIC = "org.hyperledger.fabric..";

    /**
     * The event streams {@link LedgerEvents} hands to the read model's follower: the client's event and checkpoint
     * types and the filtered blocks' messages. Nothing that submits or evaluates; the allowance goes once the
     * follower reads our own event records.
     */
    static final Set<String> EVENT_STREAM_TYPES = Set.of(
            "org.hyperledger.fabric.client.ChaincodeEvent",
            "org.hyperledger.fabric.client.Checkpoint",
            "org.hyperledger.fabric.client.Checkpointer",
            "org.hyperledger.fabric.client.CloseableIterator");
    static final String FILTERED_BLOCK_MESSAGES = "org.hyperledger.fabric.protos.peer";

    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.scfledger.platform");

    static final ArchRule NO_RAW_LEDGER_CLIENT_OUTSIDE_THE_LEDGER = noClasses()
            .that().resideOutsideOfPackage(LEDGER)
            .should().dependOnClassesThat().areAssignableTo(LedgerClient.class)
            .because("features call ScfLedger, whose write path gives every write the same guarantees");

    static final ArchRule NO_FABRIC_OUTSIDE_THE_LEDGER = noClasses()
            .that().resideOutsideOfPackages(LEDGER, READ_MODEL)
            .should().dependOnClassesThat().resideInAPackage(FABRIC)
            .because("only the ledger package speaks to the Fabric Gateway");

    static final ArchRule READ_MODEL_ONLY_FOLLOWS_EVENTS = noClasses()
            .that().resideInAPackage(READ_MODEL)
            .should().dependOnClassesThat(describe("Fabric types other than the event stream's",
                    (JavaClass c) -> c.getPackageName().startsWith("org.hyperledger.fabric")
                            && !EVENT_STREAM_TYPES.contains(c.getName())
                            && !c.getPackageName().equals(FILTERED_BLOCK_MESSAGES)))
            .because("the read model follows the ledger's events and writes nothing to it");

    @Test
    void theRulesCatchAFeatureThatBypassesTheLedger() throws ClassNotFoundException {
        JavaClasses violator = new ClassFileImporter()
                .importClasses(Class.forName("com.scfledger.platform.payable.RawLedgerCallerFixture"));
        assertThat(NO_RAW_LEDGER_CLIENT_OUTSIDE_THE_LEDGER.evaluate(violator).hasViolation()).isTrue();
        assertThat(NO_FABRIC_OUTSIDE_THE_LEDGER.evaluate(violator).hasViolation()).isTrue();
    }

    @Test
    void nothingButTheLedgerPackageUsesTheRawLedgerClient() {
        NO_RAW_LEDGER_CLIENT_OUTSIDE_THE_LEDGER.check(API);
    }

    @Test
    void nothingButTheLedgerPackageTouchesTheGateway() {
        NO_FABRIC_OUTSIDE_THE_LEDGER.check(API);
    }

    @Test
    void theReadModelTouchesOnlyTheEventStream() {
        READ_MODEL_ONLY_FOLLOWS_EVENTS.check(API);
    }
}
