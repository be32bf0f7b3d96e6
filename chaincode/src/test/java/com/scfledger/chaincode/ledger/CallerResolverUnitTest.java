package com.scfledger.chaincode.ledger;

import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.suspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.ledger.Actor;

class CallerResolverUnitTest {

    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    private Caller resolve() {
        return CallerResolver.resolve(ledger.identity, new WorldState(ledger.stub));
    }

    @Test
    void anEnterpriseIdentityActsForItsActiveEnterprise() {
        ledger.callerActsFor(core());

        Caller caller = resolve();

        assertThat(caller.kind()).isEqualTo(CallerKind.ENTERPRISE);
        assertThat(caller.enterpriseId()).isEqualTo("CORE1");
        assertThat(caller.readsEverything()).isFalse();
        assertThat(caller.actor()).isEqualTo(new Actor("CoreMSP", "CORE1", "CORE"));
        assertThat(caller.requireEnterpriseRole(EnterpriseRole.CORE)).isEqualTo(core());
        assertRefused(() -> caller.requireEnterpriseRole(EnterpriseRole.BANK), ErrorCode.UNAUTHORIZED);
        assertRefused(caller::requirePlatformAdmin, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesAnEnterpriseThatIsNotRegistered() {
        ledger.callerIs("CoreMSP", "CORE1", "CORE");

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesAnIdentityFromAnotherOrganisationThanTheEnterprise() {
        ledger.given(core()).callerIs("BankMSP", "CORE1", "CORE");

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesAnIdentityClaimingAnotherRoleThanTheEnterprise() {
        ledger.given(supplier()).callerIs("PlatformMSP", "SUP1", "BANK");

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesAnUnknownRole() {
        ledger.given(supplier()).callerIs("PlatformMSP", "SUP1", "supplier");

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesASuspendedEnterprise() {
        ledger.given(suspended(bank())).callerIs("BankMSP", "BANK1", "BANK");

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void thePlatformAdminComesFromPlatformMspAndNeedsNoEnterprise() {
        ledger.callerIsPlatformAdmin();

        Caller caller = resolve();

        assertThat(caller.kind()).isEqualTo(CallerKind.PLATFORM_ADMIN);
        assertThat(caller.readsEverything()).isTrue();
        assertThat(caller.actor()).isEqualTo(new Actor("PlatformMSP", null, "PLATFORM_ADMIN"));
        assertRefused(caller::requireEnterprise, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesThePlatformAdminRoleFromAnyOtherOrganisation() {
        ledger.callerIs("CoreMSP", null, "PLATFORM_ADMIN");

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void anAuditorReadsEverythingButActsForNoEnterprise() {
        ledger.callerIsAuditor("BankMSP");

        Caller caller = resolve();

        assertThat(caller.kind()).isEqualTo(CallerKind.AUDITOR);
        assertThat(caller.readsEverything()).isTrue();
        assertRefused(caller::requireEnterprise, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void anOrgAdminCertificateWithoutAttributesReadsEverything() {
        ledger.callerIsOrgAdmin("CoreMSP");

        Caller caller = resolve();

        assertThat(caller.kind()).isEqualTo(CallerKind.ORG_ADMIN);
        assertThat(caller.readsEverything()).isTrue();
        assertThat(caller.actor().role()).isEqualTo("ORG_ADMIN");
    }

    @Test
    void anOrgAdminActingForAnEnterpriseAlsoReadsEverything() {
        ledger.callerIsOrgAdmin("CoreMSP").callerActsFor(core());

        Caller caller = resolve();

        assertThat(caller.kind()).isEqualTo(CallerKind.ENTERPRISE);
        assertThat(caller.orgAdmin()).isTrue();
        assertThat(caller.readsEverything()).isTrue();
    }

    @Test
    void refusesAClientCertificateWithoutAttributes() {
        ledger.callerIs("CoreMSP", null, null);
        X509Certificate certificate = mock(X509Certificate.class);
        when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal("CN=user1,OU=client,O=Core"));
        when(ledger.identity.getX509Certificate()).thenReturn(certificate);

        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesAnEnterpriseIdWithoutARoleAndARoleWithoutAnEnterpriseId() {
        ledger.given(core()).callerIs("CoreMSP", "CORE1", null);
        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);

        ledger.callerIs("CoreMSP", null, "CORE");
        assertRefused(this::resolve, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void recognisesTheAdminOrganisationalUnitCaseInsensitively() {
        X509Certificate certificate = mock(X509Certificate.class);
        when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal("CN=a,OU=Admin,OU=bank,O=Bank"));

        assertThat(CallerResolver.hasAdminOu(certificate)).isTrue();
        assertThat(CallerResolver.hasAdminOu(null)).isFalse();
    }
}
