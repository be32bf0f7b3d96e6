package com.scfledger.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The contract is shaded into the chaincode and compiled into the API, so it stays small and self-contained: plain
 * Java and Jackson's annotations, feature packages that never need each other in a circle.
 */
class ArchitectureUnitTest {

    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.scfledger.contract");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.scfledger.contract.(*)..").should().beFreeOfCycles().check(CONTRACT);
    }

    @Test
    void dependsOnNothingButTheJdkAndJacksonAnnotations() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("com.scfledger.contract..", "java..", "com.fasterxml.jackson.annotation..")
                .check(CONTRACT);
    }

    @Test
    void theRootPackageNeedsNoFeature() {
        classes().that().resideInAPackage("com.scfledger.contract")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.scfledger.contract", "java..",
                        "com.fasterxml.jackson.annotation..")
                .check(CONTRACT);
    }
}
