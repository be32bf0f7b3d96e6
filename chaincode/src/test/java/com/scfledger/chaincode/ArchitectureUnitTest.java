package com.scfledger.chaincode;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The chaincode's package rules. {@code ledger} is the kernel every feature stands on (one transaction's view:
 * caller, world state, arguments, canonical JSON, refusals); the feature packages stand on it and on the contract,
 * and only the contract classes at the root (which nothing depends on) route transactions to them.
 */
class ArchitectureUnitTest {

    private static final String ROOT = "com.scfledger.chaincode";
    private static final String[] FEATURES = {
        ROOT + ".anchor..", ROOT + ".bench..", ROOT + ".enterprise..", ROOT + ".financing..", ROOT + ".payable..",
        ROOT + ".query..", ROOT + ".settlement..", ROOT + ".token..",
    };

    private static final JavaClasses CHAINCODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesAreFreeOfCycles() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void theKernelKnowsNoFeature() {
        check(classes().that().resideInAPackage(ROOT + ".ledger..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".ledger..", "com.scfledger.contract..",
                        "java..", "javax..", "org.hyperledger.fabric..", "com.fasterxml.jackson.."));
    }

    @Test
    void featuresReachTheLedgerOnlyThroughTheKernel() {
        check(noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackage(ROOT + ".bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hyperledger.fabric.."));
    }

    @Test
    void nothingDependsOnTheRoutingContracts() {
        check(noClasses().that().resideInAnyPackage(FEATURES).or().resideInAPackage(ROOT + ".ledger..")
                .should().dependOnClassesThat().resideInAPackage(ROOT));
    }

    @Test
    void refusalsCarryAContractErrorCode() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".health..")
                .should().callConstructor(org.hyperledger.fabric.shim.ChaincodeException.class, String.class)
                .orShould().callConstructor(org.hyperledger.fabric.shim.ChaincodeException.class, String.class,
                        String.class));
    }

    private static void check(final ArchRule rule) {
        rule.check(CHAINCODE);
    }
}
