-- A durable audit of ledger writes. The request's own audit entry is appended after the ledger commit, so an API
-- that dies in between leaves a committed transaction without one. Every committed transaction the projector
-- applies is therefore also put in audit_outbox, by a trigger, in the same PostgreSQL transaction as the read
-- model's rows; the audit drainer appends an entry derived from the ledger for each one that no entry names after
-- a grace period, and empties the outbox.

-- Every ledger transaction an audit entry names as committed (kept by a trigger on audit_log).
CREATE TABLE audited_transactions (
    tx_id      varchar(128) PRIMARY KEY,
    audit_seq  bigint       NOT NULL
);

CREATE TABLE audit_outbox (
    tx_id          varchar(128) PRIMARY KEY,
    block_number   bigint       NOT NULL,
    event_name     varchar(64)  NOT NULL,
    transaction    varchar(64),
    request_id     varchar(128),
    actor_msp_id   varchar(64),
    actor_id       varchar(64),
    tx_timestamp   timestamptz,
    enqueued_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX audit_outbox_enqueued_idx ON audit_outbox (enqueued_at);

CREATE FUNCTION audit_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_outbox (tx_id, block_number, event_name, transaction, request_id, actor_msp_id, actor_id,
                              tx_timestamp)
    VALUES (NEW.tx_id, NEW.block_number, NEW.event_name, NEW.transaction, NEW.request_id, NEW.actor_msp_id,
            NEW.actor_id, NEW.tx_timestamp)
    ON CONFLICT (tx_id) DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER projected_events_audit_outbox AFTER INSERT ON projected_events
    FOR EACH ROW WHEN (NOT NEW.rejected) EXECUTE FUNCTION audit_outbox_enqueue();

CREATE FUNCTION audit_log_record_transactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audited_transactions (tx_id, audit_seq)
    SELECT call ->> 'transactionId', NEW.seq
    FROM jsonb_array_elements(NEW.ledger_tx_ids::jsonb) AS call
    WHERE (call ->> 'committed')::boolean AND coalesce(call ->> 'transactionId', '') <> ''
    ON CONFLICT (tx_id) DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER audit_log_audited_transactions AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_record_transactions();

INSERT INTO audited_transactions (tx_id, audit_seq)
SELECT call ->> 'transactionId', min(a.seq)
FROM audit_log a, jsonb_array_elements(a.ledger_tx_ids::jsonb) AS call
WHERE (call ->> 'committed')::boolean AND coalesce(call ->> 'transactionId', '') <> ''
GROUP BY call ->> 'transactionId';
