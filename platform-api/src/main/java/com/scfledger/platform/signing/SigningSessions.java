package com.scfledger.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.scfledger.contract.Transaction;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.ledger.OfflineGateway;
import com.scfledger.platform.ledger.SelfSignedWrites;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.security.ScfPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Offline signing for enterprises under SELF custody. A write for such an enterprise is prepared here and the
 * HTTP request that asked for it is kept with the session; the client signs the proposal, then the endorsed
 * transaction; once it commits, the original request runs again and its ledger write finds the committed result
 * here instead of signing anything. The keys never come near the platform: only signatures do.
 */
@Service
class SigningSessions implements SelfSignedWrites {

    /** The committed sessions the replayed request may use, oldest first. */
    static final String CHAIN_ATTRIBUTE = SigningSessions.class.getName() + ".chain";

    enum State { PROPOSED, ENDORSED, COMMITTED, FAILED }

    record Session(UUID id, String enterpriseId, String subjectId, String certificateId, String transaction,
                   String requestId, String txId, State state, byte[] proposal, byte[] transactionBytes, byte[] result,
                   Long blockNumber, String httpMethod, String httpPath, String httpQuery, String httpContentType,
                   byte[] httpBody, String idempotencyKey, UUID parentId, Instant expiresAt) {

        boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }

        Session committed(long block) {
            return new Session(id, enterpriseId, subjectId, certificateId, transaction, requestId, txId, State.COMMITTED,
                    proposal, transactionBytes, result, block, httpMethod, httpPath, httpQuery, httpContentType, httpBody,
                    idempotencyKey, parentId, expiresAt);
        }
    }

    record SelfIdentity(String mspId, String certificateId, X509Certificate certificate,
                        ClientSignature.VerifyingKey verifyingKey) {

        SelfIdentity(String mspId, String certificateId, X509Certificate certificate) {
            this(mspId, certificateId, certificate, ClientSignature.VerifyingKey.of(certificate.getPublicKey()));
        }
    }

    private static final int MAX_CACHED_CERTIFICATES = 10_000;

    private final JdbcClient jdbc;
    private final java.util.Map<String, SelfIdentity> certificates = new java.util.concurrent.ConcurrentHashMap<>();
    private final TransactionTemplate separately;
    private final OfflineGateway gateway;
    private final Clock clock;
    private final Duration lifetime;
    private final String operatorId;

    SigningSessions(JdbcClient jdbc, PlatformTransactionManager transactions, OfflineGateway gateway, Clock clock,
                    @Value("${scf.signing.session-lifetime:PT5M}") Duration lifetime,
                    @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.operatorId = operatorId;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.gateway = gateway;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public String readerFor(String enterpriseId) {
        return selfCustody(enterpriseId) ? operatorId : enterpriseId;
    }

    @Override
    public Optional<LedgerResult> signedByClient(String enterpriseId, Transaction transaction, String[] wireArguments) {
        if (!selfCustody(enterpriseId)) {
            return Optional.empty();
        }
        ScfPrincipal caller = currentCaller().filter(p -> enterpriseId.equals(p.enterpriseId()))
                .orElseThrow(() -> ApiProblem.of(ProblemCode.SELF_CUSTODY, "Enterprise " + enterpriseId
                        + " holds its own keys: only its own users and systems act for it on the ledger, each "
                        + "signing with its own key."));
        String argumentsHash = argumentsHash(transaction, wireArguments);
        List<UUID> chain = chain();
        Optional<LedgerResult> done = chain.isEmpty() ? Optional.empty()
                : committedIn(chain, enterpriseId, transaction.wireName(), argumentsHash);
        if (done.isPresent()) {
            return done;
        }
        SelfIdentity identity = identityOf(enterpriseId, caller.subjectId());
        OfflineGateway.Signable proposal = gateway.prepare(identity.mspId(), identity.certificate(),
                transaction.wireName(), wireArguments);
        throw new SigningRequired(open(caller, identity, transaction, wireArguments, argumentsHash, proposal,
                chain.isEmpty() ? null : chain.get(chain.size() - 1)));
    }

    @Override
    public boolean signsOwnWrites(String enterpriseId) {
        return selfCustody(enterpriseId);
    }

    private boolean selfCustody(String enterpriseId) {
        return "SELF".equals(jdbc.sql("SELECT custody FROM enterprises WHERE id = :e").param("e", enterpriseId)
                .query(String.class).optional().orElse("PLATFORM"));
    }

    private SigningSessionView open(ScfPrincipal caller, SelfIdentity identity, Transaction transaction,
                                    String[] wireArguments, String argumentsHash, OfflineGateway.Signable proposal,
                                    UUID parent) {
        HttpServletRequest request = currentRequest().orElseThrow(() -> ApiProblem.of(ProblemCode.SELF_CUSTODY,
                "Enterprise " + caller.enterpriseId() + " signs its own ledger writes; this write has no client to sign."));
        ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        byte[] body = cached == null ? null : cached.getContentAsByteArray();
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(lifetime);
        separately.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO signing_sessions (id, enterprise_id, subject_id, certificate_id, transaction_name,
                    arguments_hash, request_id, tx_id, state, proposal_bytes, http_method, http_path, http_query,
                    http_content_type, http_body, idempotency_key, parent_id, expires_at, created_at)
                VALUES (:id, :e, :sub, :cert, :tx, :ah, :rid, :txid, 'PROPOSED', :pb, :m, :p, :q, :ct, :b, :ik, :parent,
                    :exp, :now)""")
                .param("id", id).param("e", caller.enterpriseId()).param("sub", caller.subjectId())
                .param("cert", identity.certificateId()).param("tx", transaction.wireName()).param("ah", argumentsHash)
                .param("rid", wireArguments[wireArguments.length - 1]).param("txid", proposal.transactionId())
                .param("pb", proposal.bytes()).param("m", request.getMethod()).param("p", request.getRequestURI())
                .param("q", request.getQueryString()).param("ct", request.getContentType()).param("b", body)
                .param("ik", request.getHeader(IdempotencyService.HEADER)).param("parent", parent)
                .param("exp", Timestamp.from(expiresAt)).param("now", Timestamp.from(clock.instant()))
                .update());
        return view(id, "PROPOSAL", caller.enterpriseId(), transaction.wireName(), proposal, identity.certificateId(),
                expiresAt);
    }

    /** Step 2: the client signed the proposal; it is endorsed and the transaction to sign is answered. */
    SigningSessionView signProposal(ScfPrincipal caller, UUID id, String signature) {
        Session session = owned(caller, id);
        if (session.state() != State.PROPOSED) {
            throw outOfOrder(session, "the proposal is already signed");
        }
        requireUnexpired(session);
        SelfIdentity identity = identityByCertificate(session.certificateId());
        byte[] der = verified(identity, signature, OfflineGateway.proposalMessage(session.proposal()));
        OfflineGateway.Endorsed endorsed = gateway.endorse(identity.mspId(), identity.certificate(),
                session.transaction(), session.proposal(), der);
        int updated = jdbc.sql("""
                UPDATE signing_sessions SET state = 'ENDORSED', transaction_bytes = :tb, result_payload = :r
                WHERE id = :id AND state = 'PROPOSED'""")
                .param("tb", endorsed.transaction().bytes()).param("r", endorsed.result()).param("id", id).update();
        if (updated != 1) {
            throw outOfOrder(session, "another request signed this proposal meanwhile");
        }
        return view(id, "TRANSACTION", session.enterpriseId(), session.transaction(), endorsed.transaction(),
                session.certificateId(), session.expiresAt());
    }

    /**
     * Step 3: the client signed the transaction; it is submitted and its commit awaited. A session already committed
     * is answered again without submitting anything, so a retried submit never acts twice.
     */
    Session signTransaction(ScfPrincipal caller, UUID id, String signature) {
        Session session = owned(caller, id);
        if (session.state() == State.COMMITTED) {
            return session;
        }
        if (session.state() != State.ENDORSED) {
            throw outOfOrder(session, "sign the proposal first");
        }
        requireUnexpired(session);
        SelfIdentity identity = identityByCertificate(session.certificateId());
        byte[] der = verified(identity, signature, OfflineGateway.transactionMessage(session.transactionBytes()));
        LedgerResult committed = gateway.submit(identity.mspId(), identity.certificate(), session.transaction(),
                session.transactionBytes(), der, session.result());
        jdbc.sql("UPDATE signing_sessions SET state = 'COMMITTED', block_number = :b WHERE id = :id")
                .param("b", committed.blockNumber()).param("id", id).update();
        return session.committed(committed.blockNumber());
    }

    /** The client's DER signature, once it is well formed and made by the identity's key over exactly these bytes. */
    private static byte[] verified(SelfIdentity identity, String signature, byte[] signedBytes) {
        ClientSignature clientSignature = ClientSignature.decode(signature);
        clientSignature.verify(identity.verifyingKey(), signedBytes);
        return clientSignature.der();
    }

    /** The committed sessions of a chain ending at this one, oldest first: the replayed request may use them all. */
    List<UUID> chainEndingAt(Session session) {
        java.util.LinkedList<UUID> chain = new java.util.LinkedList<>(List.of(session.id()));
        UUID at = session.parentId();
        while (at != null && chain.size() < 32) {
            chain.addFirst(at);
            at = find(at).map(Session::parentId).orElse(null);
        }
        return chain;
    }

    SigningSessionView viewOf(ScfPrincipal caller, UUID id) {
        Session s = owned(caller, id);
        return switch (s.state()) {
            case PROPOSED -> view(id, "PROPOSAL", s.enterpriseId(), s.transaction(),
                    signable(s.txId(), s.proposal(), OfflineGateway.proposalMessage(s.proposal())), s.certificateId(),
                    s.expiresAt());
            case ENDORSED -> view(id, "TRANSACTION", s.enterpriseId(), s.transaction(),
                    signable(s.txId(), s.transactionBytes(), OfflineGateway.transactionMessage(s.transactionBytes())),
                    s.certificateId(), s.expiresAt());
            default -> new SigningSessionView(id, s.state().name(), s.enterpriseId(), s.transaction(), s.txId(),
                    s.certificateId(), null, null, SigningSessionView.ALGORITHM, null, s.expiresAt());
        };
    }

    private Session owned(ScfPrincipal caller, UUID id) {
        return find(id).filter(s -> s.subjectId().equals(caller.subjectId())
                        && s.enterpriseId().equals(caller.enterpriseId()))
                .orElseThrow(() -> ApiProblem.of(ProblemCode.SIGNING_SESSION_NOT_FOUND, "No signing session " + id
                        + " of yours."));
    }

    private void requireUnexpired(Session session) {
        if (session.expired(clock.instant())) {
            throw ApiProblem.of(ProblemCode.SIGNING_SESSION_EXPIRED, "Signing session " + session.id()
                    + " expired at " + session.expiresAt() + "; nothing was written. Send the original request again.");
        }
    }

    private static ApiProblem outOfOrder(Session session, String why) {
        return ApiProblem.of(ProblemCode.SIGNING_STEP_OUT_OF_ORDER, "Signing session " + session.id() + " is "
                + session.state() + ": " + why + ".");
    }

    private Optional<Session> find(UUID id) {
        return jdbc.sql("SELECT * FROM signing_sessions WHERE id = :id").param("id", id)
                .query(SigningSessions::session).optional();
    }

    private static Session session(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getString("enterprise_id"),
                rs.getString("subject_id"), rs.getString("certificate_id"), rs.getString("transaction_name"),
                rs.getString("request_id"), rs.getString("tx_id"), State.valueOf(rs.getString("state")),
                rs.getBytes("proposal_bytes"), rs.getBytes("transaction_bytes"), rs.getBytes("result_payload"),
                (Long) rs.getObject("block_number"), rs.getString("http_method"), rs.getString("http_path"),
                rs.getString("http_query"), rs.getString("http_content_type"), rs.getBytes("http_body"),
                rs.getString("idempotency_key"), rs.getObject("parent_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant());
    }

    /** The result of the chain's first committed session that made this very write, if any. */
    private Optional<LedgerResult> committedIn(List<UUID> chain, String enterpriseId, String transaction,
                                               String argumentsHash) {
        record Done(UUID id, String txId, Long block, byte[] result) {
        }
        // only what the answer needs: the session's proposal and transaction bytes stay unread
        List<Done> matching = jdbc.sql("""
                SELECT id, tx_id, block_number, result_payload FROM signing_sessions
                WHERE id IN (:ids) AND state = 'COMMITTED' AND enterprise_id = :e AND transaction_name = :tx
                    AND arguments_hash = :ah""")
                .param("ids", chain).param("e", enterpriseId).param("tx", transaction).param("ah", argumentsHash)
                .query((rs, i) -> new Done(rs.getObject("id", UUID.class), rs.getString("tx_id"),
                        (Long) rs.getObject("block_number"), rs.getBytes("result_payload")))
                .list();
        return chain.stream().flatMap(id -> matching.stream().filter(d -> d.id().equals(id))).findFirst()
                .map(d -> new LedgerResult(d.txId(), d.block() == null ? -1 : d.block(), d.result()));
    }

    /** The identity of the enterprise that this caller enrolled, else the enterprise's newest. */
    private SelfIdentity identityOf(String enterpriseId, String subjectId) {
        return jdbc.sql("""
                SELECT certificate_id FROM self_identities
                WHERE enterprise_id = :e AND active ORDER BY (subject_id = :s) DESC NULLS LAST, id DESC LIMIT 1""")
                .param("e", enterpriseId).param("s", subjectId)
                .query(String.class)
                .optional()
                .map(this::identityByCertificate)
                .orElseThrow(() -> ApiProblem.of(ProblemCode.LEDGER_IDENTITY_MISSING, "Enterprise " + enterpriseId
                        + " holds its own keys but has no certificate yet: enroll one with a certificate request."));
    }

    /**
     * The identity a session was opened with. Certificates never change (the id is the certificate's fingerprint), so
     * they are kept once read; whether one may still write is the ledger's check, against the enterprise's identities.
     */
    private SelfIdentity identityByCertificate(String certificateId) {
        SelfIdentity known = certificates.get(certificateId);
        if (known != null) {
            return known;
        }
        SelfIdentity read = jdbc.sql(
                        "SELECT msp_id, certificate_id, certificate_pem FROM self_identities WHERE certificate_id = :c")
                .param("c", certificateId)
                .query((rs, i) -> new SelfIdentity(rs.getString("msp_id"), rs.getString("certificate_id"),
                        certificate(rs.getString("certificate_pem"))))
                .single();
        if (certificates.size() >= MAX_CACHED_CERTIFICATES) {
            certificates.clear();
        }
        certificates.put(certificateId, read);
        return read;
    }

    private static OfflineGateway.Signable signable(String txId, byte[] bytes, byte[] message) {
        return new OfflineGateway.Signable(txId, bytes, message, sha256(message));
    }

    private static SigningSessionView view(UUID id, String step, String enterpriseId, String transaction,
                                           OfflineGateway.Signable signable, String certificateId, Instant expiresAt) {
        Base64.Encoder b64 = Base64.getEncoder();
        String next = "/api/v1/signing-sessions/" + id + ("PROPOSAL".equals(step) ? "/proposal-signature"
                : "/transaction-signature");
        return new SigningSessionView(id, step, enterpriseId, transaction, signable.transactionId(), certificateId,
                b64.encodeToString(signable.message()), b64.encodeToString(signable.digest()),
                SigningSessionView.ALGORITHM, next, expiresAt);
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> chain() {
        return currentRequest().map(r -> r.getAttribute(CHAIN_ATTRIBUTE)).map(a -> (List<UUID>) a).orElse(List.of());
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }

    private static Optional<ScfPrincipal> currentCaller() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof ScfPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /** The write's transaction and arguments without the request id, which a replay without Idempotency-Key changes. */
    static String argumentsHash(Transaction transaction, String[] wireArguments) {
        StringBuilder text = new StringBuilder(transaction.wireName());
        Arrays.stream(wireArguments, 0, Math.max(0, wireArguments.length - 1))
                .forEach(a -> text.append('\u0000').append(a));
        return HexFormat.of().formatHex(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored self-custody certificate cannot be read", e);
        }
    }
}
