-- Token lists that stay flat as the ledger grows (docs/performance.md, "Scale curves").
--
-- A list page walks one of these indexes in its default order (maturity date, creation, token id) and stops once the
-- page is full: a holder's own tokens, and an auditor's list of everyone's. Sorting by maturity date then another
-- field walks the same index and sorts only within a date (PostgreSQL's incremental sort).
CREATE INDEX tokens_holder_maturity_idx ON tokens (holder_id, maturity_date, created_at, token_id);
CREATE INDEX tokens_maturity_idx ON tokens (maturity_date, created_at, token_id);

-- A page's total is a count(*) of the same filter, answered from an index alone (an index-only scan): a holder's
-- tokens by status, obligor and maturity window from tokens_holder_idx, now carrying the obligor and payable; an
-- auditor's from tokens_status_idx.
DROP INDEX tokens_holder_idx;
CREATE INDEX tokens_holder_idx ON tokens (holder_id, status, maturity_date) INCLUDE (obligor_id, payable_id);
CREATE INDEX tokens_status_idx ON tokens (status) INCLUDE (holder_id, obligor_id, maturity_date);

-- How many tokens each holder has in each status, kept by triggers on tokens in the same transaction as the change
-- (the projector's upserts, a rebuild's TRUNCATE, a test's DELETE). A list filtered only by holder and status (a
-- holder's own list, an auditor's list of everyone's) takes its total from here: a few rows, however many tokens.
CREATE TABLE token_counts (
    holder_id  varchar(64)  NOT NULL,
    status     varchar(32)  NOT NULL,
    tokens     bigint       NOT NULL,
    PRIMARY KEY (holder_id, status)
);

CREATE FUNCTION token_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE token_counts SET tokens = tokens - 1 WHERE holder_id = OLD.holder_id AND status = OLD.status;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO token_counts (holder_id, status, tokens) VALUES (NEW.holder_id, NEW.status, 1)
        ON CONFLICT (holder_id, status) DO UPDATE SET tokens = token_counts.tokens + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION token_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM token_counts;
    RETURN NULL;
END $$;

CREATE TRIGGER tokens_counted_insert_delete AFTER INSERT OR DELETE ON tokens
    FOR EACH ROW EXECUTE FUNCTION token_counts_follow();
CREATE TRIGGER tokens_counted_update AFTER UPDATE OF holder_id, status ON tokens
    FOR EACH ROW WHEN (OLD.holder_id IS DISTINCT FROM NEW.holder_id OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION token_counts_follow();
CREATE TRIGGER tokens_counted_truncate AFTER TRUNCATE ON tokens
    FOR EACH STATEMENT EXECUTE FUNCTION token_counts_clear();

INSERT INTO token_counts (holder_id, status, tokens)
SELECT holder_id, status, count(*) FROM tokens GROUP BY holder_id, status;
