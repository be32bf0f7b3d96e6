import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../test/fakeApi';
import { withQueries } from '../../../test/render';
import { useCounterpartyLookup } from '../enterprises';
import { useDecidePayable } from '../payables';
import { useTokens } from '../tokens';

const token = { tokenId: 'tok-123', payableId: 'PO-9', obligorId: 'CORE-A', holderId: 'TIER1-A', amountMinor: 150_000, currency: 'CNY', maturityDate: '2031-01-15', status: 'PENDING_ACCEPTANCE' };

describe('writes invalidate what they change', () => {
  it('reads the tokens again after a payable is accepted', async () => {
    const api = fakeApi((method, url) => {
      if (method === 'GET' && url.pathname === '/api/v1/tokens') return { items: [token] };
      return { transactionId: 'tx-1', blockNumber: 7, tokens: [{ ...token, status: 'ACTIVE' }] };
    });
    const { wrapper } = withQueries();
    const { result } = renderHook(() => ({ tokens: useTokens(), accept: useDecidePayable('accept') }), { wrapper });
    await waitFor(() => expect(result.current.tokens.data).toHaveLength(1));
    result.current.accept.mutate({ payableId: 'PO-9', obligorId: 'CORE-A' });
    await waitFor(() => expect(result.current.accept.isSuccess).toBe(true));
    await waitFor(() => expect(api.calls.filter((c) => c.startsWith('GET /api/v1/tokens'))).toHaveLength(2));
    expect(api.calls).toContain('POST /api/v1/payables/PO-9/accept?obligorId=CORE-A');
  });
});

describe('the counterparty lookup for a confirmation', () => {
  it('finds the enterprise of exactly that id among those whose id contains it, once per id', async () => {
    const api = fakeApi(() => ({ items: [{ id: 'CORE-AB', name: 'Other Group', role: 'CORE' }, { id: 'CORE-A', name: '东方制造集团', role: 'CORE' }], more: false }));
    const { wrapper } = withQueries();
    const { result } = renderHook(() => useCounterpartyLookup(), { wrapper });
    expect(await result.current('CORE', 'CORE-A')).toEqual({ id: 'CORE-A', name: '东方制造集团', role: 'CORE' });
    expect(await result.current('CORE', 'CORE-A')).toMatchObject({ name: '东方制造集团' });
    expect(api.calls).toEqual(['GET /api/v1/enterprises/directory?role=CORE&q=CORE-A&limit=20']);
    expect(await result.current('CORE', 'CORE-Z')).toBeUndefined();
    expect(await result.current('CORE', undefined)).toBeUndefined();
  });

  it('answers nothing, and throws nothing, when the directory cannot be reached', async () => {
    fakeApi(() => {
      throw new TypeError('Failed to fetch');
    });
    const { wrapper } = withQueries();
    const { result } = renderHook(() => useCounterpartyLookup(), { wrapper });
    expect(await result.current('SUPPLIER', 'TIER1-A')).toBeUndefined();
  });
});
