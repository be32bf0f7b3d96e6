-- The token-list queries of the API on a synthetic read model of :n tokens, with EXPLAIN ANALYZE (run by
-- scripts/bench-scale.sh --probe). The tokens table is copied with its indexes from the schema the API migrated
-- (:src), into the scratch schema scale_probe, and filled like the benchmark's ledger: payables of 111 tokens
-- (a root split ten ways, each part ten ways again) over four holders, maturities over 180 days, the spent
-- parents marked SPENT. The table of counts per holder and status is filled once (the API's triggers keep it).
\set ON_ERROR_STOP on
DROP SCHEMA IF EXISTS scale_probe CASCADE;
CREATE SCHEMA scale_probe;
CREATE TABLE scale_probe.tokens (LIKE :src.tokens INCLUDING ALL);
INSERT INTO scale_probe.tokens (token_id, obligor_id, payable_id, parent_id, holder_id, amount_minor, currency,
    maturity_date, tier, status, created_at, created_tx, updated_at, updated_tx, block_number, tx_index)
SELECT 'T' || i, 'CORE', 'P' || (i / 111),
       CASE WHEN i % 111 = 0 THEN NULL WHEN i % 111 <= 10 THEN 'T' || (i / 111 * 111) ELSE 'T' || (i / 111 * 111 + 1 + (i % 111 - 11) / 10) END,
       'SUP' || (i % 4), CASE WHEN i % 111 = 0 THEN 1000000 WHEN i % 111 <= 10 THEN 100000 ELSE 10000 END, 'CNY',
       date '2027-01-01' + ((i / 111) % 180)::int, CASE WHEN i % 111 = 0 THEN 0 WHEN i % 111 <= 10 THEN 1 ELSE 2 END,
       CASE WHEN i % 111 <= 10 THEN 'SPENT' ELSE 'ACTIVE' END,
       timestamptz '2026-12-01' + i * interval '1 second', 'tx' || i, timestamptz '2026-12-01' + i * interval '1 second',
       'tx' || i, i / 10, i % 10
FROM generate_series(0, :n - 1) AS i;
VACUUM ANALYZE scale_probe.tokens;
CREATE TABLE scale_probe.token_counts (LIKE :src.token_counts INCLUDING ALL);
INSERT INTO scale_probe.token_counts SELECT holder_id, status, count(*) FROM scale_probe.tokens GROUP BY 1, 2;
ANALYZE scale_probe.token_counts;
SET search_path = scale_probe;
\echo '== holder list: ACTIVE, one obligor, a 60-day maturity window, sorted by maturity then amount (page, then total)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT token_id, payable_id, obligor_id, parent_id, holder_id, amount_minor, currency, maturity_date, tier, status,
       financing_id, payment_reference, created_at, created_tx, updated_at, updated_tx
FROM tokens WHERE true AND holder_id = 'SUP0' AND status IN ('ACTIVE') AND obligor_id = 'CORE'
  AND maturity_date >= date '2027-02-10' AND maturity_date <= date '2027-04-11'
ORDER BY maturity_date ASC, amount_minor DESC, token_id ASC LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM tokens WHERE true AND holder_id = 'SUP0' AND status IN ('ACTIVE') AND obligor_id = 'CORE'
  AND maturity_date >= date '2027-02-10' AND maturity_date <= date '2027-04-11';
\echo '== auditor list: every live token, default order (page, then total)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT token_id, payable_id, obligor_id, parent_id, holder_id, amount_minor, currency, maturity_date, tier, status,
       financing_id, payment_reference, created_at, created_tx, updated_at, updated_tx
FROM tokens WHERE true AND status IN ('PENDING_ACCEPTANCE', 'ACTIVE', 'FINANCING_PENDING', 'FINANCED', 'SETTLED')
ORDER BY maturity_date ASC, created_at ASC, token_id ASC LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT coalesce(sum(tokens), 0) FROM token_counts WHERE true AND status IN ('PENDING_ACCEPTANCE', 'ACTIVE', 'FINANCING_PENDING', 'FINANCED', 'SETTLED');
\echo '== a payable token tree'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT token_id, payable_id, obligor_id, parent_id, holder_id, amount_minor, currency, maturity_date, tier, status,
       financing_id, payment_reference, created_at, created_tx, updated_at, updated_tx
FROM tokens WHERE obligor_id = 'CORE' AND payable_id = 'P7' ORDER BY tier, created_at, token_id;
