-- Timeline steps carry their parameters as data (facts), which the web words in the reader's language with
-- formatted amounts; note keeps only what a person typed (a reviewer's note, a reason). The sentences the API used
-- to write into note are parsed back into facts here, and note is cleared where it held nothing a person wrote.

ALTER TABLE financing_events ADD COLUMN facts jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE kyc_events ADD COLUMN facts jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Every financing step concerns the application's token, bank and face amount.
UPDATE financing_events e SET facts = jsonb_build_object(
        'tokenId', f.token_id, 'counterpartyId', f.bank_id, 'amountMinor', f.face_amount_minor,
        'currency', f.currency)
    FROM financing_applications f WHERE f.id = e.financing_id AND e.action <> 'DOCUMENT_UPLOADED';

UPDATE financing_events e SET facts = e.facts || jsonb_build_object('maturityDate', f.maturity_date), note = NULL
    FROM financing_applications f WHERE f.id = e.financing_id AND e.action = 'CREATED';

UPDATE financing_events SET note = NULL,
        facts = facts || jsonb_strip_nulls(jsonb_build_object(
            'recordType', 'FINANCING_APPLICATION', 'recordId', financing_id,
            'sha256', substring(note from 'sha256 ([0-9a-f]{64})')))
    WHERE action = 'SUBMITTED';

UPDATE financing_events SET note = NULL WHERE action = 'CANCELLED';

UPDATE financing_events SET note = NULL,
        facts = facts || jsonb_strip_nulls(jsonb_build_object(
            'rateBps', substring(note from '^(?:proposed )?(\d+) bps')::integer,
            'thresholdMinor', substring(note from 'threshold (\d+)')::bigint))
    WHERE action IN ('FIRST_APPROVAL', 'APPROVAL', 'SECOND_APPROVAL');

UPDATE financing_events SET note = NULL,
        facts = facts || jsonb_strip_nulls(jsonb_build_object(
            'rateBps', substring(note from '^(\d+) bps')::integer,
            'days', substring(note from '(\d+) days')::integer,
            'discountMinor', substring(note from 'discount (\d+)')::bigint,
            'advanceMinor', substring(note from 'advance (\d+)')::bigint))
    WHERE action = 'APPROVED';

UPDATE financing_events SET note = NULL,
        facts = facts || jsonb_strip_nulls(jsonb_build_object(
            'problemCode', substring(note from '^([A-Z_]+):'),
            'detail', substring(note from '^[A-Z_]+: (.*)$')))
    WHERE action IN ('APPROVAL_REFUSED_BY_LEDGER', 'APPROVAL_OUTCOME_UNKNOWN') AND note ~ '^[A-Z_]+:';

-- The rejection's note was "<reason>; token <id> unlocked": the reason is what the bank user typed.
UPDATE financing_events SET note = substring(note from '^(.*); token \S+ unlocked$')
    WHERE action = 'REJECTED' AND note ~ '; token \S+ unlocked$';

UPDATE financing_events SET note = NULL,
        facts = facts || jsonb_strip_nulls(jsonb_build_object(
            'advanceMinor', substring(note from '^advance (\d+)')::bigint,
            'reference', substring(note from 'reference (.*)$')))
    WHERE action = 'DISBURSED';

-- "<KIND> <file name> sha256 <hash>", in both timelines.
UPDATE financing_events SET note = NULL,
        facts = jsonb_strip_nulls(jsonb_build_object(
            'documentKind', substring(note from '^(\S+) '),
            'fileName', substring(note from '^\S+ (.*) sha256 [0-9a-f]{64}$'),
            'sha256', substring(note from 'sha256 ([0-9a-f]{64})$')))
    WHERE action = 'DOCUMENT_UPLOADED' AND note ~ ' sha256 [0-9a-f]{64}$';

UPDATE kyc_events SET note = NULL,
        facts = jsonb_strip_nulls(jsonb_build_object(
            'documentKind', substring(note from '^(\S+) '),
            'fileName', substring(note from '^\S+ (.*) sha256 [0-9a-f]{64}$'),
            'sha256', substring(note from 'sha256 ([0-9a-f]{64})$')))
    WHERE action = 'DOCUMENT_UPLOADED' AND note ~ ' sha256 [0-9a-f]{64}$';

UPDATE kyc_events SET note = NULL,
        facts = jsonb_build_object('enrollmentId', substring(note from '^enrollment id (.*)$'))
    WHERE action = 'LEDGER_IDENTITY_ENROLLED' AND note LIKE 'enrollment id %';

UPDATE kyc_events SET note = NULL,
        facts = jsonb_build_object('recordType', 'KYC', 'recordId', application_id,
                                   'sha256', substring(note from '^sha256 ([0-9a-f]{64})$'))
    WHERE action = 'KYC_RECORD_ANCHORED' AND note ~ '^sha256 [0-9a-f]{64}$';

-- "<step>: <CODE> <detail>"
UPDATE kyc_events SET note = NULL,
        facts = jsonb_strip_nulls(jsonb_build_object(
            'step', substring(note from '^([A-Z_]+):'),
            'problemCode', substring(note from '^[A-Z_]+: ([A-Z_]+)'),
            'detail', substring(note from '^[A-Z_]+: [A-Z_]+ (.*)$')))
    WHERE action = 'ACTIVATION_FAILED' AND note ~ '^[A-Z_]+: [A-Z_]+';
