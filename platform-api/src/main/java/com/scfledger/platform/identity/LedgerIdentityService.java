package com.scfledger.platform.identity;

import com.scfledger.platform.domain.NotYetPossible;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.enterprise.Enterprise;
import com.scfledger.platform.enterprise.Enterprises;
import com.scfledger.platform.ledger.FabricNetwork;
import com.scfledger.platform.ledger.LedgerCredentials;
import com.scfledger.platform.ledger.LedgerIdentityChanged;
import com.scfledger.platform.ledger.LedgerSigners;
import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.ledger.OrgSettings;
import com.scfledger.platform.ledger.Signer;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each enterprise its own ledger identity: registers it with its organisation's Fabric CA
 * (as the CA's registrar, with the attributes {@code scf.enterpriseId} and {@code scf.role} put
 * into enrollment certificates), enrolls it with a CSR for a key generated here, and keeps the
 * private key AES-GCM encrypted in PostgreSQL. Also the source of signing identities for the
 * gateway layer.
 *
 * <p>Users who approve (bank makers and checkers, platform admins) get a personal identity too, enrolled the same
 * way at their first signature with the enterprise's attributes plus {@code scf.username}: the chaincode tells two
 * approvers apart by certificate, so two signatures of one enterprise must be two certificates. The API still holds
 * their keys (platform custody).
 */
@Service
class LedgerIdentityService implements LedgerSigners {

    static final String ATTR_ENTERPRISE = "scf.enterpriseId";
    static final String ATTR_ROLE = "scf.role";
    static final String ATTR_USERNAME = "scf.username";

    private static final Logger log = LoggerFactory.getLogger(LedgerIdentityService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    record IdentityView(String enterpriseId, Org org, String mspId, String enrollmentId, String subject,
                        String serialNumber, Instant notAfter, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Enterprises enterprises;
    private final FabricNetwork network;
    private final KeyCustody custody;
    private final IdentityProperties properties;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final CrlPublisher crls;
    private final Map<Org, FabricCaClient> caClients = new ConcurrentHashMap<>();
    private final Map<Org, FabricCaClient.Registrar> registrars = new ConcurrentHashMap<>();
    /** Decrypted keys per signer; the active row is re-checked every few seconds (and at once on a local re-enrollment). */
    private final Map<Signer, Cached> credentials = new ConcurrentHashMap<>();
    private static final long RECHECK_NANOS = 5_000_000_000L;
    /** The active identity row of a signer (:e, :u); username IS NULL for the enterprise's own. */
    private static final String ACTIVE_OF_SIGNER =
            "enterprise_id = :e AND username IS NOT DISTINCT FROM CAST(:u AS varchar) AND active";
    private final Map<Signer, Object> personalEnrollments = new ConcurrentHashMap<>();

    LedgerIdentityService(JdbcClient jdbc, TransactionTemplate tx, Enterprises enterprises, FabricNetwork network,
                          IdentityProperties properties, JsonMapper json, ApplicationEventPublisher events,
                          CrlPublisher crls) {
        this.crls = crls;
        this.jdbc = jdbc;
        this.tx = tx;
        this.enterprises = enterprises;
        this.network = network;
        this.custody = KeyCustody.fromConfiguration(properties.keyEncryptionKey(), java.nio.file.Path.of(properties.keyFile()),
                properties.createKeyFile(), properties.keyId());
        this.properties = properties;
        this.json = json;
        this.events = events;
    }

    /** Registers and enrolls a new identity for the enterprise, replacing its current one if any. */
    IdentityView enroll(String enterpriseId) {
        return enroll(Signer.enterprise(enterpriseId));
    }

    /** Registers and enrolls a new identity for the signer (an enterprise or one of its users), replacing the current one. */
    IdentityView enroll(Signer signer) {
        String enterpriseId = signer.enterpriseId();
        Enterprise enterprise = enterprises.require(enterpriseId);
        if ("SUSPENDED".equals(enterprise.status())) {
            throw new InvalidTransition(Reason.ENTERPRISE_SUSPENDED, "A suspended enterprise cannot be enrolled.");
        }
        OrgSettings org = configuredCa(enterprise);
        FabricCaClient ca = caClient(org);
        String enrollmentId = enrollmentIdFor(signer);
        String secret = HexFormat.of().formatHex(randomBytes(24));
        List<FabricCaClient.Attribute> attributes = new java.util.ArrayList<>(attributes(enterprise));
        if (signer.personal()) {
            attributes.add(new FabricCaClient.Attribute(ATTR_USERNAME, signer.username(), true));
        }
        ca.register(registrar(org, ca), enrollmentId, secret, "client", org.caAffiliation(), attributes);
        KeyPair keys = EnrollmentCrypto.newKeyPair();
        FabricCaClient.Enrollment enrollment = ca.enroll(enrollmentId, secret, EnrollmentCrypto.csrPem(enrollmentId, keys),
                attributes.stream().map(FabricCaClient.Attribute::name).toList());
        X509Certificate cert = EnrollmentCrypto.certificate(enrollment.certificatePem());
        if (!cert.getPublicKey().equals(keys.getPublic())) {
            throw ApiProblem.of(ProblemCode.CA_BAD_RESPONSE, "The Fabric CA returned a certificate for another key.");
        }
        Optional<IdentityView> replaced = current(signer);
        Instant createdAt = store(signer, org.org(), org.mspId(), enrollmentId, enrollment.certificatePem(),
                enrollment.caChainPem(), keys.getPrivate(), cert);
        log.info("enrolled ledger identity {} for {} in {}", enrollmentId, signer, org.mspId());
        // The replaced certificate would otherwise stay valid on the channel for the rest of its year. The new
        // identity is in place either way; one the CA did not revoke can be revoked again later.
        replaced.filter(old -> old.org() == org.org())
                .ifPresent(old -> revoke(signer.toString(), List.of(new Held(old.org(), old.enrollmentId())), "superseded"));
        return view(enterpriseId, org.org(), org.mspId(), enrollmentId, cert, createdAt);
    }

    /**
     * Revokes every identity the platform holds for a suspended enterprise (its own and its users' personal ones) at
     * their CA, then has each organisation's CRL put on the channel once. The rows stay, inactive, so the enterprise
     * needs a new enrolment to transact again. The suspension is already on the ledger when this runs, so a CA that
     * cannot be reached is logged, not thrown: the revocation can be asked for again.
     */
    @org.springframework.context.event.EventListener
    void onSuspended(com.scfledger.platform.enterprise.EnterpriseSuspended event) {
        String enterpriseId = event.enterpriseId();
        List<Held> held = jdbc.sql("SELECT org, enrollment_id FROM ledger_identities WHERE enterprise_id = :e AND active")
                .param("e", enterpriseId)
                .query((rs, i) -> new Held(Org.valueOf(rs.getString("org")), rs.getString("enrollment_id"))).list();
        jdbc.sql("UPDATE ledger_identities SET active = false WHERE enterprise_id = :e AND active")
                .param("e", enterpriseId).update();
        events.publishEvent(new LedgerIdentityChanged(enterpriseId));
        revoke(enterpriseId, held, "suspended");
    }

    /**
     * A disabled user's personal ledger identity (an approver's) is set inactive and revoked at its CA, with the CRL
     * put on the channel, so the certificate cannot sign for the enterprise again, through the API or around it. If
     * the user is enabled again, their next signature enrolls a new one.
     */
    @org.springframework.context.event.EventListener
    void onUserDisabled(com.scfledger.platform.security.UserDisabled event) {
        if (event.enterpriseId() == null) {
            return;
        }
        List<Held> held = jdbc.sql("""
                UPDATE ledger_identities SET active = false WHERE enterprise_id = :e AND username = :u AND active
                RETURNING org, enrollment_id""")
                .param("e", event.enterpriseId()).param("u", event.username())
                .query((rs, i) -> new Held(Org.valueOf(rs.getString("org")), rs.getString("enrollment_id"))).list();
        if (!held.isEmpty()) {
            events.publishEvent(new LedgerIdentityChanged(event.enterpriseId()));
            revoke(event.enterpriseId() + "/" + event.username(), held, "user disabled");
        }
    }

    /** A reinstated enterprise gets a new identity: the one it had was revoked when it was suspended. */
    @org.springframework.context.event.EventListener
    void onReinstated(com.scfledger.platform.enterprise.EnterpriseReinstated event) {
        try {
            if (current(event.enterpriseId()).isEmpty()) {
                enroll(event.enterpriseId());
            }
        } catch (RuntimeException e) {
            log.warn("could not enroll a new ledger identity for reinstated enterprise {}: {}", event.enterpriseId(),
                    e.getMessage());
        }
    }

    /** An identity the platform enrolled at an organisation's CA. */
    private record Held(Org org, String enrollmentId) {
    }

    /**
     * The one revocation path: each identity is revoked at its organisation's CA (one the CA refuses or cannot be
     * reached for is logged and left for a later request), then each organisation that revoked one puts its CRL on
     * the channel, once.
     */
    private void revoke(String holder, List<Held> identities, String reason) {
        java.util.Set<Org> revokedIn = java.util.EnumSet.noneOf(Org.class);
        for (Held h : identities) {
            try {
                OrgSettings org = network.org(h.org());
                caClient(org).revoke(registrar(org, caClient(org)), h.enrollmentId(), reason);
                log.info("revoked ledger identity {} of {} at the CA of {} ({})", h.enrollmentId(), holder, org.mspId(),
                        reason);
                revokedIn.add(h.org());
            } catch (RuntimeException e) {
                log.warn("could not revoke ledger identity {} of {} ({}): {}", h.enrollmentId(), holder, reason,
                        e.getMessage());
            }
        }
        revokedIn.forEach(crls::publish);
    }

    /** A certificate issued for a key the client holds: the platform keeps the certificate only. */
    record ClientEnrollment(String enterpriseId, Org org, String mspId, String enrollmentId, String certificatePem,
                            X509Certificate certificate) {
    }

    /**
     * Registers an identity with the enterprise's attributes at its organisation's CA and relays the client's
     * certificate request to be enrolled: the client keeps its private key, and the certificate must be for the
     * request's key. The request's common name is the enrollment id.
     */
    ClientEnrollment enrollClientRequest(String enterpriseId, String csrPem) {
        org.bouncycastle.pkcs.PKCS10CertificationRequest csr;
        try {
            csr = EnrollmentCrypto.readCsr(csrPem);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(ProblemCode.CSR_INVALID, "The certificate request is not usable: " + e.getMessage()
                    + ". Send a PEM PKCS#10 request for an ECDSA P-256 key, signed with it.");
        }
        String enrollmentId = EnrollmentCrypto.commonName(csr);
        if (enrollmentId == null || !enrollmentId.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw ApiProblem.of(ProblemCode.CSR_INVALID, "The certificate request's common name is the enrollment id: "
                    + "3-64 characters of [a-z0-9._-], starting with a letter or digit.");
        }
        Enterprise enterprise = enterprises.require(enterpriseId);
        if ("SUSPENDED".equals(enterprise.status())) {
            throw new InvalidTransition(Reason.ENTERPRISE_SUSPENDED, "A suspended enterprise cannot be enrolled.");
        }
        OrgSettings org = configuredCa(enterprise);
        FabricCaClient ca = caClient(org);
        String secret = ca.register(registrar(org, ca), enrollmentId, HexFormat.of().formatHex(randomBytes(24)),
                "client", org.caAffiliation(), attributes(enterprise));
        FabricCaClient.Enrollment enrollment = ca.enroll(enrollmentId, secret, csrPem, List.of(ATTR_ENTERPRISE, ATTR_ROLE));
        X509Certificate cert = EnrollmentCrypto.certificate(enrollment.certificatePem());
        try {
            if (!cert.getPublicKey().equals(new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr)
                    .getPublicKey())) {
                throw ApiProblem.of(ProblemCode.CA_BAD_RESPONSE, "The Fabric CA returned a certificate for another key.");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        log.info("enrolled client-held identity {} for enterprise {} in {} (the platform never saw its key)",
                enrollmentId, enterpriseId, org.mspId());
        return new ClientEnrollment(enterpriseId, org.org(), org.mspId(), enrollmentId, enrollment.certificatePem(), cert);
    }

    /**
     * Destroys every platform-held key of an enterprise that now holds its own: the enterprise's, and the personal
     * ones of its users who approved (a bank's makers and checkers). The rows stay (their certificates are history)
     * but their sealed keys are erased, they are no longer active, and their certificates are revoked at the CA with
     * the CRL put on the channel. Returns the retired enrollment ids, the enterprise's own first.
     */
    List<String> retirePlatformKeys(String enterpriseId) {
        record Retired(Org org, String enrollmentId, String username) {
        }
        List<Retired> retired = jdbc.sql("""
                UPDATE ledger_identities SET active = false, key_ciphertext = '\\x'::bytea
                WHERE enterprise_id = :e AND active RETURNING org, enrollment_id, username""")
                .param("e", enterpriseId)
                .query((rs, row) -> new Retired(Org.valueOf(rs.getString("org")), rs.getString("enrollment_id"),
                        rs.getString("username"))).list();
        events.publishEvent(new LedgerIdentityChanged(enterpriseId));
        revoke(enterpriseId, retired.stream().map(r -> new Held(r.org(), r.enrollmentId())).toList(),
                "the enterprise holds its own keys");
        return retired.stream()
                .sorted(Comparator.comparing((Retired r) -> r.username() != null).thenComparing(Retired::enrollmentId))
                .map(Retired::enrollmentId).toList();
    }

    /**
     * Revokes client-held certificates that their holders replaced (a user who lost a key enrolled a new one). The
     * ledger already refuses them, since they left the enterprise's SELF identities; revocation at the CA, with the
     * CRL on the channel, makes every peer refuse them as signers of anything.
     */
    void revokeSuperseded(String enterpriseId, Org org, List<String> enrollmentIds) {
        revoke(enterpriseId, enrollmentIds.stream().map(id -> new Held(org, id)).toList(), "superseded by a new key");
    }

    private OrgSettings configuredCa(Enterprise enterprise) {
        OrgSettings org = network.org(enterprise.org());
        if (org.caUrl() == null || org.caAdmin() == null || org.caAdminSecret() == null) {
            throw ApiProblem.of(ProblemCode.CA_NOT_CONFIGURED, "The Fabric CA of " + enterprise.org()
                    + " is not configured (SCF_" + enterprise.org() + "_CA_URL, _CA_ADMIN, _CA_ADMIN_SECRET).").retryAfter(30);
        }
        return org;
    }

    private List<FabricCaClient.Attribute> attributes(Enterprise enterprise) {
        String ledgerRole = properties.ledgerRoles().get(enterprise.role());
        if (ledgerRole == null) {
            throw new IllegalStateException("no scf.identity.ledger-roles entry for " + enterprise.role());
        }
        return List.of(new FabricCaClient.Attribute(ATTR_ENTERPRISE, enterprise.id(), true),
                new FabricCaClient.Attribute(ATTR_ROLE, ledgerRole, true));
    }

    /** Keeps an enrolled identity as the enterprise's active one, its private key sealed with AES-GCM. */
    Instant store(String enterpriseId, Org org, String mspId, String enrollmentId, String certificatePem, String caChainPem,
                  PrivateKey privateKey, X509Certificate cert) {
        return store(Signer.enterprise(enterpriseId), org, mspId, enrollmentId, certificatePem, caChainPem, privateKey, cert);
    }

    /** Keeps an enrolled identity as the signer's active one, its private key sealed with AES-GCM. */
    Instant store(Signer signer, Org org, String mspId, String enrollmentId, String certificatePem, String caChainPem,
                  PrivateKey privateKey, X509Certificate cert) {
        String enterpriseId = signer.enterpriseId();
        byte[] sealed = custody.encrypt(privateKey.getEncoded(), associatedData(enterpriseId, enrollmentId));
        Instant createdAt = Instant.now();
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE ledger_identities SET active = false WHERE " + ACTIVE_OF_SIGNER)
                    .param("e", enterpriseId).param("u", signer.username()).update();
            jdbc.sql("""
                    INSERT INTO ledger_identities (enterprise_id, username, org, msp_id, enrollment_id, certificate_pem,
                                                   ca_chain_pem, key_id, key_ciphertext, not_after, active, created_at)
                    VALUES (:e, :u, :org, :msp, :eid, :cert, :chain, :kid, :ct, :na, true, :now)""")
                    .param("e", enterpriseId).param("u", signer.username()).param("org", org.name()).param("msp", mspId)
                    .param("eid", enrollmentId).param("cert", certificatePem)
                    .param("chain", caChainPem).param("kid", custody.keyId()).param("ct", sealed)
                    .param("na", Timestamp.from(cert.getNotAfter().toInstant())).param("now", Timestamp.from(createdAt))
                    .update();
        });
        events.publishEvent(new LedgerIdentityChanged(enterpriseId));
        return createdAt;
    }

    Optional<IdentityView> current(String enterpriseId) {
        return current(Signer.enterprise(enterpriseId));
    }

    /** The signer's active identity (the enterprise's own, or a user's personal one). */
    Optional<IdentityView> current(Signer signer) {
        String enterpriseId = signer.enterpriseId();
        return jdbc.sql("SELECT org, msp_id, enrollment_id, certificate_pem, created_at FROM ledger_identities WHERE "
                        + ACTIVE_OF_SIGNER)
                .param("e", enterpriseId).param("u", signer.username())
                .query((rs, i) -> view(enterpriseId, Org.valueOf(rs.getString("org")), rs.getString("msp_id"),
                        rs.getString("enrollment_id"), EnrollmentCrypto.certificate(rs.getString("certificate_pem")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /**
     * The enterprise's signing identity. The decrypted key is kept in memory per identity row: a ledger
     * call costs no decryption or parsing. A re-enrollment here takes effect at once; one made by
     * another instance within five seconds (the old certificate stays valid on the ledger meanwhile).
     */
    @Override
    public LedgerCredentials credentialsOf(Signer signer) {
        Cached cached = credentials.get(signer);
        long now = System.nanoTime();
        if (cached != null && now - cached.checkedAt() < RECHECK_NANOS) {
            return cached.credentials();
        }
        Long activeId = activeRow(signer);
        if (activeId != null && cached != null && cached.credentials().version() == activeId) {
            credentials.put(signer, new Cached(cached.credentials(), now));
            return cached.credentials();
        }
        if (activeId == null && signer.personal()) {
            enrollPersonal(signer);
        }
        LedgerCredentials loaded = load(signer);
        credentials.put(signer, new Cached(loaded, now));
        return loaded;
    }

    /**
     * A user's first signature enrolls its personal identity. One enrollment per signer at a time in this process;
     * a concurrent one in another instance loses on the unique index and its caller retries.
     */
    private void enrollPersonal(Signer signer) {
        synchronized (personalEnrollments.computeIfAbsent(signer, s -> new Object())) {
            if (activeRow(signer) == null) {
                enroll(signer);
            }
        }
    }

    private Long activeRow(Signer signer) {
        return jdbc.sql("SELECT id FROM ledger_identities WHERE " + ACTIVE_OF_SIGNER)
                .param("e", signer.enterpriseId()).param("u", signer.username()).query(Long.class).optional().orElse(null);
    }

    /** Decrypted credentials and when their row was last confirmed active. */
    private record Cached(LedgerCredentials credentials, long checkedAt) {
    }

    @org.springframework.context.event.EventListener
    void onIdentityChanged(LedgerIdentityChanged event) {
        credentials.keySet().removeIf(signer -> signer.enterpriseId().equals(event.enterpriseId()));
    }

    private LedgerCredentials load(Signer signer) {
        String enterpriseId = signer.enterpriseId();
        record Row(long id, Org org, String mspId, String enrollmentId, String cert, String keyId, byte[] sealed) {
        }
        Row row = jdbc.sql("SELECT id, org, msp_id, enrollment_id, certificate_pem, key_id, key_ciphertext "
                        + "FROM ledger_identities WHERE " + ACTIVE_OF_SIGNER)
                .param("e", enterpriseId).param("u", signer.username())
                .query((rs, i) -> new Row(rs.getLong("id"), Org.valueOf(rs.getString("org")), rs.getString("msp_id"),
                        rs.getString("enrollment_id"), rs.getString("certificate_pem"), rs.getString("key_id"),
                        rs.getBytes("key_ciphertext")))
                .optional()
                .orElseThrow(() -> new NotYetPossible(Reason.LEDGER_IDENTITY_MISSING, "Enterprise " + enterpriseId
                        + " has no ledger identity yet; a platform admin enrolls it first."));
        if (!row.keyId().equals(custody.keyId())) {
            throw new IllegalStateException("ledger identity " + row.enrollmentId() + " is encrypted with key "
                    + row.keyId() + ", not the configured " + custody.keyId());
        }
        PrivateKey key = EnrollmentCrypto.ecPrivateKey(custody.decrypt(row.sealed(), associatedData(enterpriseId,
                row.enrollmentId())));
        return new LedgerCredentials(enterpriseId, row.org(), row.mspId(), EnrollmentCrypto.certificate(row.cert()), key,
                row.id(), signer.username());
    }

    private FabricCaClient caClient(OrgSettings org) {
        return caClients.computeIfAbsent(org.org(), o -> new FabricCaClient(org.caUrl(), org.caTlsCa(), org.caName(), json,
                properties.caTimeout()));
    }

    /** The CA's bootstrap admin, enrolled once per process with a fresh key, acts as registrar. */
    private FabricCaClient.Registrar registrar(OrgSettings org, FabricCaClient ca) {
        FabricCaClient.Registrar cached = registrars.get(org.org());
        if (cached != null) {
            return cached;
        }
        KeyPair keys = EnrollmentCrypto.newKeyPair();
        FabricCaClient.Enrollment e = ca.enroll(org.caAdmin(), org.caAdminSecret(),
                EnrollmentCrypto.csrPem(org.caAdmin(), keys), List.of());
        FabricCaClient.Registrar registrar = new FabricCaClient.Registrar(e.certificatePem(), keys.getPrivate());
        registrars.put(org.org(), registrar);
        return registrar;
    }

    /** Fabric CA enrollment ids: the enterprise, the username (reduced to a safe alphabet) and a random suffix. */
    private static String enrollmentIdFor(Signer signer) {
        String base = signer.enterpriseId().toLowerCase(Locale.ROOT);
        if (signer.personal()) {
            base += "-" + signer.username().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        }
        return base + "-" + HexFormat.of().formatHex(randomBytes(4));
    }

    static String associatedData(String enterpriseId, String enrollmentId) {
        return "scf-ledger-key|" + enterpriseId + "|" + enrollmentId;
    }

    private static IdentityView view(String enterpriseId, Org org, String mspId, String enrollmentId, X509Certificate cert,
                                     Instant createdAt) {
        return new IdentityView(enterpriseId, org, mspId, enrollmentId, cert.getSubjectX500Principal().getName(),
                cert.getSerialNumber().toString(16), cert.getNotAfter().toInstant(), createdAt);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
