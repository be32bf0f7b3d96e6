/** Financing applications (supplier and bank), pricing, credit limits and the ledger-anchor check. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { financingKeys, payableKeys, tokenKeys, verificationKeys } from './keys';
import type { FinancingStatus } from './statuses';
import type { Exposure, FinancingView } from './types';

export type FinancingDocumentKind = 'INVOICE' | 'CONTRACT';

/** the most applications one list shows */
const LIST_LIMIT = 500;

export function useApplications(status?: readonly FinancingStatus[]) {
  return useQuery({
    queryKey: financingKeys.list(status),
    queryFn: () =>
      call(api.GET('/api/v1/financing/applications', { params: { query: { status: status ? [...status] : undefined, limit: LIST_LIMIT } } })),
  });
}

/** The bank's underwriting queue: applications waiting for its decision. */
export function useBankQueue() {
  return useQuery({
    queryKey: financingKeys.queue(),
    queryFn: () => call(api.GET('/api/v1/financing/queue')),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: financingKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/financing/applications/{id}', { params: { path: { id } } })),
  });
}

/** Everything the bank weighs, priced at the rate typed (the proposed one when none). */
export function useUnderwriting(id: string, annualRateBps?: number) {
  return useQuery({
    queryKey: financingKeys.underwriting(id, annualRateBps),
    queryFn: () => call(api.GET('/api/v1/financing/applications/{id}/underwriting', { params: { path: { id }, query: { annualRateBps } } })),
    placeholderData: keepPreviousData,
  });
}

/** The API's ACT/360 quote; asked only once a token and a rate are chosen. */
export function usePricingPreview(quote: { faceAmountMinor: number; annualRateBps: number; maturityDate: string } | undefined) {
  return useQuery({
    queryKey: quote ? financingKeys.pricing(quote.faceAmountMinor, quote.annualRateBps, quote.maturityDate) : financingKeys.pricing(0, 0, ''),
    queryFn: () => call(api.GET('/api/v1/financing/pricing', { params: { query: quote! } })),
    enabled: !!quote,
    placeholderData: keepPreviousData,
  });
}

export function useCreditLimits() {
  return useQuery({ queryKey: financingKeys.creditLimits(), queryFn: () => call(api.GET('/api/v1/financing/credit-limits')) });
}

/** Whether the record's hash still matches the one anchored on the ledger. */
export function useVerification(type: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: verificationKeys.record(type, id),
    queryFn: () => call(api.GET('/api/v1/verify/{type}/{id}', { params: { path: { type, id } } })),
    enabled,
  });
}

/** A decision moves the token (locked, financed, released) and the bank's limits: all of financing and tokens are stale. */
function useFinancingWrite<A>(write: (args: A) => Promise<FinancingView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: financingKeys.all }),
        client.invalidateQueries({ queryKey: tokenKeys.all }),
        client.invalidateQueries({ queryKey: payableKeys.all }),
        client.invalidateQueries({ queryKey: ['verify'] }),
      ]),
  });
}

export function draftApplication(body: { tokenId: string; bankId: string; invoiceNumbers: string[] }): Promise<FinancingView> {
  return call(api.POST('/api/v1/financing/applications', { body }));
}

/** A stored document of an application, as its bytes (the applicant's and the bank's users may read it). */
export function fetchFinancingDocument(id: string, documentId: string): Promise<Blob> {
  return call(
    api.GET('/api/v1/financing/applications/{id}/documents/{documentId}', {
      params: { path: { id, documentId } },
      parseAs: 'blob',
    }),
  ) as Promise<Blob>;
}

export function uploadFinancingDocument(id: string, kind: FinancingDocumentKind, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(
    api.POST('/api/v1/financing/applications/{id}/documents', {
      params: { path: { id }, query: { kind } },
      // multipart: the generated body type describes the part, the browser builds the form
      body: form as unknown as { file: string },
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

export const useSubmitApplication = () =>
  useFinancingWrite((id: string) => call(api.POST('/api/v1/financing/applications/{id}/submit', { params: { path: { id } } })));
export const useCancelApplication = () =>
  useFinancingWrite((id: string) => call(api.POST('/api/v1/financing/applications/{id}/cancel', { params: { path: { id } } })));
export const useApproveApplication = () =>
  useFinancingWrite(({ id, annualRateBps }: { id: string; annualRateBps: number }) =>
    call(api.POST('/api/v1/financing/applications/{id}/approve', { params: { path: { id } }, body: { annualRateBps } })),
  );
export const useRejectApplication = () =>
  useFinancingWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/financing/applications/{id}/reject', { params: { path: { id } }, body: { reason } })),
  );
export const useRecordDisbursement = () =>
  useFinancingWrite(({ id, reference }: { id: string; reference: string }) =>
    call(api.POST('/api/v1/financing/applications/{id}/disbursement', { params: { path: { id } }, body: { reference } })),
  );

export function useSetCreditLimit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ obligorId, currency, limitMinor }: { obligorId: string; currency: string; limitMinor: number }): Promise<Exposure> =>
      call(api.PUT('/api/v1/financing/credit-limits/{obligorId}', { params: { path: { obligorId } }, body: { currency, limitMinor } })),
    onSuccess: () => client.invalidateQueries({ queryKey: financingKeys.all }),
  });
}
