-- Personal ledger identities: approvers (bank makers and checkers, platform admins) sign four-eyes steps with their
-- own certificate, enrolled at their enterprise's organisation's CA. username is null for the enterprise's own
-- identity; each (enterprise, username) has at most one active identity.
ALTER TABLE ledger_identities ADD COLUMN username varchar(100);
DROP INDEX ledger_identities_active_uq;
CREATE UNIQUE INDEX ledger_identities_active_uq ON ledger_identities (enterprise_id) WHERE active AND username IS NULL;
CREATE UNIQUE INDEX ledger_identities_personal_active_uq ON ledger_identities (enterprise_id, username)
    WHERE active AND username IS NOT NULL;
