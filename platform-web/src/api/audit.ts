/** The audit log and its chain verification, the ledger's anchors, and the verification of an anchored record. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { verificationKeys } from './keys';
import type { AuditEntry } from './types';

const PAGE = 50;

/** What the audit log is narrowed to; an empty field narrows nothing. from/to are ISO instants, to exclusive. */
export interface AuditFilter {
  enterpriseId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  entries: (f: AuditFilter) => [...auditKeys.all, 'entries', f] as const,
  chain: () => [...auditKeys.all, 'chain'] as const,
};

/** Audit entries, newest first; each next page holds the entries before the last one shown. */
export function useAuditEntries(f: AuditFilter = {}) {
  return useInfiniteQuery({
    queryKey: auditKeys.entries(f),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/audit/entries', {
        params: {
          query: {
            beforeSeq: pageParam,
            enterpriseId: f.enterpriseId || undefined,
            actor: f.actor || undefined,
            action: f.action || undefined,
            from: f.from || undefined,
            to: f.to || undefined,
            limit: PAGE,
          },
        },
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

/** The records anchored on the ledger, newest first, a page at a time. */
export function useAnchors(recordType: string, page: number, size = 20) {
  return useQuery({
    queryKey: verificationKeys.anchors(recordType, page),
    queryFn: () => call(api.GET('/api/v1/verify/anchors', { params: { query: { recordType: recordType || undefined, page, size } } })),
    placeholderData: keepPreviousData,
  });
}
