/**
 * Cache keys, by resource. A write invalidates the roots of what it changed (a split changes tokens and the
 * payable's tree; a financing decision changes the application, the token and the bank's limits).
 */
import type { PayableStatus, TokenStatus } from './statuses';

export interface PayableFilter {
  status?: PayableStatus;
  beneficiaryId?: string;
  maturityFrom?: string;
  maturityTo?: string;
}

export interface TokenFilter {
  status?: TokenStatus;
  obligorId?: string;
  maturityFrom?: string;
  maturityTo?: string;
}

export const payableKeys = {
  all: ['payables'] as const,
  lists: () => [...payableKeys.all, 'list'] as const,
  list: (f: PayableFilter) => [...payableKeys.lists(), f] as const,
  detail: (payableId: string) => [...payableKeys.all, 'detail', payableId] as const,
  importJob: (jobId: string) => [...payableKeys.all, 'import', jobId] as const,
};

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (f: TokenFilter) => [...tokenKeys.all, 'list', f] as const,
  detail: (tokenId: string) => [...tokenKeys.all, 'detail', tokenId] as const,
  history: (tokenId: string) => [...tokenKeys.all, 'history', tokenId] as const,
};

export const financingKeys = {
  all: ['financing'] as const,
  list: (status?: readonly string[]) => [...financingKeys.all, 'list', status ?? 'all'] as const,
  queue: () => [...financingKeys.all, 'queue'] as const,
  detail: (id: string) => [...financingKeys.all, 'detail', id] as const,
  underwriting: (id: string, annualRateBps?: number) => [...financingKeys.all, 'underwriting', id, annualRateBps ?? null] as const,
  pricing: (faceAmountMinor: number, annualRateBps: number, maturityDate: string) =>
    [...financingKeys.all, 'pricing', faceAmountMinor, annualRateBps, maturityDate] as const,
  creditLimits: () => [...financingKeys.all, 'credit-limits'] as const,
};

export const verificationKeys = {
  record: (type: string, id: string) => ['verify', type, id] as const,
  anchors: (recordType: string, page: number) => ['verify', 'anchors', recordType, page] as const,
};

export const kycKeys = {
  all: ['kyc'] as const,
  list: (status: string) => [...kycKeys.all, 'list', status] as const,
  detail: (id: string) => [...kycKeys.all, 'detail', id] as const,
};

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  directory: (role: string | undefined, text: string) => [...enterpriseKeys.all, 'directory', role ?? 'any', text] as const,
};

export const settingsKeys = {
  all: ['ledger-settings'] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  page: (page: number, size: number) => [...notificationKeys.all, 'page', page, size] as const,
};
