package com.scfledger.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The platform's structure, checked on every build: packages by feature without cycles, aggregates and
 * repositories that know nothing of HTTP, and features that meet only through what each one publishes.
 */
class ArchitectureUnitTest {

    static final String ROOT = "com.scfledger.platform";

    /**
     * Feature packages and the classes each lets other features use (nested types go with their top-level class).
     * Everything else in a feature is its own business. The shared packages (domain, problem, web, security,
     * ledger, operation, readmodel, approval, webui) are not features and are not listed.
     */
    static final Map<String, Set<String>> PUBLISHED = Map.ofEntries(
            Map.entry("audit", Set.of("AuditTrail")),
            Map.entry("document", Set.of("Documents", "StoredDocument", "DocumentType")),
            Map.entry("enterprise", Set.of("Enterprise", "Enterprises", "EnterpriseOnboarding", "EnterpriseSuspended",
                    "EnterpriseReinstated")),
            Map.entry("financing", Set.of()),
            Map.entry("idempotency", Set.of("IdempotencyService", "IdempotentRequest")),
            Map.entry("identity", Set.of("LedgerEnrollment", "LedgerIdentityService")),
            Map.entry("kyc", Set.of("KycDirectory")),
            Map.entry("payable", Set.of()),
            Map.entry("settings", Set.of("BusinessCalendar")),
            Map.entry("token", Set.of("TokenReads", "TokenView")),
            Map.entry("verify", Set.of("AnchoredRecordSource", "Canonical")));

    /** The aggregates: they guard their own state and answer in domain refusals. */
    static final Set<String> AGGREGATES = Set.of("Enterprise", "KycApplication", "FinancingApplication", "Approval");

    /** Repositories that do not follow the *Repository naming. */
    static final Set<String> REPOSITORIES = Set.of("Enterprises", "UserAccounts", "ApiKeys", "AuditLog", "IdempotencyStore");

    /**
     * Packages whose aggregates and repositories still raise ApiProblem directly; the approval workflow moves
     * them onto domain refusals. Remove an entry as soon as its package is converted.
     */
    static final Set<String> NOT_YET_ON_DOMAIN_REFUSALS = Set.of();

    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PLATFORM);
    }

    @Test
    void aggregatesAndRepositoriesKnowNoHttp() {
        aggregatesAndRepositoriesKnowNoHttp(PLATFORM);
    }

    @Test
    void theDomainPackageKnowsNoSpringNorHttp() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        ROOT + ".problem..", ROOT + ".web..")
                .check(PLATFORM);
    }

    /** The ledger says what happened (a refusal, an invalid transaction, an outage); the problem package answers it. */
    @Test
    void theLedgerKnowsNoHttpProblems() {
        noClasses().that().resideInAPackage(ROOT + ".ledger..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".problem..", ROOT + ".web..",
                        "org.springframework.http..")
                .because("ledger failures are mapped to HTTP once, by problem.LedgerProblems")
                .check(PLATFORM);
    }

    @Test
    void onlyTheLedgerReportsOutagesAndInvalidTransactions() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".ledger..")
                .should().callConstructorWhere(DescribedPredicate.describe("a ledger failure other than a refusal",
                        call -> Set.of(ROOT + ".ledger.LedgerOutage", ROOT + ".ledger.TransactionInvalid",
                                ROOT + ".ledger.ChaincodeFailure").contains(call.getTargetOwner().getName())))
                .check(PLATFORM);
    }

    @Test
    void featuresUseOnlyWhatOtherFeaturesPublish() {
        featuresUseOnlyWhatOtherFeaturesPublish(PLATFORM);
    }

    static void aggregatesAndRepositoriesKnowNoHttp(JavaClasses platform) {
        noClasses().that(aggregatesOrRepositories())
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".problem..", ROOT + ".web..",
                        "org.springframework.http..", "org.springframework.web..")
                .because("domain refusals are mapped to HTTP once, by the problem handler")
                .allowEmptyShould(true)
                .check(platform);
    }

    static void featuresUseOnlyWhatOtherFeaturesPublish(JavaClasses platform) {
        classes().that().resideInAPackage(ROOT + "..").should(useOnlyPublishedClassesOfOtherFeatures())
                .check(platform);
    }

    private static DescribedPredicate<JavaClass> aggregatesOrRepositories() {
        return DescribedPredicate.describe("aggregates and repositories", c -> {
            String name = topLevelName(c);
            boolean converted = !NOT_YET_ON_DOMAIN_REFUSALS.contains(feature(c));
            return converted && (AGGREGATES.contains(name) || REPOSITORIES.contains(name) || name.endsWith("Repository"));
        });
    }

    private static ArchCondition<JavaClass> useOnlyPublishedClassesOfOtherFeatures() {
        return new ArchCondition<>("use only the published classes of other features") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String targetFeature = feature(target);
                    Set<String> published = PUBLISHED.get(targetFeature);
                    if (published != null && !targetFeature.equals(feature(origin))
                            && !published.contains(topLevelName(target))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package below the root, e.g. {@code token} for {@code com.scfledger.platform.token.TokenView}. */
    static String feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static String topLevelName(JavaClass c) {
        String simple = c.getName().substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }
}
