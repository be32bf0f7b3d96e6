/** Self-custody: who holds the caller's enterprise's keys, the caller's own certificates, and enrollment by CSR. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

export type CustodyView = components['schemas']['CustodyView'];
export type MyIdentity = components['schemas']['MyIdentity'];
export type SelfIdentityView = components['schemas']['SelfIdentityView'];

export const custodyKey = ['self-custody'] as const;

export function useCustody(enabled = true) {
  return useQuery({
    queryKey: custodyKey,
    queryFn: (): Promise<CustodyView> => call(api.GET('/api/v1/self-custody')),
    enabled,
    staleTime: 60_000,
  });
}

/** Sends a PEM certificate request: the CA issues the certificate, and the enterprise holds its own keys from then on. */
export function useEnrollKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csr: string): Promise<SelfIdentityView> =>
      call(api.POST('/api/v1/self-custody/certificate-requests', { body: { csr } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: custodyKey }),
  });
}
