-- Issue 5: KYC onboarding, bank financing, documents, the hash-chained audit log.
-- Off-chain records live here; the ledger holds their SHA-256 anchors (AnchorRecord / RequestFinancing).
-- Money is a bigint of minor units. Numbered from 50 so that it never collides with the read model's migrations.

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
