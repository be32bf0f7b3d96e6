/** The audit log and its chain verification, and the verification of an anchored record (auditors, platform admins). */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { AuditEntry } from './types';

const PAGE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  entries: (enterpriseId: string) => [...auditKeys.all, 'entries', enterpriseId] as const,
  chain: () => [...auditKeys.all, 'chain'] as const,
};

/** Audit entries, newest first; each next page holds the entries before the last one shown. */
export function useAuditEntries(enterpriseId: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.entries(enterpriseId),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/audit/entries', {
        params: { query: { beforeSeq: pageParam, enterpriseId: enterpriseId || undefined, limit: PAGE } },
      })),
    getNextPageParam: (last: AuditEntry[]) => (last.length < PAGE ? undefined : last[last.length - 1]?.seq),
  });
}

/** Recomputes the whole hash chain when asked (it reads every entry), not on every visit. */
export function useChainVerification(enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.chain(),
    queryFn: () => call(api.GET('/api/v1/audit/verification')),
    enabled,
    staleTime: 0,
  });
}
