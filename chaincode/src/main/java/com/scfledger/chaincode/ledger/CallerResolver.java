package com.scfledger.chaincode.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.hyperledger.fabric.contract.ClientIdentity;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.Approver;

/**
 * Turns the submitter's X.509 identity into a {@link Caller}.
 *
 * <p>The organisation's Fabric CA writes two attributes into each enrolment certificate: {@code scf.enterpriseId}
 * and {@code scf.role}. An enterprise identity is honoured only when the enterprise is registered, ACTIVE, its
 * registered MSP ID is the certificate's MSP, and its role is the attribute's role: a CA can vouch only for the
 * enterprises registered under its own organisation. The platform admin needs no enterprise record (so that a
 * fresh channel can be bootstrapped) but must come from PlatformMSP.
 */
public final class CallerResolver {

    public static final String ENTERPRISE_ID_ATTRIBUTE = "scf.enterpriseId";
    public static final String ROLE_ATTRIBUTE = "scf.role";
    /** Set on a user's personal identity (an approver's); informative only, the certificate is what counts. */
    public static final String USERNAME_ATTRIBUTE = "scf.username";
    public static final String PLATFORM_MSP = "PlatformMSP";
    public static final String PLATFORM_ADMIN_ROLE = "PLATFORM_ADMIN";
    public static final String AUDITOR_ROLE = "AUDITOR";

    private CallerResolver() {
    }

    public static Caller resolve(final ClientIdentity identity, final WorldState state) {
        String mspId = identity.getMSPID();
        String role = identity.getAttributeValue(ROLE_ATTRIBUTE);
        String enterpriseId = identity.getAttributeValue(ENTERPRISE_ID_ATTRIBUTE);
        boolean orgAdmin = hasAdminOu(identity.getX509Certificate());
        Approver signer = new Approver(identity.getId(), identity.getAttributeValue(USERNAME_ATTRIBUTE));
        String certificateHash = certificateHash(identity.getX509Certificate());

        if (PLATFORM_ADMIN_ROLE.equals(role)) {
            if (!PLATFORM_MSP.equals(mspId)) {
                throw ScfException.of(ErrorCode.UNAUTHORIZED, "the " + PLATFORM_ADMIN_ROLE
                        + " role is honoured only from "
                        + PLATFORM_MSP + ", not " + mspId);
            }
            return new Caller(mspId, CallerKind.PLATFORM_ADMIN, null, orgAdmin, signer, certificateHash);
        }
        if (AUDITOR_ROLE.equals(role)) {
            return new Caller(mspId, CallerKind.AUDITOR, null, orgAdmin, signer, certificateHash);
        }
        if (role != null && enterpriseId != null) {
            return new Caller(mspId, CallerKind.ENTERPRISE, activeEnterprise(state, mspId, enterpriseId, role),
                    orgAdmin, signer, certificateHash);
        }
        if (orgAdmin) {
            return new Caller(mspId, CallerKind.ORG_ADMIN, null, true, signer, certificateHash);
        }
        throw ScfException.of(ErrorCode.UNAUTHORIZED, "the identity carries no " + ENTERPRISE_ID_ATTRIBUTE + " and "
                + ROLE_ATTRIBUTE + " attributes");
    }

    private static Enterprise activeEnterprise(final WorldState state, final String mspId, final String enterpriseId,
            final String role) {
        Optional<EnterpriseRole> claimedRole = enterpriseRole(role);
        if (claimedRole.isEmpty()) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "unknown " + ROLE_ATTRIBUTE + " " + role);
        }
        // Reported as UNAUTHORIZED, not NOT_FOUND: the caller is refused whatever the reason.
        Enterprise enterprise = state.find(RecordKeys.enterprise(enterpriseId), Enterprise.class)
                .orElseThrow(() -> ScfException.of(ErrorCode.UNAUTHORIZED, "enterprise " + enterpriseId
                        + " is not registered"));
        if (!enterprise.mspId().equals(mspId)) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "enterprise " + enterpriseId + " is registered with "
                    + enterprise.mspId() + ", not " + mspId);
        }
        if (enterprise.role() != claimedRole.get()) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "enterprise " + enterpriseId + " is " + enterprise.role()
                    + ", the identity claims " + role);
        }
        if (!enterprise.active()) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "enterprise " + enterpriseId + " is " + enterprise.status());
        }
        return enterprise;
    }

    private static Optional<EnterpriseRole> enterpriseRole(final String role) {
        for (EnterpriseRole candidate : EnterpriseRole.values()) {
            if (candidate.name().equals(role)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** SHA-256 of the DER certificate, lower-case hex: how an enterprise's SELF identities are listed. */
    static String certificateHash(final X509Certificate certificate) {
        if (certificate == null) {
            return null;
        }
        try {
            byte[] der = certificate.getEncoded();
            return der == null ? null : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "the submitter's certificate cannot be read");
        }
    }

    /** Fabric's NodeOUs mark admin certificates with OU=admin (cryptogen and Fabric CA alike). */
    public static boolean hasAdminOu(final X509Certificate certificate) {
        if (certificate == null) {
            return false;
        }
        try {
            LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : subject.getRdns()) {
                if ("OU".equalsIgnoreCase(rdn.getType()) && "admin".equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false;
        }
    }
}
