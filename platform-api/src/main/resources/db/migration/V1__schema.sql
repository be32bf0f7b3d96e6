-- The platform API's whole schema, in one migration. A later change is a new migration after this one
-- (V2__…, V3__…): the history is linear, so Flyway never needs out-of-order.
-- Money is always a bigint of minor units (cents); never a float or numeric with a scale.

-- ==== Accounts, enterprises, credentials, ledger identities, idempotency records ====

CREATE TABLE enterprises (
    id                varchar(64)  PRIMARY KEY,
    name              varchar(200) NOT NULL,
    role              varchar(16)  NOT NULL CHECK (role IN ('PLATFORM', 'CORE', 'SUPPLIER', 'BANK')),
    org               varchar(16)  NOT NULL CHECK (org IN ('PLATFORM', 'BANK', 'CORE')),
    status            varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    kyc_hash          char(64)     CHECK (kyc_hash ~ '^[0-9a-f]{64}$'),
    ledger_registered_tx varchar(128),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid         PRIMARY KEY,
    username       varchar(100) NOT NULL,
    password_hash  varchar(255) NOT NULL,
    role           varchar(16)  NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'CORE', 'SUPPLIER', 'BANK', 'AUDITOR')),
    enterprise_id  varchar(64)  REFERENCES enterprises (id),
    enabled        boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_enterprise_required CHECK (role IN ('PLATFORM_ADMIN', 'AUDITOR') OR enterprise_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_username_uq ON users (lower(username));
CREATE INDEX users_enterprise_idx ON users (enterprise_id);

-- Short-lived bearer access tokens issued at login. Only a SHA-256 of the token is stored.
CREATE TABLE access_tokens (
    token_hash  bytea        PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX access_tokens_expiry_idx ON access_tokens (expires_at);

-- ERP API keys: the key is shown once; a lookup prefix and a SHA-256 of the whole key are stored.
CREATE TABLE api_keys (
    id             uuid         PRIMARY KEY,
    prefix         varchar(32)  NOT NULL UNIQUE,
    key_hash       bytea        NOT NULL,
    enterprise_id  varchar(64)  NOT NULL REFERENCES enterprises (id),
    name           varchar(100) NOT NULL,
    scopes         text[]       NOT NULL,
    created_by     uuid         REFERENCES users (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    expires_at     timestamptz,
    last_used_at   timestamptz,
    revoked_at     timestamptz
);
CREATE INDEX api_keys_enterprise_idx ON api_keys (enterprise_id);

-- Each enterprise's X.509 ledger identity, enrolled from its organisation's Fabric CA.
-- The private key is AES-256-GCM encrypted: key_ciphertext = nonce(12) || ciphertext || tag(16),
-- with the enterprise id and enrollment id as associated data; key_id names the encryption key.
CREATE TABLE ledger_identities (
    id               bigserial    PRIMARY KEY,
    enterprise_id    varchar(64)  NOT NULL REFERENCES enterprises (id),
    org              varchar(16)  NOT NULL CHECK (org IN ('PLATFORM', 'BANK', 'CORE')),
    msp_id           varchar(64)  NOT NULL,
    enrollment_id    varchar(128) NOT NULL UNIQUE,
    certificate_pem  text         NOT NULL,
    ca_chain_pem     text,
    key_id           varchar(32)  NOT NULL,
    key_ciphertext   bytea        NOT NULL,
    not_after        timestamptz  NOT NULL,
    active           boolean      NOT NULL DEFAULT true,
    created_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_identities_active_uq ON ledger_identities (enterprise_id) WHERE active;

-- Idempotency-Key records (Stripe's semantics), kept at least 24 hours.
CREATE TABLE idempotency_keys (
    scope             varchar(100) NOT NULL,
    idempotency_key   varchar(255) NOT NULL,
    operation         varchar(100) NOT NULL,
    request_hash      bytea        NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')),
    lock_token        uuid,
    locked_until      timestamptz,
    response_status   integer,
    response_type     varchar(100),
    response_headers  text,
    response_body     text,
    created_at        timestamptz  NOT NULL,
    completed_at      timestamptz,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- ==== The read model ====
-- Projected from the chaincode's events (docs/chaincode.md, "Events") by the projector, which writes the
-- rows of an event and its checkpoint in ONE database transaction. Every projected row records the position
-- of the event that last wrote it: block_number and tx_index (the event's position among this chaincode's
-- events in that block).

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

-- ==== Bulk CSV imports of payables ====
-- One job per upload, one row per CSV line with its own outcome.
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

-- ==== KYC onboarding, bank financing, documents, the hash-chained audit log ====
-- Off-chain records live here; the ledger holds their SHA-256 anchors (AnchorRecord / RequestFinancing).

-- Uploaded documents of a KYC application or a financing application, stored with their SHA-256.
CREATE TABLE documents (
    id            uuid          PRIMARY KEY,
    owner_type    varchar(16)   NOT NULL CHECK (owner_type IN ('KYC', 'FINANCING')),
    owner_id      varchar(64)   NOT NULL,
    kind          varchar(32)   NOT NULL,
    file_name     varchar(255)  NOT NULL,
    content_type  varchar(100)  NOT NULL,
    size_bytes    bigint        NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea         NOT NULL,
    uploaded_by   varchar(64)   NOT NULL,
    uploaded_at   timestamptz   NOT NULL,
    CONSTRAINT documents_size_matches CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX documents_owner_idx ON documents (owner_type, owner_id);
CREATE INDEX documents_sha256_idx ON documents (sha256);

-- An enterprise's application to be admitted (know your customer).
CREATE TABLE kyc_applications (
    id                   varchar(64)   PRIMARY KEY,
    enterprise_id        varchar(64)   NOT NULL REFERENCES enterprises (id),
    legal_name           varchar(200)  NOT NULL,
    uscc                 char(18)      NOT NULL,
    role                 varchar(16)   NOT NULL CHECK (role IN ('CORE', 'SUPPLIER', 'BANK')),
    contacts             text          NOT NULL,   -- canonical JSON array
    settlement_account   text          NOT NULL,   -- canonical JSON object
    status               varchar(32)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'REVIEWED',
                                           'MORE_INFO_REQUESTED', 'REJECTED', 'APPROVED')),
    version              integer       NOT NULL DEFAULT 0,
    submitted_at         timestamptz,
    reviewer_id          varchar(64),             -- the maker: the admin who reviewed first
    reviewer_name        varchar(100),
    reviewed_at          timestamptz,
    approver_id          varchar(64),             -- the checker: another admin
    approver_name        varchar(100),
    approved_at          timestamptz,
    decision_reason      text,
    record_hash          char(64),                -- SHA-256 of the canonical record, anchored as KYC/<id>
    enrollment_id        varchar(128),
    registered_tx        varchar(128),
    anchor_tx            varchar(128),
    activated_at         timestamptz,
    created_by           varchar(64)   NOT NULL,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL
);
CREATE INDEX kyc_applications_enterprise_idx ON kyc_applications (enterprise_id);
CREATE INDEX kyc_applications_status_idx ON kyc_applications (status, updated_at);
-- at most one open application per enterprise
CREATE UNIQUE INDEX kyc_applications_open_uq ON kyc_applications (enterprise_id)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'REVIEWED', 'MORE_INFO_REQUESTED');

-- Every step of a KYC application: who, what, when, why.
CREATE TABLE kyc_events (
    id              bigserial     PRIMARY KEY,
    application_id  varchar(64)   NOT NULL REFERENCES kyc_applications (id),
    at              timestamptz   NOT NULL,
    actor_id        varchar(64)   NOT NULL,
    actor_name      varchar(100)  NOT NULL,
    action          varchar(40)   NOT NULL,
    from_status     varchar(32),
    to_status       varchar(32),
    note            text,
    ledger_tx_id    varchar(128)
);
CREATE INDEX kyc_events_application_idx ON kyc_events (application_id, id);

-- A supplier's application to a bank to finance one of its tokens.
CREATE TABLE financing_applications (
    id                  varchar(64)   PRIMARY KEY,
    applicant_id        varchar(64)   NOT NULL REFERENCES enterprises (id),
    bank_id             varchar(64)   NOT NULL REFERENCES enterprises (id),
    token_id            varchar(128)  NOT NULL,
    obligor_id          varchar(64)   NOT NULL,
    payable_id          varchar(128)  NOT NULL,
    token_tier          integer       NOT NULL,
    face_amount_minor   bigint        NOT NULL CHECK (face_amount_minor > 0),
    currency            char(3)       NOT NULL,
    maturity_date       date          NOT NULL,
    invoice_numbers     text          NOT NULL,   -- canonical JSON array
    status              varchar(32)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'AWAITING_SECOND_APPROVAL',
                                          'APPROVING', 'APPROVED', 'DISBURSED', 'REJECTED', 'CANCELLED')),
    version             integer       NOT NULL DEFAULT 0,
    record_hash         char(64),
    request_tx          varchar(128),
    lineage             text,                       -- JSON from GetLineage at submission
    submitted_at        timestamptz,
    maker_id            varchar(64),
    maker_name          varchar(100),
    maker_at            timestamptz,
    proposed_rate_bps   integer,
    checker_id          varchar(64),
    checker_name        varchar(100),
    approved_rate_bps   integer,
    value_date          date,
    days                bigint,
    discount_minor      bigint,
    advance_minor       bigint,
    decision_tx         varchar(128),
    decided_at          timestamptz,
    rejection_reason    text,
    disbursement_ref    varchar(128),
    disbursed_at        timestamptz,
    created_by          varchar(64)   NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
CREATE INDEX financing_applicant_idx ON financing_applications (applicant_id, status);
CREATE INDEX financing_bank_idx ON financing_applications (bank_id, status, submitted_at);
CREATE INDEX financing_exposure_idx ON financing_applications (bank_id, obligor_id, currency, status);
-- a token is in at most one live application
CREATE UNIQUE INDEX financing_open_token_uq ON financing_applications (token_id)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVING');

CREATE TABLE financing_events (
    id              bigserial     PRIMARY KEY,
    financing_id    varchar(64)   NOT NULL REFERENCES financing_applications (id),
    at              timestamptz   NOT NULL,
    actor_id        varchar(64)   NOT NULL,
    actor_name      varchar(100)  NOT NULL,
    action          varchar(40)   NOT NULL,
    from_status     varchar(32),
    to_status       varchar(32),
    note            text,
    ledger_tx_id    varchar(128)
);
CREATE INDEX financing_events_financing_idx ON financing_events (financing_id, id);

-- A bank's credit limit for an obligor (in one currency).
CREATE TABLE credit_limits (
    bank_id      varchar(64)  NOT NULL REFERENCES enterprises (id),
    obligor_id   varchar(64)  NOT NULL REFERENCES enterprises (id),
    currency     char(3)      NOT NULL,
    limit_minor  bigint       NOT NULL CHECK (limit_minor >= 0),
    updated_by   varchar(64)  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (bank_id, obligor_id, currency)
);

-- Append-only audit log of every write, each entry chained to the previous one by SHA-256.
-- hash = SHA-256(canonical JSON of the entry, prev_hash included); the first entry's prev_hash is 64 zeros.
CREATE TABLE audit_log (
    seq            bigint        PRIMARY KEY,
    occurred_at    timestamptz   NOT NULL,
    actor_kind     varchar(16)   NOT NULL,
    actor_id       varchar(64),
    actor_name     varchar(100),
    actor_role     varchar(16),
    enterprise_id  varchar(64),
    action         varchar(300)  NOT NULL,
    target         text          NOT NULL,   -- canonical JSON object
    outcome        varchar(16)   NOT NULL CHECK (outcome IN ('SUCCESS', 'REFUSED', 'FAILED')),
    http_status    integer       NOT NULL,
    problem_code   varchar(64),
    ledger_tx_ids  text          NOT NULL,   -- canonical JSON array
    prev_hash      char(64)      NOT NULL,
    hash           char(64)      NOT NULL UNIQUE
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
