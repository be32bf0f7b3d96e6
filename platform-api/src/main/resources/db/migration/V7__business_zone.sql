-- The business time zone of the ledger settings (SetBusinessZone), projected like the other settings. Null until the
-- platform admin first sets it: the ledger's business day is the UTC day then.
ALTER TABLE ledger_settings ADD COLUMN business_zone varchar(64);
