package com.scfledger.platform.payable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.domain.StorableText;
import com.scfledger.platform.web.PageResult;
import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk registration of payables from a CSV file, as an asynchronous job. The upload is parsed and
 * validated at once (a malformed row becomes INVALID with its reasons and is not sent); the valid
 * rows are registered in the background by {@link PayableBatches}, up to RegisterPayables.MAX_ITEMS
 * rows per ledger transaction and a few transactions at a time, each row with its own outcome. The
 * job's counts move as each batch commits: that is the progress the API and the import page show.
 *
 * <p>Each row's chaincode request id is derived from the enterprise and the row's payable id, so
 * running the same file again (or resuming a job after a restart) cannot register a payable twice:
 * the ledger refuses the repeat (DUPLICATE_REQUEST or ALREADY_EXISTS) and the row is reported
 * ALREADY_REGISTERED once the ledger confirms the payable is there with the same terms. A row the
 * ledger refuses is taken out of its batch, which is submitted again without it.
 */
@Service
class PayableImports {

    static final List<String> HEADER = List.of("payableId", "beneficiaryId", "amountMinor", "currency", "issueDate",
            "maturityDate", "invoiceFingerprints", "documentHash");
    static final int MAX_ROWS = 10_000;
    /** Batches registered at once: each is one ledger transaction of up to RegisterPayables.MAX_ITEMS rows. */
    private static final int PARALLEL_BATCHES = 4;
    private static final Logger log = LoggerFactory.getLogger(PayableImports.class);

    record Job(UUID jobId, String enterpriseId, ImportJobStatus status, int totalRows, int pending, int registered,
               int alreadyRegistered, int invalid, int failed, Instant createdAt, Instant startedAt, Instant finishedAt) {
        public int processedRows() {
            return totalRows - pending;
        }
    }

    record Row(int row, String payableId, ImportRowStatus status, String code, String detail, String transactionId,
               Long blockNumber, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PayableBatches batches;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService pool;

    PayableImports(JdbcClient jdbc, TransactionTemplate tx, PayableBatches batches, Validator validator,
                   JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batches = batches;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(PARALLEL_BATCHES, PARALLEL_BATCHES, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "scf-import-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A cell PostgreSQL cannot store refuses the whole file, before anything of it is kept. */
    private static void refuseUnstorableText(List<List<String>> records) {
        for (int line = 0; line < records.size(); line++) {
            List<String> record = records.get(line);
            for (int column = 0; column < record.size(); column++) {
                String problem = StorableText.problemWith(record.get(column));
                if (problem != null) {
                    String field = column < HEADER.size() ? HEADER.get(column) : "column " + (column + 1);
                    throw new RuleViolation(Reason.CSV_MALFORMED, "Line " + (line + 1) + ", " + field + ": " + problem + ".");
                }
            }
        }
    }

    /** Parses and validates the file, stores the job and its rows, and queues the valid rows. */
    Job create(String enterpriseId, String createdBy, String csv) {
        batches.requirePlatformCustody(enterpriseId);
        List<List<String>> records;
        try {
            records = Csv.parse(csv);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(Reason.CSV_MALFORMED, "The CSV cannot be read: " + e.getMessage() + ".");
        }
        refuseUnstorableText(records);
        if (records.isEmpty()) {
            throw new RuleViolation(Reason.CSV_MALFORMED, "The CSV is empty; its first line is the header "
                    + String.join(",", HEADER) + ".");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw new RuleViolation(Reason.CSV_MALFORMED, "The CSV header must be exactly " + String.join(",", HEADER)
                    + " (got " + String.join(",", header) + ").");
        }
        int rows = records.size() - 1;
        if (rows == 0 || rows > MAX_ROWS) {
            throw new RuleViolation(Reason.CSV_MALFORMED, "A file holds 1 to " + MAX_ROWS + " payables; this one has " + rows
                    + ".");
        }
        UUID jobId = UUID.randomUUID();
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO import_jobs (id, enterprise_id, status, file_sha256, total_rows, created_by, created_at)
                    VALUES (:id, :e, 'QUEUED', :sha, :n, :by, :now)""")
                    .param("id", jobId).param("e", enterpriseId).param("sha", sha256(csv)).param("n", rows)
                    .param("by", createdBy).param("now", Timestamp.from(now)).update();
            for (int i = 1; i <= rows; i++) {
                List<String> record = records.get(i);
                String payableId = record.isEmpty() ? null : truncate(record.get(0).strip(), 64);
                List<String> problems = new ArrayList<>();
                RegisterPayableRequest request = parseRow(record, problems);
                jdbc.sql("""
                        INSERT INTO import_rows (job_id, row_number, payable_id, request_json, status, code, detail, updated_at)
                        VALUES (:j, :r, :p, :req, :s, :c, :d, :now)""")
                        .param("j", jobId).param("r", i).param("p", payableId)
                        .param("req", request == null ? null : json.writeValueAsString(request))
                        .param("s", request == null ? "INVALID" : "PENDING")
                        .param("c", request == null ? "VALIDATION_FAILED" : null)
                        .param("d", request == null ? String.join("; ", problems) : null)
                        .param("now", Timestamp.from(now)).update();
            }
        });
        schedule(jobId, enterpriseId);
        return job(jobId, enterpriseId).orElseThrow();
    }

    RegisterPayableRequest parseRow(List<String> record, List<String> problems) {
        if (record.size() != HEADER.size()) {
            problems.add("expected " + HEADER.size() + " fields, found " + record.size());
            return null;
        }
        String amount = record.get(2).strip();
        Long amountMinor = null;
        if (!amount.matches("[0-9]{1,19}")) {
            problems.add("amountMinor: an integer number of minor units, without sign, decimals or separators");
        } else {
            try {
                amountMinor = Long.parseLong(amount);
            } catch (NumberFormatException e) {
                problems.add("amountMinor: larger than 9223372036854775807");
            }
        }
        LocalDate issue = date(record.get(4), "issueDate", problems);
        LocalDate maturity = date(record.get(5), "maturityDate", problems);
        List<String> fingerprints = new ArrayList<>();
        for (String f : record.get(6).split("[;|\\s]+")) {
            if (!f.isBlank()) {
                fingerprints.add(f.strip());
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        RegisterPayableRequest request = new RegisterPayableRequest(record.get(0).strip(), record.get(1).strip(),
                amountMinor, record.get(3).strip(), issue, maturity, fingerprints, record.get(7).strip());
        for (ConstraintViolation<RegisterPayableRequest> v : validator.validate(request)) {
            problems.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            return null;
        }
        return request;
    }

    private static LocalDate date(String text, String field, List<String> problems) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(field + ": an ISO date yyyy-MM-dd");
            return null;
        }
    }

    private void schedule(UUID jobId, String enterpriseId) {
        List<Integer> pending = jdbc.sql("SELECT row_number FROM import_rows WHERE job_id = :j AND status = 'PENDING' "
                        + "ORDER BY row_number").param("j", jobId).query(Integer.class).list();
        if (pending.isEmpty()) {
            finishIfDone(jobId);
            return;
        }
        jdbc.sql("UPDATE import_jobs SET status = 'RUNNING', started_at = coalesce(started_at, :now) WHERE id = :j")
                .param("now", Timestamp.from(clock.instant())).param("j", jobId).update();
        for (int from = 0; from < pending.size(); from += RegisterPayables.MAX_ITEMS) {
            List<Integer> batch = pending.subList(from, Math.min(from + RegisterPayables.MAX_ITEMS, pending.size()));
            pool.execute(() -> {
                try {
                    process(jobId, enterpriseId, batch);
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // shutting down: resumed at the next start
                    }
                    log.error("import job {} rows {} to {} failed unexpectedly", jobId, batch.get(0),
                            batch.get(batch.size() - 1), e);
                    for (int row : batch) {
                        record(jobId, row, "FAILED", "INTERNAL_ERROR", "The row could not be processed; it has been "
                                + "logged.", null, null);
                    }
                } finally {
                    finishIfDone(jobId);
                }
            });
        }
    }

    /** Registers a batch of the job's rows in one ledger transaction (or a few, when the ledger refuses some rows). */
    private void process(UUID jobId, String enterpriseId, List<Integer> batch) {
        record Pending(int row, RegisterPayableRequest request) {
        }
        List<Pending> rows = jdbc.sql("SELECT row_number, request_json FROM import_rows WHERE job_id = :j "
                        + "AND row_number IN (:r) AND status = 'PENDING' ORDER BY row_number")
                .param("j", jobId).param("r", batch)
                .query((rs, i) -> new Pending(rs.getInt("row_number"),
                        json.readValue(rs.getString("request_json"), RegisterPayableRequest.class)))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        MDC.put("importJob", jobId.toString());
        try {
            List<PayableBatches.Outcome> outcomes = batches.register(enterpriseId,
                    rows.stream().map(Pending::request).toList());
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < rows.size(); i++) {
                    PayableBatches.Outcome o = outcomes.get(i);
                    if (o != null) { // null: left PENDING by a shutdown, resumed at the next start
                        record(jobId, rows.get(i).row(), o.status().name(), o.code(), o.detail(), o.transactionId(),
                                o.blockNumber());
                    }
                }
            });
        } finally {
            MDC.remove("importJob");
        }
    }

    private void record(UUID jobId, int row, String status, String code, String detail, String txId, Long block) {
        jdbc.sql("""
                UPDATE import_rows SET status = :s, code = :c, detail = :d, transaction_id = :t, block_number = :b,
                       updated_at = :now
                WHERE job_id = :j AND row_number = :r""")
                .param("s", status).param("c", code).param("d", detail).param("t", txId).param("b", block)
                .param("now", Timestamp.from(clock.instant())).param("j", jobId).param("r", row).update();
    }

    private void finishIfDone(UUID jobId) {
        jdbc.sql("""
                UPDATE import_jobs SET status = 'COMPLETED', finished_at = :now
                WHERE id = :j AND status <> 'COMPLETED'
                  AND NOT EXISTS (SELECT 1 FROM import_rows WHERE job_id = :j AND status = 'PENDING')""")
                .param("now", Timestamp.from(clock.instant())).param("j", jobId).update();
    }

    /** Jobs cut short by a restart go on where they stopped (their rows' request ids make that safe). */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        record Open(UUID id, String enterpriseId) {
        }
        List<Open> open = jdbc.sql("SELECT id, enterprise_id FROM import_jobs WHERE status <> 'COMPLETED'")
                .query((rs, i) -> new Open(rs.getObject("id", UUID.class), rs.getString("enterprise_id"))).list();
        for (Open o : open) {
            log.info("resuming import job {} of {}", o.id(), o.enterpriseId());
            schedule(o.id(), o.enterpriseId());
        }
    }

    java.util.Optional<Job> job(UUID jobId, String enterpriseId) {
        return jdbc.sql("""
                SELECT j.id, j.enterprise_id, j.status, j.total_rows, j.created_at, j.started_at, j.finished_at,
                       count(*) FILTER (WHERE r.status = 'PENDING') AS pending,
                       count(*) FILTER (WHERE r.status = 'REGISTERED') AS registered,
                       count(*) FILTER (WHERE r.status = 'ALREADY_REGISTERED') AS already,
                       count(*) FILTER (WHERE r.status = 'INVALID') AS invalid,
                       count(*) FILTER (WHERE r.status = 'FAILED') AS failed
                FROM import_jobs j LEFT JOIN import_rows r ON r.job_id = j.id
                WHERE j.id = :j AND j.enterprise_id = :e
                GROUP BY j.id""")
                .param("j", jobId).param("e", enterpriseId)
                .query((rs, i) -> new Job(rs.getObject("id", UUID.class), rs.getString("enterprise_id"),
                        ImportJobStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("pending"),
                                rs.getInt("registered"),
                        rs.getInt("already"), rs.getInt("invalid"), rs.getInt("failed"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("finished_at"))))
                .optional();
    }

    /** The job's rows in the given statuses (all of them when none is given), by row number. */
    PageResult<Row> rows(UUID jobId, List<ImportRowStatus> statuses, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("j", jobId);
        String where = " WHERE job_id = :j";
        if (statuses != null && !statuses.isEmpty()) {
            where += " AND status IN (:s)";
            params.put("s", statuses.stream().map(Enum::name).toList());
        }
        long total = jdbc.sql("SELECT count(*) FROM import_rows" + where).params(params).query(Long.class).single();
        List<Row> items = jdbc.sql("SELECT row_number, payable_id, status, code, detail, transaction_id, block_number, "
                        + "updated_at FROM import_rows" + where + " ORDER BY row_number LIMIT :l OFFSET :o")
                .params(params).param("l", size).param("o", (long) page * size)
                .query((rs, i) -> new Row(rs.getInt("row_number"), rs.getString("payable_id"),
                        ImportRowStatus.valueOf(rs.getString("status")),
                        rs.getString("code"), rs.getString("detail"), rs.getString("transaction_id"),
                        (Long) rs.getObject("block_number"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return PageResult.of(items, page, size, total);
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
