-- The read model, projected from the chaincode's events (docs/chaincode.md, "Events") by the
-- projector, which writes the rows of an event and its checkpoint in ONE database transaction.
-- Every projected row records the position of the event that last wrote it: block_number and
-- tx_index (the event's position among this chaincode's events in that block).
-- V1's draft read-model tables were never written; they are replaced by the complete set below.

DROP TABLE payable_invoices;
DROP TABLE tokens;
DROP TABLE payables;
DROP TABLE projector_checkpoint;

CREATE TABLE ledger_enterprises (
    enterprise_id  varchar(64)  PRIMARY KEY,
    role           varchar(16)  NOT NULL,
    msp_id         varchar(64)  NOT NULL,
    status         varchar(16)  NOT NULL,
    kyc_hash       varchar(64),
    registered_at  timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    updated_tx     varchar(128) NOT NULL,
    block_number   bigint       NOT NULL,
    tx_index       integer      NOT NULL
);

CREATE TABLE payables (
    obligor_id           varchar(64)  NOT NULL,
    payable_id           varchar(64)  NOT NULL,
    beneficiary_id       varchar(64)  NOT NULL,
    amount_minor         bigint       NOT NULL CHECK (amount_minor > 0),
    currency             char(3)      NOT NULL,
    issue_date           date         NOT NULL,
    maturity_date        date         NOT NULL,
    invoice_fingerprints text[]       NOT NULL,
    document_hash        varchar(64)  NOT NULL,
    root_token_id        varchar(128) NOT NULL,
    status               varchar(32)  NOT NULL,
    payment_reference    varchar(128),
    registered_at        timestamptz  NOT NULL,
    registered_tx        varchar(128) NOT NULL,
    updated_at           timestamptz  NOT NULL,
    updated_tx           varchar(128) NOT NULL,
    block_number         bigint       NOT NULL,
    tx_index             integer      NOT NULL,
    PRIMARY KEY (obligor_id, payable_id)
);
CREATE INDEX payables_beneficiary_idx ON payables (beneficiary_id, status, maturity_date);
CREATE INDEX payables_obligor_idx ON payables (obligor_id, status, maturity_date);

CREATE TABLE tokens (
    token_id          varchar(128) PRIMARY KEY,
    obligor_id        varchar(64)  NOT NULL,
    payable_id        varchar(64)  NOT NULL,
    parent_id         varchar(128),
    holder_id         varchar(64)  NOT NULL,
    amount_minor      bigint       NOT NULL CHECK (amount_minor > 0),
    currency          char(3)      NOT NULL,
    maturity_date     date         NOT NULL,
    tier              integer      NOT NULL CHECK (tier >= 0),
    status            varchar(32)  NOT NULL,
    financing_id      varchar(64),
    payment_reference varchar(128),
    created_at        timestamptz  NOT NULL,
    created_tx        varchar(128) NOT NULL,
    updated_at        timestamptz  NOT NULL,
    updated_tx        varchar(128) NOT NULL,
    block_number      bigint       NOT NULL,
    tx_index          integer      NOT NULL
);
CREATE INDEX tokens_holder_idx ON tokens (holder_id, status, maturity_date);
CREATE INDEX tokens_payable_idx ON tokens (obligor_id, payable_id);
CREATE INDEX tokens_parent_idx ON tokens (parent_id);
CREATE INDEX tokens_financing_idx ON tokens (financing_id) WHERE financing_id IS NOT NULL;

CREATE TABLE financings (
    financing_id              varchar(64)  PRIMARY KEY,
    token_id                  varchar(128) NOT NULL,
    bank_id                   varchar(64)  NOT NULL,
    applicant_id              varchar(64)  NOT NULL,
    face_amount_minor         bigint       NOT NULL,
    currency                  char(3)      NOT NULL,
    maturity_date             date         NOT NULL,
    application_document_hash varchar(64)  NOT NULL,
    day_count_basis           varchar(16)  NOT NULL,
    status                    varchar(32)  NOT NULL,
    annual_rate_bps           integer,
    value_date                date,
    days                      bigint,
    discount_minor            bigint,
    advance_minor             bigint,
    requested_at              timestamptz  NOT NULL,
    requested_tx              varchar(128) NOT NULL,
    updated_at                timestamptz  NOT NULL,
    updated_tx                varchar(128) NOT NULL,
    block_number              bigint       NOT NULL,
    tx_index                  integer      NOT NULL
);
CREATE INDEX financings_bank_idx ON financings (bank_id);
CREATE INDEX financings_applicant_idx ON financings (applicant_id);

CREATE TABLE anchors (
    record_type    varchar(32)  NOT NULL,
    record_id      varchar(64)  NOT NULL,
    sha256         varchar(64)  NOT NULL,
    version        integer      NOT NULL,
    anchored_at    timestamptz  NOT NULL,
    anchored_tx    varchar(128) NOT NULL,
    anchored_by    varchar(64)  NOT NULL,
    block_number   bigint       NOT NULL,
    tx_index       integer      NOT NULL,
    PRIMARY KEY (record_type, record_id)
);

CREATE TABLE ledger_settings (
    id             smallint     PRIMARY KEY CHECK (id = 1),
    min_unit       bigint       NOT NULL,
    max_outputs    integer      NOT NULL,
    max_tier_depth integer      NOT NULL,
    updated_at     timestamptz,
    updated_tx     varchar(128),
    block_number   bigint       NOT NULL,
    tx_index       integer      NOT NULL
);

-- Every applied event, once: the primary key makes a second application of the same transaction's
-- event impossible (the projector counts such a duplicate and skips it). An event the projector
-- cannot read is kept with rejected = true and no rows (and logged), so it does not stop the stream.
CREATE TABLE projected_events (
    tx_id          varchar(128) PRIMARY KEY,
    block_number   bigint       NOT NULL,
    tx_index       integer      NOT NULL,
    event_name     varchar(64)  NOT NULL,
    transaction    varchar(64),
    request_id     varchar(128),
    actor_msp_id   varchar(64),
    actor_id       varchar(64),
    tx_timestamp   timestamptz,
    rejected       boolean      NOT NULL DEFAULT false,
    applied_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (block_number, tx_index)
);

-- Where the projector stopped: the last applied event's block, its position among this chaincode's
-- events in the block, and its transaction id (the Gateway SDK's checkpoint: resume in that block
-- after that transaction). A fresh read model starts at block 0 with no transaction.
CREATE TABLE projector_checkpoint (
    projector       varchar(64)  PRIMARY KEY,
    block_number    bigint       NOT NULL,
    tx_index        integer      NOT NULL,
    transaction_id  varchar(128),
    events_applied  bigint       NOT NULL DEFAULT 0,
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO projector_checkpoint (projector, block_number, tx_index, transaction_id) VALUES ('main', 0, -1, NULL);

-- Bulk CSV imports of payables: one job per upload, one row per CSV line with its own outcome.
CREATE TABLE import_jobs (
    id               uuid         PRIMARY KEY,
    enterprise_id    varchar(64)  NOT NULL REFERENCES enterprises (id),
    status           varchar(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED')),
    file_sha256      char(64)     NOT NULL,
    total_rows       integer      NOT NULL,
    created_by       varchar(100) NOT NULL,
    created_at       timestamptz  NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz
);
CREATE INDEX import_jobs_enterprise_idx ON import_jobs (enterprise_id, created_at);

CREATE TABLE import_rows (
    job_id          uuid         NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    row_number      integer      NOT NULL,
    payable_id      varchar(64),
    request_json    text,
    status          varchar(24)  NOT NULL CHECK (status IN ('PENDING', 'REGISTERED', 'ALREADY_REGISTERED', 'INVALID', 'FAILED')),
    code            varchar(64),
    detail          text,
    transaction_id  varchar(128),
    block_number    bigint,
    updated_at      timestamptz  NOT NULL,
    PRIMARY KEY (job_id, row_number)
);
CREATE INDEX import_rows_status_idx ON import_rows (job_id, status);
