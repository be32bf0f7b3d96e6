/**
 * Every status the UI shows. Where the API's document publishes an enum, the list is checked against it
 * (`satisfies`); where it publishes a plain string (tokens, payables, enterprises, import jobs and rows, the
 * duplicate check, the applicant's KYC standing), the list is the backend's own enum, written here once.
 */
import type { FinancingStatus, KycStatus, Verification } from './types';

/** chaincode token/TokenStatus */
export const TOKEN_STATUSES = ['PENDING_ACCEPTANCE', 'ACTIVE', 'FINANCING_PENDING', 'FINANCED', 'SETTLED', 'SPENT', 'REJECTED'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** chaincode payable/PayableStatus */
export const PAYABLE_STATUSES = ['PENDING_ACCEPTANCE', 'ACCEPTED', 'REJECTED', 'SETTLED'] as const;
export type PayableStatus = (typeof PAYABLE_STATUSES)[number];

/** platform-api enterprises.status: PENDING until registered on the ledger */
export const ENTERPRISE_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED'] as const;

/** platform-api PayableImports: a job and each of its rows */
export const IMPORT_JOB_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED'] as const;
export const IMPORT_ROW_STATUSES = ['PENDING', 'REGISTERED', 'ALREADY_REGISTERED', 'INVALID', 'FAILED'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** platform-api FinancingService's duplicate-invoice check */
export const DUPLICATE_CHECK_RESULTS = ['CLEAR', 'POSSIBLE_DUPLICATE'] as const;

export const FINANCING_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'AWAITING_SECOND_APPROVAL',
  'APPROVING',
  'APPROVED',
  'DISBURSED',
  'REJECTED',
  'CANCELLED',
] as const satisfies readonly FinancingStatus[];

/** Applications still waiting for a bank decision. */
export const OPEN_FINANCING: readonly FinancingStatus[] = ['SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVING'];

export const KYC_STATUSES = ['DRAFT', 'SUBMITTED', 'REVIEWED', 'MORE_INFO_REQUESTED', 'REJECTED', 'APPROVED'] as const satisfies readonly KycStatus[];

/** An applicant without a KYC application has the standing NONE (platform-api KycDirectory). */
export const KYC_STANDING_NONE = 'NONE';

export const VERIFICATION_STATUSES = ['VERIFIED', 'TAMPERED', 'NOT_ANCHORED'] as const satisfies readonly NonNullable<Verification['status']>[];

export type KnownStatus =
  | TokenStatus
  | PayableStatus
  | (typeof ENTERPRISE_STATUSES)[number]
  | (typeof IMPORT_JOB_STATUSES)[number]
  | ImportRowStatus
  | (typeof DUPLICATE_CHECK_RESULTS)[number]
  | (typeof FINANCING_STATUSES)[number]
  | (typeof KYC_STATUSES)[number]
  | typeof KYC_STANDING_NONE
  | (typeof VERIFICATION_STATUSES)[number];
