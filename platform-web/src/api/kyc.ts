/** The platform's KYC review queue, maker-checker. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { enterpriseKeys, kycKeys } from './keys';
import type { KycStatus } from './statuses';
import type { KycView } from './types';

const LIST_LIMIT = 500;

export function useKycApplications(status: KycStatus) {
  return useQuery({
    queryKey: kycKeys.list(status),
    queryFn: () => call(api.GET('/api/v1/admin/kyc/applications', { params: { query: { status: [status], limit: LIST_LIMIT } } })),
  });
}

export function useKycApplication(id: string | undefined) {
  return useQuery({
    queryKey: kycKeys.detail(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/admin/kyc/applications/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export type KycAction = 'review' | 'approve' | 'reject' | 'request-documents' | 'activation';

function send(id: string, action: KycAction, reason: string): Promise<KycView> {
  const path = { path: { id } };
  switch (action) {
    case 'review':
      return call(api.POST('/api/v1/admin/kyc/applications/{id}/review', { params: path, body: {} }));
    case 'approve':
      return call(api.POST('/api/v1/admin/kyc/applications/{id}/approve', { params: path, body: {} }));
    case 'reject':
      return call(api.POST('/api/v1/admin/kyc/applications/{id}/reject', { params: path, body: { reason } }));
    case 'request-documents':
      return call(api.POST('/api/v1/admin/kyc/applications/{id}/request-documents', { params: path, body: { reason } }));
    case 'activation':
      return call(api.POST('/api/v1/admin/kyc/applications/{id}/activation', { params: path }));
  }
}

/** One step of the review; an approval also registers the enterprise, so the enterprise list is stale too. */
export function useKycAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason = '' }: { id: string; action: KycAction; reason?: string }) => send(id, action, reason),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: kycKeys.all }), client.invalidateQueries({ queryKey: enterpriseKeys.all })]),
  });
}
