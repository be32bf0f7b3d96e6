/** Enterprises and their users (platform admin), and bringing an enterprise onto the ledger. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { enterpriseKeys } from './keys';
import type { Counterparty, CounterpartyRole, CreateEnterpriseRequest, CreateUserRequest } from './types';

const LIST_LIMIT = 500;
const DIRECTORY_PAGE = 20;

const directoryQuery = (role: CounterpartyRole | undefined, text: string) => ({
  queryKey: enterpriseKeys.directory(role, text),
  queryFn: () => call(api.GET('/api/v1/enterprises/directory', { params: { query: { role, q: text, limit: DIRECTORY_PAGE } } })),
  staleTime: 60_000,
});

/** Active counterparties of a role whose id or name contains the text (any business user). */
export function useDirectory(role: CounterpartyRole | undefined, text: string) {
  return useQuery({ ...directoryQuery(role, text), placeholderData: (previous) => previous });
}

/**
 * Finds one active counterparty by its id in the directory (for its legal name in a confirmation); undefined when
 * it is not there or the directory cannot be reached, as a confirmation still names the id then.
 */
export function useCounterpartyLookup(): (role: CounterpartyRole, id: string | undefined) => Promise<Counterparty | undefined> {
  const client = useQueryClient();
  return async (role, id) => {
    if (!id) return undefined;
    const page = await client.fetchQuery(directoryQuery(role, id)).catch(() => undefined);
    return page?.items?.find((c) => c.id === id);
  };
}

export function useEnterprises() {
  return useQuery({
    queryKey: enterpriseKeys.all,
    queryFn: () => call(api.GET('/api/v1/admin/enterprises', { params: { query: { limit: LIST_LIMIT } } })),
  });
}

export function useCreateEnterprise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEnterpriseRequest) => call(api.POST('/api/v1/admin/enterprises', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useCreateUser(enterpriseId: string | undefined) {
  return useMutation({
    mutationFn: (body: CreateUserRequest) =>
      call(api.POST('/api/v1/admin/enterprises/{enterpriseId}/users', { params: { path: { enterpriseId: enterpriseId! } }, body })),
  });
}

/**
 * Enroll the enterprise's identity at its organisation's CA, then admit it on the ledger: the first admin's call
 * proposes (the enterprise stays PENDING), a second admin's call confirms (ACTIVE).
 */
export function useOnboardEnterprise(enterpriseId: string, onStep: (step: 'enroll' | 'register' | 'proposed' | 'done') => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const path = { params: { path: { enterpriseId } } };
      onStep('enroll');
      await call(api.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', path));
      onStep('register');
      const registered = await call(api.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-registration', path));
      onStep(registered.status === 'ACTIVE' ? 'done' : 'proposed');
      return registered;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

/** Suspend an ACTIVE enterprise or reinstate a SUSPENDED one, on the ledger and on the platform. */
export function useEnterpriseSuspension(enterpriseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: 'suspend' | 'reinstate') => {
      const path = { params: { path: { enterpriseId } } };
      return call(change === 'suspend'
        ? api.POST('/api/v1/admin/enterprises/{enterpriseId}/suspension', path)
        : api.POST('/api/v1/admin/enterprises/{enterpriseId}/reinstatement', path));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}
