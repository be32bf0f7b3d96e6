-- A durable audit of the writes that exist only in PostgreSQL (KYC applications, users, API keys, custody, ...).
-- A request's audit entry is appended after its business transaction commits, so an API that dies in between
-- leaves a committed change without one. Every business table below therefore puts a row in audit_pending, by a
-- trigger, in the SAME transaction as the change: which table, which row (its key, never its content), the
-- operation, and the request and caller the API names in the settings scf.request and scf.actor when it takes a
-- connection for a write request (audit.AttributedConnections). The request's own entry is the source of truth:
-- appending it removes its request's rows; the audit drainer (audit.PendingWrites) appends an entry derived from
-- the rows that are still here after a grace period (a request that died, or a write made outside any request).
-- Read-model, session and audit tables are not audited here: AuditPendingWritesIntegrationTest names each reason.

CREATE TABLE audit_pending (
    id           bigserial    PRIMARY KEY,
    xact_id      bigint       NOT NULL DEFAULT txid_current(),
    request_id   varchar(64),
    actor        text,                      -- canonical JSON object {kind, id, name, role, enterprise}
    table_name   varchar(64)  NOT NULL,
    row_key      text         NOT NULL,     -- JSON object of the row's key columns
    operation    varchar(8)   NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    enqueued_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX audit_pending_request_idx ON audit_pending (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX audit_pending_enqueued_idx ON audit_pending (enqueued_at);

-- The trigger's arguments name the table's key columns.
CREATE FUNCTION audit_pending_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb;
    row_key jsonb := '{}'::jsonb;
    col     text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := to_jsonb(OLD);
    ELSE
        changed := to_jsonb(NEW);
    END IF;
    FOREACH col IN ARRAY TG_ARGV LOOP
        row_key := row_key || jsonb_build_object(col, changed -> col);
    END LOOP;
    INSERT INTO audit_pending (request_id, actor, table_name, row_key, operation)
    VALUES (nullif(current_setting('scf.request', true), ''), nullif(current_setting('scf.actor', true), ''),
            TG_TABLE_NAME, row_key::text, TG_OP);
    RETURN NULL;
END;
$$;

-- The tables keyed by id; a table of another key, or one written for bookkeeping, gets its trigger below.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['enterprises', 'users', 'ledger_identities', 'self_identities', 'documents',
                             'kyc_applications', 'kyc_events', 'financing_applications', 'financing_events'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION audit_pending_enqueue(''id'')', t || '_audit_pending', t);
    END LOOP;
END;
$$;
CREATE TRIGGER credit_limits_audit_pending AFTER INSERT OR UPDATE OR DELETE ON credit_limits
    FOR EACH ROW EXECUTE FUNCTION audit_pending_enqueue('bank_id', 'obligor_id', 'currency');
-- last_used_at is bookkeeping of every call made with the key, not a change of the key
CREATE TRIGGER api_keys_audit_pending_change AFTER INSERT OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION audit_pending_enqueue('id');
CREATE TRIGGER api_keys_audit_pending_update
    AFTER UPDATE OF prefix, key_hash, enterprise_id, name, scopes, created_by, expires_at, revoked_at ON api_keys
    FOR EACH ROW EXECUTE FUNCTION audit_pending_enqueue('id');
