/** Every call the UI makes, in one place, through the typed OpenAPI client. */
import { api, call, newIdempotencyKey } from './client';
import {
  itemsOf,
  normalizeToken,
  type Enterprise,
  type FinancingStatus,
  type FinancingSummary,
  type ImportJob,
  type ImportRowResult,
  type KycSummary,
  type PayableView,
  type RegisterPayableRequest,
  type TokenView,
} from './models';

export interface ListFilter {
  status?: string;
  obligorId?: string;
  beneficiaryId?: string;
  maturityFrom?: string;
  maturityTo?: string;
  limit?: number;
  offset?: number;
}

function clean<T extends object>(q: T): T {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;
}

// ---- published today -------------------------------------------------------------------------------------

export const registerPayable = (body: RegisterPayableRequest, idempotencyKey: string) =>
  call(api.POST('/api/v1/payables', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })) as Promise<
    PayableView & { transactionId?: string; blockNumber?: number }
  >;

export const listEnterprises = () => call(api.GET('/api/v1/admin/enterprises', { params: { query: { limit: 500 } } })) as Promise<Enterprise[]>;
export const createEnterprise = (body: { id: string; name: string; role: 'CORE' | 'SUPPLIER' | 'BANK' | 'PLATFORM'; kycHash?: string }) =>
  call(api.POST('/api/v1/admin/enterprises', { body }));
export const createUser = (enterpriseId: string, body: { username: string; password: string; role: 'PLATFORM_ADMIN' | 'CORE' | 'SUPPLIER' | 'BANK' | 'AUDITOR' }) =>
  call(api.POST('/api/v1/admin/enterprises/{enterpriseId}/users', { params: { path: { enterpriseId } }, body }));
export const enrollIdentity = (enterpriseId: string) =>
  call(api.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', { params: { path: { enterpriseId } } }));
export const getIdentity = (enterpriseId: string) =>
  call(api.GET('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', { params: { path: { enterpriseId } } }));
export const registerOnLedger = (enterpriseId: string) =>
  call(api.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-registration', { params: { path: { enterpriseId } } }));

// ---- issue 4: payables and tokens ------------------------------------------------------------------------

/** What a write on a payable answers (accept, reject, settle): the transaction and the records as they now are. */
export interface Changed {
  transactionId?: string;
  blockNumber?: number;
  payable?: PayableView;
  tokens?: TokenView[];
}

const PAGE = 200;

export const listPayables = async (f: ListFilter = {}) =>
  itemsOf<PayableView>(
    (await call(
      api.GET('/api/v1/payables', {
        params: { query: clean({ status: f.status ? [f.status] : undefined, beneficiaryId: f.beneficiaryId, obligorId: f.obligorId, maturityFrom: f.maturityFrom, maturityTo: f.maturityTo, size: PAGE }) },
      }),
    )) as never,
  );

/** A payable with its tokens (all of them for its obligor; the ones the caller may see otherwise). */
export const getPayable = async (payableId: string, obligorId?: string): Promise<PayableView> => {
  const d = (await call(api.GET('/api/v1/payables/{payableId}', { params: { path: { payableId }, query: clean({ obligorId }) } }))) as {
    payable: PayableView;
    tokens?: TokenView[];
  };
  return { ...d.payable, tokens: (d.tokens ?? []).map(normalizeToken) };
};

export const acceptPayable = (payableId: string, obligorId: string, key = newIdempotencyKey('accept')) =>
  call(api.POST('/api/v1/payables/{payableId}/accept', { params: { path: { payableId }, query: { obligorId }, header: { 'Idempotency-Key': key } } })) as Promise<Changed>;
export const rejectPayable = (payableId: string, obligorId: string, key = newIdempotencyKey('reject')) =>
  call(api.POST('/api/v1/payables/{payableId}/reject', { params: { path: { payableId }, query: { obligorId }, header: { 'Idempotency-Key': key } } })) as Promise<Changed>;
export const settlePayable = (payableId: string, paymentReference: string, key = newIdempotencyKey('settle')) =>
  call(api.POST('/api/v1/payables/{payableId}/settle', { params: { path: { payableId }, header: { 'Idempotency-Key': key } }, body: { paymentReference } })) as Promise<Changed>;

export const startImport = (csv: string, key: string) =>
  call(
    api.POST('/api/v1/payables/imports', {
      params: { header: { 'Idempotency-Key': key } },
      body: csv,
      bodySerializer: (b: string) => b,
      headers: { 'Content-Type': 'text/csv' },
    }),
  ) as Promise<ImportJob>;
export const getImport = async (jobId: string) => (await call(api.GET('/api/v1/payables/imports/{jobId}', { params: { path: { jobId } } }))) as ImportJob;
export const getImportRows = async (jobId: string) =>
  itemsOf<ImportRowResult>((await call(api.GET('/api/v1/payables/imports/{jobId}/rows', { params: { path: { jobId }, query: { size: 1000 } } }))) as never);

export const listTokens = async (f: ListFilter = {}) =>
  itemsOf<TokenView>(
    (await call(
      api.GET('/api/v1/tokens', {
        params: { query: clean({ status: f.status ? [f.status] : undefined, obligorId: f.obligorId, maturityFrom: f.maturityFrom, maturityTo: f.maturityTo, size: PAGE }) },
      }),
    )) as never,
  ).map(normalizeToken);

/** A token and its lineage (the token, its parent, … back to the payable's root token). */
export const getToken = async (tokenId: string): Promise<{ token: TokenView; lineage: TokenView[] }> => {
  const r = (await call(api.GET('/api/v1/tokens/{tokenId}', { params: { path: { tokenId } } }))) as { token: TokenView; lineage?: TokenView[] };
  return { token: normalizeToken(r.token), lineage: (r.lineage ?? []).map(normalizeToken) };
};

export interface SplitResult {
  tokenId?: string;
  transactionId?: string;
  blockNumber?: number;
  spent?: TokenView;
  created?: TokenView[];
}

export const splitToken = async (tokenId: string, outputs: { recipient: string; amountMinor: number }[], key: string): Promise<SplitResult> => {
  const r = (await call(
    api.POST('/api/v1/tokens/{tokenId}/split', { params: { path: { tokenId }, header: { 'Idempotency-Key': key } }, body: { outputs } }),
  )) as SplitResult;
  return { ...r, created: r.created?.map(normalizeToken) };
};

// ---- issue 5: financing, credit limits, KYC, verification ---------------------------------------------

type FinancingDocumentKind = 'INVOICE' | 'CONTRACT';

export const listApplications = async (status?: FinancingStatus[]) =>
  (await call(api.GET('/api/v1/financing/applications', { params: { query: clean({ status, limit: 500 }) } }))) as unknown as FinancingSummary[];
export const bankQueue = async () => (await call(api.GET('/api/v1/financing/queue'))) as unknown as FinancingSummary[];
export const getApplication = (id: string) => call(api.GET('/api/v1/financing/applications/{id}', { params: { path: { id } } }));
export const getUnderwriting = (id: string, annualRateBps?: number) =>
  call(api.GET('/api/v1/financing/applications/{id}/underwriting', { params: { path: { id }, query: clean({ annualRateBps }) } }));
export const draftApplication = (body: { tokenId: string; bankId: string; invoiceNumbers: string[] }) =>
  call(api.POST('/api/v1/financing/applications', { body }));
export const uploadFinancingDocument = (id: string, kind: FinancingDocumentKind, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(
    api.POST('/api/v1/financing/applications/{id}/documents', {
      params: { path: { id }, query: { kind } },
      body: form as unknown as { file: string },
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
};
export const submitApplication = (id: string) => call(api.POST('/api/v1/financing/applications/{id}/submit', { params: { path: { id } } }));
export const cancelApplication = (id: string) => call(api.POST('/api/v1/financing/applications/{id}/cancel', { params: { path: { id } } }));
export const approveApplication = (id: string, annualRateBps: number) =>
  call(api.POST('/api/v1/financing/applications/{id}/approve', { params: { path: { id } }, body: { annualRateBps } }));
export const rejectApplication = (id: string, reason: string) =>
  call(api.POST('/api/v1/financing/applications/{id}/reject', { params: { path: { id } }, body: { reason } }));
export const recordDisbursement = (id: string, reference: string) =>
  call(api.POST('/api/v1/financing/applications/{id}/disbursement', { params: { path: { id } }, body: { reference } }));
export const pricingPreview = (faceAmountMinor: number, annualRateBps: number, maturityDate: string) =>
  call(api.GET('/api/v1/financing/pricing', { params: { query: { faceAmountMinor, annualRateBps, maturityDate } } }));
export const creditLimits = () => call(api.GET('/api/v1/financing/credit-limits'));
export const setCreditLimit = (obligorId: string, currency: string, limitMinor: number) =>
  call(api.PUT('/api/v1/financing/credit-limits/{obligorId}', { params: { path: { obligorId } }, body: { currency, limitMinor } }));
export const verifyRecord = (type: string, id: string) => call(api.GET('/api/v1/verify/{type}/{id}', { params: { path: { type, id } } }));

export const listKyc = async (status?: NonNullable<KycSummary['status']>[]) =>
  call(api.GET('/api/v1/admin/kyc/applications', { params: { query: clean({ status, limit: 500 }) } }));
export const getKyc = (id: string) => call(api.GET('/api/v1/admin/kyc/applications/{id}', { params: { path: { id } } }));
export const reviewKyc = (id: string, note?: string) => call(api.POST('/api/v1/admin/kyc/applications/{id}/review', { params: { path: { id } }, body: { note } }));
export const approveKyc = (id: string, note?: string) => call(api.POST('/api/v1/admin/kyc/applications/{id}/approve', { params: { path: { id } }, body: { note } }));
export const rejectKyc = (id: string, reason: string) => call(api.POST('/api/v1/admin/kyc/applications/{id}/reject', { params: { path: { id } }, body: { reason } }));
export const requestKycDocuments = (id: string, reason: string) =>
  call(api.POST('/api/v1/admin/kyc/applications/{id}/request-documents', { params: { path: { id } }, body: { reason } }));
export const resumeKycActivation = (id: string) => call(api.POST('/api/v1/admin/kyc/applications/{id}/activation', { params: { path: { id } } }));
