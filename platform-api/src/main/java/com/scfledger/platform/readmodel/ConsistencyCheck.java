package com.scfledger.platform.readmodel;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.ledger.LedgerFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.anchor.GetAnchor;
import com.scfledger.contract.enterprise.GetEnterprise;
import com.scfledger.contract.financing.GetFinancing;
import com.scfledger.contract.payable.GetPayable;
import com.scfledger.contract.payable.GetPayableTree;
import com.scfledger.contract.payable.PayableTree;
import com.scfledger.contract.token.GetToken;
import com.scfledger.contract.token.ListTokensByHolder;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenPage;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the read model with the ledger's world state, through the chaincode's own queries made
 * with the platform operator's identity (which reads everything), and reports every difference:
 * a record missing on either side, or a field whose values differ.
 *
 * <p>What is compared: every enterprise, payable, token, financing and anchor of the read model
 * against {@code GetEnterprise}, {@code GetPayableTree} (the payable and all its tokens),
 * {@code GetToken}, {@code GetFinancing} and {@code GetAnchor}; the settings against
 * {@code GetLedgerSettings}; and, to find ledger records the read model lacks, every token that
 * {@code ListTokensByHolder} lists for each known enterprise and every token in each payable's
 * tree. (The chaincode has no query that lists all payables or financings; one the read model
 * lacks entirely is found through its tokens.)
 *
 * <p>A record changed on the ledger while the check runs may look different for a moment; every
 * difference is checked again once the projector has caught up with that record, and only those
 * that remain are reported.
 */
@Service
class ConsistencyCheck {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheck.class);
    private static final int PARALLEL = 6;
    private static final int PAGE = 100;

    /**
     * @param problem   MISSING_IN_READ_MODEL, MISSING_ON_LEDGER or FIELD_MISMATCH
     * @param kind      ENTERPRISE, PAYABLE, TOKEN, FINANCING, ANCHOR or SETTINGS
     * @param id        the record's identity (payables: obligorId/payableId; anchors: recordType/recordId)
     * @param field     the differing field (ledger name), for FIELD_MISMATCH
     */
    record Difference(String problem, String kind, String id, String field, String readModel, String ledger) {
    }

    record Report(Instant checkedAt, String scope, long checkpointBlock, Map<String, Integer> compared,
                  List<Difference> differences, boolean consistent, long millis) {
    }

    private record Ref(RecordType type, List<String> key) {
        String id() {
            return String.join("/", key);
        }
    }

    private final JdbcClient jdbc;
    private final ScfLedger ledger;
    private final JsonMapper json;
    private final Projector projector;
    private final String operatorId;

    ConsistencyCheck(JdbcClient jdbc, ScfLedger ledger, JsonMapper json, Projector projector,
                     @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.json = json;
        this.projector = projector;
        this.operatorId = operatorId;
    }

    /** Checks the whole read model, or only the records that involve one enterprise (null: everything). */
    Report check(String enterpriseId) {
        long started = System.nanoTime();
        Instant at = Instant.now();
        long checkpoint = projector.status().checkpointBlock();
        Map<String, AtomicInteger> compared = new LinkedHashMap<>();
        for (RecordType t : RecordType.values()) {
            compared.put(t.name(), new AtomicInteger());
        }
        List<Difference> found = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread th = new Thread(r, "scf-consistency");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            Set<String> tokensCovered = Collections.synchronizedSet(new LinkedHashSet<>());
            // payables with their whole token tree
            for (List<String> key : keys(RecordType.PAYABLE, scopeSql(RecordType.PAYABLE, enterpriseId), enterpriseId)) {
                tasks.add(() -> {
                    found.addAll(comparePayableTree(key.get(0), key.get(1), tokensCovered, compared));
                    return null;
                });
            }
            run(pool, tasks);
            tasks.clear();
            // tokens not reached through a payable's tree
            for (List<String> key : keys(RecordType.TOKEN, scopeSql(RecordType.TOKEN, enterpriseId), enterpriseId)) {
                if (!tokensCovered.contains(key.get(0))) {
                    tasks.add(() -> {
                        found.addAll(compareOne(new Ref(RecordType.TOKEN, key)));
                        compared.get("TOKEN").incrementAndGet();
                        return null;
                    });
                }
            }
            for (RecordType t : List.of(RecordType.ENTERPRISE, RecordType.FINANCING, RecordType.ANCHOR)) {
                String scope = scopeSql(t, enterpriseId);
                if (scope == null) {
                    continue;
                }
                for (List<String> key : keys(t, scope, enterpriseId)) {
                    tasks.add(() -> {
                        found.addAll(compareOne(new Ref(t, key)));
                        compared.get(t.name()).incrementAndGet();
                        return null;
                    });
                }
            }
            // enterprises the platform registered that the read model may lack
            List<String> registered = jdbc.sql("SELECT id FROM enterprises WHERE status <> 'PENDING' AND role <> 'PLATFORM' "
                            + "AND (:e IS NULL OR id = :e) AND id NOT IN (SELECT enterprise_id FROM ledger_enterprises)")
                    .param("e", enterpriseId, java.sql.Types.VARCHAR).query(String.class).list();
            for (String id : registered) {
                tasks.add(() -> {
                    found.addAll(compareOne(new Ref(RecordType.ENTERPRISE, List.of(id))));
                    return null;
                });
            }
            // live tokens on the ledger, holder by holder
            List<String> holders = enterpriseId != null ? List.of(enterpriseId)
                    : jdbc.sql("SELECT enterprise_id FROM ledger_enterprises ORDER BY 1").query(String.class).list();
            for (String holder : holders) {
                tasks.add(() -> {
                    found.addAll(compareHolderTokens(holder));
                    return null;
                });
            }
            if (enterpriseId == null) {
                tasks.add(() -> {
                    found.addAll(compareSettings());
                    return null;
                });
            }
            run(pool, tasks);
        } finally {
            pool.shutdownNow();
        }
        List<Difference> remaining = recheck(found);
        Map<String, Integer> counts = new LinkedHashMap<>();
        compared.forEach((k, v) -> counts.put(k, v.get()));
        Report report = new Report(at, enterpriseId == null ? "all" : "enterprise " + enterpriseId, checkpoint, counts,
                remaining, remaining.isEmpty(), (System.nanoTime() - started) / 1_000_000);
        if (remaining.isEmpty()) {
            log.info("read model consistent with the ledger ({}): {}", report.scope(), counts);
        } else {
            log.warn("read model differs from the ledger in {} places ({}): {}", remaining.size(), report.scope(),
                    remaining.subList(0, Math.min(10, remaining.size())));
        }
        return report;
    }

    /** Differences seen once are looked at again after the projector has caught up with the ledger's version. */
    private List<Difference> recheck(List<Difference> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<Difference>> byRecord = new LinkedHashMap<>();
        for (Difference d : new ArrayList<>(found)) {
            byRecord.computeIfAbsent(d.kind() + " " + d.id(), k -> new ArrayList<>()).add(d);
        }
        List<Difference> out = new ArrayList<>();
        for (List<Difference> diffs : byRecord.values()) {
            for (Difference d : diffs) {
                if (d.ledger() != null && d.ledger().matches("[0-9a-f]{64}")) {
                    projector.awaitApplied(d.ledger(), Duration.ofSeconds(5)); // the ledger's version of the record
                }
            }
            Difference first = diffs.get(0);
            RecordType type = RecordType.valueOf(first.kind());
            out.addAll(type == RecordType.SETTINGS ? compareSettings()
                    : compareOne(new Ref(type, List.of(first.id().split("/", 2)))));
        }
        return out;
    }

    /**
     * Runs the comparisons; a refusal or ledger failure inside one (e.g. the operator has no ledger identity yet) is
     * rethrown as itself, so that it is answered with its own problem rather than as an internal error.
     */
    static void run(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.of(ProblemCode.CHECK_INTERRUPTED, "The consistency check was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiProblem || e.getCause() instanceof LedgerFailure
                    || e.getCause() instanceof DomainException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException("consistency check failed", e.getCause());
        }
    }

    // ---- which records ---------------------------------------------------------------------------------------

    /** The WHERE clause of a record type's rows that involve the enterprise :e (null when the type has none). */
    private static String scopeSql(RecordType type, String enterpriseId) {
        if (enterpriseId == null) {
            return "true";
        }
        return switch (type) {
            case ENTERPRISE -> "enterprise_id = :e";
            case PAYABLE -> "obligor_id = :e OR beneficiary_id = :e";
            case TOKEN -> "obligor_id = :e OR holder_id = :e";
            case FINANCING -> "bank_id = :e OR applicant_id = :e";
            case ANCHOR, SETTINGS -> null;
        };
    }

    private List<List<String>> keys(RecordType type, String where, String enterpriseId) {
        String cols = String.join(", ", type.keyColumns());
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + cols + " FROM " + type.table() + " WHERE " + where
                + " ORDER BY " + cols);
        if (enterpriseId != null) {
            spec = spec.param("e", enterpriseId);
        }
        int n = type.keyColumns().size();
        return spec.query((rs, i) -> {
            List<String> key = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                key.add(rs.getString(c));
            }
            return key;
        }).list();
    }

    // ---- comparisons -----------------------------------------------------------------------------------------

    private List<Difference> comparePayableTree(String obligorId, String payableId, Set<String> tokensCovered,
                                                Map<String, AtomicInteger> compared) {
        List<Difference> out = new ArrayList<>();
        Ref payableRef = new Ref(RecordType.PAYABLE, List.of(obligorId, payableId));
        PayableTree tree = absentAsNull(() -> ledger.getPayableTree(operatorId, new GetPayableTree(obligorId, payableId)));
        compared.get("PAYABLE").incrementAndGet();
        if (tree == null) {
            out.add(new Difference("MISSING_ON_LEDGER", "PAYABLE", payableRef.id(), null, "present", null));
            return out;
        }
        out.addAll(compareFields(payableRef, row(payableRef), json.valueToTree(tree.payable())));
        Map<String, Token> ledgerTokens = new LinkedHashMap<>();
        tree.tokens().forEach(t -> ledgerTokens.put(t.id(), t));
        List<String> modelTokens = jdbc.sql("SELECT token_id FROM tokens WHERE obligor_id = :o AND payable_id = :p")
                .param("o", obligorId).param("p", payableId).query(String.class).list();
        for (String tokenId : modelTokens) {
            tokensCovered.add(tokenId);
            compared.get("TOKEN").incrementAndGet();
            Ref ref = new Ref(RecordType.TOKEN, List.of(tokenId));
            Token onLedger = ledgerTokens.remove(tokenId);
            if (onLedger == null) {
                out.addAll(compareOne(ref)); // maybe under another payable on the ledger, or nowhere
            } else {
                out.addAll(compareFields(ref, row(ref), json.valueToTree(onLedger)));
            }
        }
        for (String missing : ledgerTokens.keySet()) {
            out.add(new Difference("MISSING_IN_READ_MODEL", "TOKEN", missing, null, null,
                    ledgerTokens.get(missing).updatedByTx()));
        }
        return out;
    }

    private List<Difference> compareHolderTokens(String holderId) {
        List<Difference> out = new ArrayList<>();
        String bookmark = "";
        do {
            String from = bookmark;
            TokenPage page = absentAsNull(() -> ledger.listTokensByHolder(operatorId,
                    new ListTokensByHolder(holderId, PAGE, from)));
            if (page == null) {
                return out;
            }
            List<String> ids = page.tokens().stream().map(Token::id).toList();
            if (!ids.isEmpty()) {
                Map<String, String> modelHolders = new LinkedHashMap<>();
                jdbc.sql("SELECT token_id, holder_id, status FROM tokens WHERE token_id IN (:ids)").param("ids", ids)
                        .query((rs, i) -> modelHolders.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3))).list();
                for (Token t : page.tokens()) {
                    String onLedger = t.holderId() + " " + t.status();
                    if (!modelHolders.containsKey(t.id())) {
                        out.add(new Difference("MISSING_IN_READ_MODEL", "TOKEN", t.id(), null, null, t.updatedByTx()));
                    } else if (!modelHolders.get(t.id()).equals(onLedger)) {
                        Ref ref = new Ref(RecordType.TOKEN, List.of(t.id()));
                        out.addAll(compareFields(ref, row(ref), json.valueToTree(t)));
                    }
                }
            }
            bookmark = page.bookmark() == null ? "" : page.bookmark();
        } while (!bookmark.isEmpty());
        return out;
    }

    private List<Difference> compareSettings() {
        Ref ref = new Ref(RecordType.SETTINGS, List.of("1"));
        JsonNode onLedger = orNull(() -> ledger.getLedgerSettings(operatorId));
        Map<String, Object> model = row(ref);
        boolean ledgerChanged = onLedger != null && onLedger.hasNonNull("updatedByTx");
        if (model == null && !ledgerChanged) {
            return List.of(); // defaults on both sides: nothing projected, nothing to project
        }
        return compareFields(new Ref(RecordType.SETTINGS, List.of()), model, onLedger);
    }

    /** One record: read-model row against the chaincode's Get query. */
    private List<Difference> compareOne(Ref ref) {
        JsonNode onLedger = switch (ref.type()) {
            case ENTERPRISE -> orNull(() -> ledger.getEnterprise(operatorId, new GetEnterprise(ref.key().get(0))));
            case PAYABLE -> orNull(() -> ledger.getPayable(operatorId, new GetPayable(ref.key().get(0), ref.key().get(1))));
            case TOKEN -> orNull(() -> ledger.getToken(operatorId, new GetToken(ref.key().get(0))));
            case FINANCING -> orNull(() -> ledger.getFinancing(operatorId, new GetFinancing(ref.key().get(0))));
            case ANCHOR -> orNull(() -> ledger.getAnchor(operatorId, new GetAnchor(ref.key().get(0), ref.key().get(1))));
            case SETTINGS -> orNull(() -> ledger.getLedgerSettings(operatorId));
        };
        return compareFields(ref, row(ref), onLedger);
    }

    private List<Difference> compareFields(Ref ref, Map<String, Object> model, JsonNode onLedger) {
        String kind = ref.type().name();
        if (model == null && onLedger == null) {
            return List.of();
        }
        if (model == null) {
            return List.of(new Difference("MISSING_IN_READ_MODEL", kind, ref.id(), null, null,
                    text(onLedger, "updatedByTx", "anchoredByTx")));
        }
        if (onLedger == null) {
            return List.of(new Difference("MISSING_ON_LEDGER", kind, ref.id(), null, "present", null));
        }
        List<Difference> out = new ArrayList<>();
        for (Column c : ref.type().columns()) {
            Object a = model.get(c.field());
            Object b = c.fromLedger(onLedger);
            if (!Column.same(a, b)) {
                out.add(new Difference("FIELD_MISMATCH", kind, ref.id(), c.field(), String.valueOf(a), String.valueOf(b)));
            }
        }
        return out;
    }

    /** The read-model row in comparable form, or null. */
    private Map<String, Object> row(Ref ref) {
        RecordType type = ref.type();
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (type == RecordType.SETTINGS) {
            where.append("id = 1");
        } else {
            for (int i = 0; i < type.keyColumns().size(); i++) {
                if (i > 0) {
                    where.append(" AND ");
                }
                where.append(type.keyColumns().get(i)).append(" = :k").append(i);
                params.put("k" + i, ref.key().get(i));
            }
        }
        return jdbc.sql("SELECT * FROM " + type.table() + " WHERE " + where).params(params)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (Column c : type.columns()) {
                        m.put(c.field(), c.fromRow(rs));
                    }
                    return m;
                }).optional().orElse(null);
    }

    /** A chaincode query (as the operator) as a JSON tree, compared field by field; null when the record does not exist. */
    private JsonNode orNull(Supplier<?> query) {
        Object record = absentAsNull(query);
        return record == null ? null : json.valueToTree(record);
    }

    /** A chaincode query (as the operator); null when the record does not exist. */
    private static <T> T absentAsNull(Supplier<T> query) {
        try {
            return query.get();
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND)) {
                return null;
            }
            throw refusal;
        }
    }

    private static String text(JsonNode n, String... fields) {
        for (String f : fields) {
            if (n.hasNonNull(f)) {
                return n.get(f).asString();
            }
        }
        return null;
    }
}
