/** Payables: reads, registration, acceptance, settlement and CSV import jobs. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, newIdempotencyKey } from './client';
import { payableKeys, tokenKeys, type PayableFilter } from './keys';
import type { ImportJob, ImportRow, PayableDetail, RegisterPayableRequest, RegisteredPayable } from './types';

export type { PayableFilter } from './keys';

/** the API's largest page; the UI shows one page of the caller's payables */
const PAGE_SIZE = 200;

export function usePayables(f: PayableFilter = {}) {
  return useQuery({
    queryKey: payableKeys.list(f),
    queryFn: async () => {
      const page = await call(
        api.GET('/api/v1/payables', {
          params: {
            query: {
              status: f.status ? [f.status] : undefined,
              beneficiaryId: f.beneficiaryId || undefined,
              maturityFrom: f.maturityFrom,
              maturityTo: f.maturityTo,
              size: PAGE_SIZE,
            },
          },
        }),
      );
      return page.items ?? [];
    },
    placeholderData: keepPreviousData,
  });
}

/** A payable with the tokens of its tree the caller may see. */
export function usePayable(payableId: string) {
  return useQuery({
    queryKey: payableKeys.detail(payableId),
    queryFn: (): Promise<PayableDetail> => call(api.GET('/api/v1/payables/{payableId}', { params: { path: { payableId } } })),
  });
}

function registerPayable(body: RegisterPayableRequest, idempotencyKey: string): Promise<RegisteredPayable> {
  return call(api.POST('/api/v1/payables', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));
}

/** A write on a payable changes it and its tokens: both lists are read again. */
function useInvalidatePayablesAndTokens() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: payableKeys.all }), client.invalidateQueries({ queryKey: tokenKeys.all })]);
}

export function useRegisterPayable() {
  const invalidate = useInvalidatePayablesAndTokens();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RegisterPayableRequest; idempotencyKey: string }) => registerPayable(body, idempotencyKey),
    onSuccess: invalidate,
  });
}

/** The beneficiary accepts or rejects a payable offered to it. */
export function useDecidePayable(decision: 'accept' | 'reject') {
  const invalidate = useInvalidatePayablesAndTokens();
  return useMutation({
    mutationFn: ({ payableId, obligorId }: { payableId: string; obligorId: string }) => {
      const params = { path: { payableId }, query: { obligorId }, header: { 'Idempotency-Key': newIdempotencyKey(decision) } };
      const request =
        decision === 'accept' ? api.POST('/api/v1/payables/{payableId}/accept', { params }) : api.POST('/api/v1/payables/{payableId}/reject', { params });
      return call(request);
    },
    onSuccess: invalidate,
  });
}

export function useSettlePayable() {
  const invalidate = useInvalidatePayablesAndTokens();
  return useMutation({
    mutationFn: ({ payableId, paymentReference, idempotencyKey }: { payableId: string; paymentReference: string; idempotencyKey: string }) =>
      call(
        api.POST('/api/v1/payables/{payableId}/settle', {
          params: { path: { payableId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { paymentReference },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Starts a CSV import job (202 with the job); the same key returns the same job. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ csv, idempotencyKey }: { csv: string; idempotencyKey: string }) =>
      call(
        api.POST('/api/v1/payables/imports', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: csv,
          bodySerializer: (b: string) => b,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
  });
}

export interface ImportProgress {
  job: ImportJob;
  rows: ImportRow[];
}

const IMPORT_POLL_MS = 800;

/** The job and each row's outcome, read again every 800 ms until the job is done; then the payable lists are stale. */
export function useImportProgress(jobId: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: payableKeys.importJob(jobId ?? ''),
    enabled: !!jobId,
    queryFn: async (): Promise<ImportProgress> => {
      const job = await call(api.GET('/api/v1/payables/imports/{jobId}', { params: { path: { jobId: jobId! } } }));
      const rows = await call(api.GET('/api/v1/payables/imports/{jobId}/rows', { params: { path: { jobId: jobId! }, query: { size: 1000 } } }));
      if (importDone(job)) void client.invalidateQueries({ queryKey: payableKeys.lists() });
      return { job, rows: rows.items ?? [] };
    },
    refetchInterval: (query) => (query.state.data && importDone(query.state.data.job) ? false : IMPORT_POLL_MS),
  });
}

export function importDone(job: ImportJob): boolean {
  return job.status === 'COMPLETED' && (job.pending ?? 0) === 0;
}
