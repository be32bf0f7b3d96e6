package com.scfledger.chaincode.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hyperledger.fabric.client.GatewayException;

/**
 * Enrolls identities from the organisations' CAs and registers their enterprises on the real ledger, the way
 * the platform's onboarding does: the platform admin (PlatformOrg, role PLATFORM_ADMIN) registers each
 * enterprise with the MSP whose CA vouches for it. Ids carry a per-run suffix because ledgers outlive test runs.
 */
public final class LedgerParties implements AutoCloseable {

    private final NetworkEnv env;
    private final Gateways gateways;
    private final CaEnrollment ca;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Party> opened = new ArrayList<>();
    private Party platformAdmin;
    private Party secondAdmin;

    public LedgerParties(final Path workDir) {
        this.env = NetworkEnv.load();
        this.gateways = new Gateways(env);
        this.ca = new CaEnrollment(env, workDir);
    }

    public String run() {
        return run;
    }

    public synchronized Party platformAdmin() {
        if (platformAdmin == null) {
            EnrolledIdentity admin = ca.enroll(NetworkEnv.Org.PLATFORM, "it-admin-" + run,
                    Map.of("scf.role", "PLATFORM_ADMIN"));
            platformAdmin = open("PLATFORM", admin);
        }
        return platformAdmin;
    }

    /** Another platform admin certificate: confirms the admissions {@link #platformAdmin()} proposes. */
    public synchronized Party secondAdmin() {
        if (secondAdmin == null) {
            EnrolledIdentity admin = ca.enroll(NetworkEnv.Org.PLATFORM, "it-admin2-" + run,
                    Map.of("scf.role", "PLATFORM_ADMIN"));
            secondAdmin = open("PLATFORM", admin);
        }
        return secondAdmin;
    }

    /**
     * A new enterprise of {@code role}, admitted on the ledger with four eyes (its KYC hash anchored, proposed by one
     * platform admin, confirmed by another) and ACTIVE, its identity issued by {@code org}'s CA.
     * Every party connects through PlatformOrg's peer, as the platform API does: the Gateway waits for the commit
     * on its own peer, so the next transaction, by any party, sees the previous one (another organisation's peer
     * may lag by a block for a few milliseconds).
     */
    public Party enterprise(final String name, final String role, final NetworkEnv.Org org) throws GatewayException {
        String enterpriseId = name + "-" + run;
        String kycRecordId = "KYC-" + enterpriseId;
        platformAdmin().submit("AnchorRecord", "KYC", kycRecordId, sha256(enterpriseId));
        platformAdmin().submit("ProposeAdmission", enterpriseId, role, env.get(org, "MSP_ID"), kycRecordId,
                sha256(enterpriseId));
        secondAdmin().submit("RegisterEnterprise", enterpriseId, role, env.get(org, "MSP_ID"), sha256(enterpriseId));
        EnrolledIdentity identity = ca.enroll(org, "it-" + enterpriseId.toLowerCase(),
                Map.of("scf.enterpriseId", enterpriseId, "scf.role", role));
        return open(enterpriseId, identity);
    }

    /**
     * Another identity of a registered enterprise: a user's personal certificate from the same CA, with the
     * enterprise's attributes and {@code scf.username}. The chaincode counts it as a second approver.
     */
    public Party person(final Party enterprise, final String role, final NetworkEnv.Org org, final String username) {
        EnrolledIdentity identity = ca.enroll(org, "it-" + enterprise.id().toLowerCase() + "-" + username,
                Map.of("scf.enterpriseId", enterprise.id(), "scf.role", role, "scf.username", username));
        return open(enterprise.id(), identity);
    }

    private Party open(final String enterpriseId, final EnrolledIdentity identity) {
        Party party = new Party(enterpriseId, identity, gateways.connect(identity, NetworkEnv.Org.PLATFORM), env);
        opened.add(party);
        return party;
    }

    /** A stand-in SHA-256 (hex) of an off-chain document: unique per input, well-formed for the chaincode. */
    public static String sha256(final String input) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        opened.forEach(Party::close);
        gateways.close();
    }
}
