-- Platform API foundation: accounts, enterprises, credentials, ledger identities,
-- idempotency records and the read model projected from chaincode events.
-- Money is always a bigint of minor units (cents); never a float or numeric with a scale.

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

-- Read model, written only by the event projector (with its checkpoint, in one transaction).
CREATE TABLE payables (
    obligor_id       varchar(64)  NOT NULL,
    payable_id       varchar(128) NOT NULL,
    beneficiary_id   varchar(64)  NOT NULL,
    amount_minor     bigint       NOT NULL CHECK (amount_minor > 0),
    currency         char(3)      NOT NULL,
    issue_date       date         NOT NULL,
    maturity_date    date         NOT NULL,
    document_hash    varchar(64),
    status           varchar(32)  NOT NULL,
    root_token_id    varchar(128),
    created_tx_id    varchar(128) NOT NULL,
    updated_tx_id    varchar(128) NOT NULL,
    updated_block    bigint       NOT NULL,
    PRIMARY KEY (obligor_id, payable_id)
);
CREATE INDEX payables_beneficiary_idx ON payables (beneficiary_id);
CREATE INDEX payables_status_maturity_idx ON payables (obligor_id, status, maturity_date);

CREATE TABLE payable_invoices (
    obligor_id   varchar(64)  NOT NULL,
    payable_id   varchar(128) NOT NULL,
    fingerprint  char(64)     NOT NULL UNIQUE,
    PRIMARY KEY (obligor_id, payable_id, fingerprint),
    FOREIGN KEY (obligor_id, payable_id) REFERENCES payables (obligor_id, payable_id) ON DELETE CASCADE
);

CREATE TABLE tokens (
    token_id        varchar(128) PRIMARY KEY,
    obligor_id      varchar(64)  NOT NULL,
    payable_id      varchar(128) NOT NULL,
    parent_id       varchar(128) REFERENCES tokens (token_id),
    holder_id       varchar(64)  NOT NULL,
    amount_minor    bigint       NOT NULL CHECK (amount_minor > 0),
    currency        char(3)      NOT NULL,
    maturity_date   date         NOT NULL,
    tier            integer      NOT NULL CHECK (tier >= 0),
    status          varchar(32)  NOT NULL,
    created_tx_id   varchar(128) NOT NULL,
    updated_tx_id   varchar(128) NOT NULL,
    updated_block   bigint       NOT NULL
);
CREATE INDEX tokens_holder_idx ON tokens (holder_id, status, maturity_date);
CREATE INDEX tokens_payable_idx ON tokens (obligor_id, payable_id);
CREATE INDEX tokens_parent_idx ON tokens (parent_id);

-- Where each projector stopped: the last block and transaction whose events were applied.
CREATE TABLE projector_checkpoint (
    projector       varchar(64)  PRIMARY KEY,
    block_number    bigint       NOT NULL,
    transaction_id  varchar(128),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
