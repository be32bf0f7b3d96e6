package com.scfledger.platform.identity;

import com.scfledger.platform.domain.NotYetPossible;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
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
 */
@Service
class LedgerIdentityService implements LedgerSigners {

    static final String ATTR_ENTERPRISE = "scf.enterpriseId";
    static final String ATTR_ROLE = "scf.role";

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
    private final Map<Org, FabricCaClient> caClients = new ConcurrentHashMap<>();
    private final Map<Org, FabricCaClient.Registrar> registrars = new ConcurrentHashMap<>();
    /** Decrypted keys per enterprise; the active row is re-checked every few seconds (and at once on a local re-enrollment). */
    private final Map<String, Cached> credentials = new ConcurrentHashMap<>();
    private static final long RECHECK_NANOS = 5_000_000_000L;

    LedgerIdentityService(JdbcClient jdbc, TransactionTemplate tx, Enterprises enterprises, FabricNetwork network,
                          IdentityProperties properties, JsonMapper json, ApplicationEventPublisher events) {
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
        Enterprise enterprise = enterprises.require(enterpriseId);
        if ("SUSPENDED".equals(enterprise.status())) {
            throw new InvalidTransition(Reason.ENTERPRISE_SUSPENDED, "A suspended enterprise cannot be enrolled.");
        }
        OrgSettings org = configuredCa(enterprise);
        FabricCaClient ca = caClient(org);
        String enrollmentId = enterpriseId.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(randomBytes(4));
        String secret = HexFormat.of().formatHex(randomBytes(24));
        ca.register(registrar(org, ca), enrollmentId, secret, "client", org.caAffiliation(), attributes(enterprise));
        KeyPair keys = EnrollmentCrypto.newKeyPair();
        FabricCaClient.Enrollment enrollment = ca.enroll(enrollmentId, secret,
                EnrollmentCrypto.csrPem(enrollmentId, keys), List.of(ATTR_ENTERPRISE, ATTR_ROLE));
        X509Certificate cert = EnrollmentCrypto.certificate(enrollment.certificatePem());
        if (!cert.getPublicKey().equals(keys.getPublic())) {
            throw ApiProblem.of(ProblemCode.CA_BAD_RESPONSE, "The Fabric CA returned a certificate for another key.");
        }
        Instant createdAt = store(enterpriseId, org.org(), org.mspId(), enrollmentId, enrollment.certificatePem(),
                enrollment.caChainPem(), keys.getPrivate(), cert);
        log.info("enrolled ledger identity {} for enterprise {} in {}", enrollmentId, enterpriseId, org.mspId());
        return view(enterpriseId, org.org(), org.mspId(), enrollmentId, cert, createdAt);
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
     * Destroys the platform-held key of an enterprise that now holds its own: the row stays (its certificate is
     * history) but its sealed key is erased and it is no longer active. Returns the retired enrollment id.
     */
    Optional<String> retirePlatformKey(String enterpriseId) {
        Optional<String> retired = jdbc.sql("""
                UPDATE ledger_identities SET active = false, key_ciphertext = '\\x'::bytea
                WHERE enterprise_id = :e AND active RETURNING enrollment_id""")
                .param("e", enterpriseId).query(String.class).optional();
        events.publishEvent(new LedgerIdentityChanged(enterpriseId));
        return retired;
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
        byte[] sealed = custody.encrypt(privateKey.getEncoded(), associatedData(enterpriseId, enrollmentId));
        Instant createdAt = Instant.now();
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE ledger_identities SET active = false WHERE enterprise_id = :e AND active")
                    .param("e", enterpriseId).update();
            jdbc.sql("""
                    INSERT INTO ledger_identities (enterprise_id, org, msp_id, enrollment_id, certificate_pem, ca_chain_pem,
                                                   key_id, key_ciphertext, not_after, active, created_at)
                    VALUES (:e, :org, :msp, :eid, :cert, :chain, :kid, :ct, :na, true, :now)""")
                    .param("e", enterpriseId).param("org", org.name()).param("msp", mspId)
                    .param("eid", enrollmentId).param("cert", certificatePem)
                    .param("chain", caChainPem).param("kid", custody.keyId()).param("ct", sealed)
                    .param("na", Timestamp.from(cert.getNotAfter().toInstant())).param("now", Timestamp.from(createdAt))
                    .update();
        });
        events.publishEvent(new LedgerIdentityChanged(enterpriseId));
        return createdAt;
    }

    Optional<IdentityView> current(String enterpriseId) {
        return jdbc.sql("""
                SELECT org, msp_id, enrollment_id, certificate_pem, created_at FROM ledger_identities
                WHERE enterprise_id = :e AND active""")
                .param("e", enterpriseId)
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
    public LedgerCredentials credentialsOf(String enterpriseId) {
        Cached cached = credentials.get(enterpriseId);
        long now = System.nanoTime();
        if (cached != null && now - cached.checkedAt() < RECHECK_NANOS) {
            return cached.credentials();
        }
        Long activeId = jdbc.sql("SELECT id FROM ledger_identities WHERE enterprise_id = :e AND active")
                .param("e", enterpriseId).query(Long.class).optional().orElse(null);
        if (activeId != null && cached != null && cached.credentials().version() == activeId) {
            credentials.put(enterpriseId, new Cached(cached.credentials(), now));
            return cached.credentials();
        }
        LedgerCredentials loaded = load(enterpriseId);
        credentials.put(enterpriseId, new Cached(loaded, now));
        return loaded;
    }

    /** Decrypted credentials and when their row was last confirmed active. */
    private record Cached(LedgerCredentials credentials, long checkedAt) {
    }

    @org.springframework.context.event.EventListener
    void onIdentityChanged(LedgerIdentityChanged event) {
        credentials.remove(event.enterpriseId());
    }

    private LedgerCredentials load(String enterpriseId) {
        record Row(long id, Org org, String mspId, String enrollmentId, String cert, String keyId, byte[] sealed) {
        }
        Row row = jdbc.sql("""
                SELECT id, org, msp_id, enrollment_id, certificate_pem, key_id, key_ciphertext FROM ledger_identities
                WHERE enterprise_id = :e AND active""")
                .param("e", enterpriseId)
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
                row.id());
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
