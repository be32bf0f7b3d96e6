/**
 * Every status the UI shows, in the order it shows them. Where the API's document publishes an enum, the list is
 * checked against it both ways (`everyValueOf`): a status the backend adds, or drops, fails the type check rather
 * than reaching a screen that has no colour or label for it. Where the document publishes a plain string
 * (enterprises, the duplicate check, the applicant's KYC standing), the list is the backend's own, written here once.
 */
import type { components } from './schema';

type Schemas = components['schemas'];
type EnumOf<Field> = Exclude<Field, undefined>;

export type TokenStatus = EnumOf<Schemas['TokenView']['status']>;
export type PayableStatus = EnumOf<Schemas['PayableView']['status']>;
export type ImportJobStatus = EnumOf<Schemas['Job']['status']>;
export type ImportRowStatus = EnumOf<Schemas['Row']['status']>;
export type FinancingStatus = EnumOf<Schemas['FinancingSummary']['status']>;
export type KycStatus = EnumOf<Schemas['KycSummary']['status']>;
export type VerificationStatus = EnumOf<Schemas['RecordVerification']['status']>;

/**
 * The list as given, if it names each value of `Union` (and nothing else); otherwise a type error naming the
 * values it misses.
 */
function everyValueOf<Union extends string>() {
  return <const List extends readonly Union[]>(list: List & ([Union] extends [List[number]] ? unknown : { missing: Exclude<Union, List[number]> })): List =>
    list;
}

export const TOKEN_STATUSES = everyValueOf<TokenStatus>()(['PENDING_ACCEPTANCE', 'ACTIVE', 'FINANCING_PENDING', 'FINANCED', 'SETTLED', 'SPENT', 'REJECTED']);

export const PAYABLE_STATUSES = everyValueOf<PayableStatus>()(['PENDING_ACCEPTANCE', 'ACCEPTED', 'REJECTED', 'SETTLED']);

/** platform-api enterprises.status: PENDING until registered on the ledger */
export const ENTERPRISE_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED'] as const;

/** A CSV import job, and each of its rows. */
export const IMPORT_JOB_STATUSES = everyValueOf<ImportJobStatus>()(['QUEUED', 'RUNNING', 'COMPLETED']);
export const IMPORT_ROW_STATUSES = everyValueOf<ImportRowStatus>()(['PENDING', 'REGISTERED', 'ALREADY_REGISTERED', 'INVALID', 'FAILED']);

/** platform-api Underwriting.DuplicateCheck's result */
export const DUPLICATE_CHECK_RESULTS = ['CLEAR', 'POSSIBLE_DUPLICATE'] as const;

export const FINANCING_STATUSES = everyValueOf<FinancingStatus>()([
  'DRAFT',
  'SUBMITTED',
  'AWAITING_SECOND_APPROVAL',
  'APPROVING',
  'APPROVED',
  'DISBURSED',
  'REJECTED',
  'CANCELLED',
]);

/** Applications still waiting for a bank decision. */
export const OPEN_FINANCING: readonly FinancingStatus[] = ['SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVING'];

export const KYC_STATUSES = everyValueOf<KycStatus>()(['DRAFT', 'SUBMITTED', 'REVIEWED', 'MORE_INFO_REQUESTED', 'REJECTED', 'APPROVED']);

/** An applicant without a KYC application has the standing NONE (platform-api KycDirectory). */
export const KYC_STANDING_NONE = 'NONE';

export const VERIFICATION_STATUSES = everyValueOf<VerificationStatus>()(['VERIFIED', 'TAMPERED', 'SUPERSEDED', 'NOT_ANCHORED']);

export type KnownStatus =
  | TokenStatus
  | PayableStatus
  | (typeof ENTERPRISE_STATUSES)[number]
  | ImportJobStatus
  | ImportRowStatus
  | (typeof DUPLICATE_CHECK_RESULTS)[number]
  | FinancingStatus
  | KycStatus
  | typeof KYC_STANDING_NONE
  | VerificationStatus;

/** A token status as the API spells it where its document says only "string" (an underwriting's lineage). */
export function asTokenStatus(status: string | undefined): TokenStatus | undefined {
  return TOKEN_STATUSES.find((known) => known === status);
}
