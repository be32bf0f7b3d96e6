-- Custody of an enterprise's keys: PLATFORM (sealed in ledger_identities) or SELF (only certificates here).
ALTER TABLE enterprises ADD COLUMN custody varchar(8) NOT NULL DEFAULT 'PLATFORM' CHECK (custody IN ('PLATFORM', 'SELF'));

-- Certificates issued for keys the enterprise holds itself: no private key column, by design.
CREATE TABLE self_identities (
    id              bigserial    PRIMARY KEY,
    enterprise_id   varchar(64)  NOT NULL REFERENCES enterprises (id),
    msp_id          varchar(64)  NOT NULL,
    enrollment_id   varchar(128) NOT NULL UNIQUE,
    certificate_pem text         NOT NULL,
    subject_id      varchar(128),
    certificate_id  char(64)     NOT NULL UNIQUE CHECK (certificate_id ~ '^[0-9a-f]{64}$'),
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX self_identities_enterprise ON self_identities (enterprise_id) WHERE active;

-- One offline-signed ledger write: the proposal, then the endorsed transaction, each signed by the client.
CREATE TABLE signing_sessions (
    id                 uuid         PRIMARY KEY,
    enterprise_id      varchar(64)  NOT NULL REFERENCES enterprises (id),
    subject_id         varchar(128) NOT NULL,
    certificate_id     char(64)     NOT NULL,
    transaction_name   varchar(64)  NOT NULL,
    arguments_hash     char(64)     NOT NULL,
    request_id         varchar(128) NOT NULL,
    tx_id              varchar(128) NOT NULL,
    state              varchar(16)  NOT NULL CHECK (state IN ('PROPOSED', 'ENDORSED', 'COMMITTED', 'FAILED')),
    proposal_bytes     bytea        NOT NULL,
    transaction_bytes  bytea,
    result_payload     bytea,
    block_number       bigint,
    http_method        varchar(8)   NOT NULL,
    http_path          varchar(2048) NOT NULL,
    http_query         varchar(2048),
    http_content_type  varchar(200),
    http_body          bytea,
    idempotency_key    varchar(255),
    parent_id          uuid         REFERENCES signing_sessions (id),
    expires_at         timestamptz  NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX signing_sessions_done ON signing_sessions (enterprise_id, transaction_name, arguments_hash)
    WHERE state = 'COMMITTED';
