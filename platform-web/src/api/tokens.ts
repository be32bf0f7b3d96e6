/** Receivable tokens: lists, a token with its lineage, split and transfer. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { payableKeys, tokenKeys, type TokenFilter } from './keys';
import type { SplitOutput, TokenHistoryEntry, TokenWithLineage } from './types';

export type { TokenFilter } from './keys';

/** the API's largest page */
const PAGE_SIZE = 200;

export function useTokens(f: TokenFilter = {}) {
  return useQuery({
    queryKey: tokenKeys.list(f),
    queryFn: async () => {
      const page = await call(
        api.GET('/api/v1/tokens', {
          params: {
            query: { status: f.status ? [f.status] : undefined, obligorId: f.obligorId || undefined, maturityFrom: f.maturityFrom, maturityTo: f.maturityTo, size: PAGE_SIZE },
          },
        }),
      );
      return page.items ?? [];
    },
    placeholderData: keepPreviousData,
  });
}

/** A token and its lineage (the token, its parent, … back to the payable's root token). */
export function useToken(tokenId: string) {
  return useQuery({
    queryKey: tokenKeys.detail(tokenId),
    queryFn: (): Promise<TokenWithLineage> => call(api.GET('/api/v1/tokens/{tokenId}', { params: { path: { tokenId } } })),
  });
}

/** Every version of a token on the ledger, newest first, each with its transaction and signer. */
export function useTokenHistory(tokenId: string) {
  return useQuery({
    queryKey: tokenKeys.history(tokenId),
    queryFn: (): Promise<TokenHistoryEntry[]> =>
      call(api.GET('/api/v1/tokens/{tokenId}/history', { params: { path: { tokenId } } })),
    enabled: !!tokenId,
  });
}

export function useSplitToken(tokenId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ outputs, idempotencyKey }: { outputs: SplitOutput[]; idempotencyKey: string }) =>
      call(
        api.POST('/api/v1/tokens/{tokenId}/split', { params: { path: { tokenId }, header: { 'Idempotency-Key': idempotencyKey } }, body: { outputs } }),
      ),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: tokenKeys.all }), client.invalidateQueries({ queryKey: payableKeys.all })]),
  });
}
