/**
 * Endpoints the UI is built against that the API does not publish yet (they are not in
 * openapi/api-docs.json): issue 4's CSV import jobs and issue 5 (financing, KYC, limits). Their shapes follow the issues and the chaincode's
 * records. A page calling one of them before it exists gets a 404 "No static resource" and shows
 * "not available yet". When an endpoint lands, `npm run gen:api` brings its real type into schema.d.ts
 * and its entry here should go.
 */
import type {
  FinancingApplication,
  ImportJob,
  ImportRowResult,
  KycApplication,
  ObligorExposure,
  Page,
  PricingPreview,
} from './models';

type Json<T> = { content: { 'application/json': T } };
type Ok<T> = { 200: { headers: Record<string, unknown> } & Json<T> };
type Created<T> = { 201: { headers: Record<string, unknown> } & Json<T>; 200: { headers: Record<string, unknown> } & Json<T> };
type Params<Q = never, P = never, H = never> = ([P] extends [never] ? { path?: never } : { path: P }) &
  ([H] extends [never] ? { header?: never } : { header: H }) &
  ([Q] extends [never] ? { query?: never } : { query?: Q }) & { cookie?: never };
type Get<R, Q = never, P = never> = { parameters: Params<Q, P>; requestBody?: never; responses: Ok<R> };
type Post<B, R, P = never, H = never> = {
  parameters: Params<never, P, H>;
  requestBody: Json<B>;
  responses: Created<R>;
};
type Path<Ops> = { parameters: { query?: never; header?: never; path?: never; cookie?: never } } & Ops;

type ListQuery = { status?: string; obligorId?: string; beneficiaryId?: string; maturityFrom?: string; maturityTo?: string; sort?: string; limit?: number; offset?: number };

export interface PendingPaths {
  // issue 4: bulk import (being built)
  '/api/v1/payables/imports': Path<{ post: Post<string, ImportJob, never, { 'Idempotency-Key'?: string }> }>;
  '/api/v1/payables/imports/{jobId}': Path<{ get: Get<ImportJob, never, { jobId: string }> }>;
  '/api/v1/payables/imports/{jobId}/rows': Path<{ get: Get<Page<ImportRowResult>, { status?: string; page?: number; size?: number }, { jobId: string }> }>;
  // issue 5: financing, limits, KYC
  '/api/v1/financing/applications': Path<{
    get: Get<FinancingApplication[] | Page<FinancingApplication>, ListQuery>;
    post: Post<FormData, FinancingApplication, never, { 'Idempotency-Key': string }>;
  }>;
  '/api/v1/financing/applications/{applicationId}': Path<{ get: Get<FinancingApplication, never, { applicationId: string }> }>;
  '/api/v1/financing/applications/{applicationId}/approve': Path<{
    post: Post<{ annualRateBps: number; disbursementReference?: string }, FinancingApplication, { applicationId: string }, { 'Idempotency-Key': string }>;
  }>;
  '/api/v1/financing/applications/{applicationId}/reject': Path<{
    post: Post<{ reason: string }, FinancingApplication, { applicationId: string }, { 'Idempotency-Key': string }>;
  }>;
  '/api/v1/financing/pricing': Path<{ get: Get<PricingPreview, { tokenId: string; bankId: string; annualRateBps?: number }> }>;
  '/api/v1/bank/limits': Path<{ get: Get<ObligorExposure[]> }>;
  '/api/v1/admin/kyc/applications': Path<{ get: Get<KycApplication[] | Page<KycApplication>, ListQuery> }>;
  '/api/v1/admin/kyc/applications/{applicationId}/{decision}': Path<{
    post: Post<{ reason?: string }, KycApplication, { applicationId: string; decision: 'review' | 'approve' | 'reject' | 'request-documents' }>;
  }>;
}
