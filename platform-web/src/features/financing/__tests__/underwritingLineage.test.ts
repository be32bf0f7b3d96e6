import { describe, expect, it } from 'vitest';
import type { FinancingView } from '../../../api/types';
import { buildLineageTree, pathTo } from '../../../lib/lineage';
import { underwritingLineage } from '../underwritingLineage';

describe('underwritingLineage', () => {
  it('turns the steps into tokens the lineage tree hangs from the payable down to the financed token', () => {
    const application = { id: 'FIN-1', token: { tokenId: 'c', obligorId: 'CORE-A', payableId: 'PO-1', currency: 'CNY', maturityDate: '2031-01-01', faceAmountMinor: 300 } };
    const underwriting = {
      lineage: [
        { tokenId: 'a', holderId: 'T1', amountMinor: 1000, tier: 0, status: 'SPENT' },
        { tokenId: 'b', parentId: 'a', holderId: 'T2', amountMinor: 600, tier: 1, status: 'SPENT' },
        { tokenId: 'c', parentId: 'b', holderId: 'T3', amountMinor: 300, tier: 2, status: 'FINANCING_PENDING' },
      ],
    };
    const tokens = underwritingLineage(underwriting, application);
    expect(tokens.map((x) => [x.tokenId, x.parentId, x.payableId, x.currency])).toEqual([
      ['a', undefined, 'PO-1', 'CNY'],
      ['b', 'a', 'PO-1', 'CNY'],
      ['c', 'b', 'PO-1', 'CNY'],
    ]);
    expect(pathTo(buildLineageTree(tokens, { payableId: 'PO-1' }, 'c'), 'c')).toEqual(['a', 'b', 'c']);
  });

  it('keeps the token status of each step, and leaves out one the schema does not know', () => {
    const underwriting = {
      lineage: [
        { tokenId: 'a', status: 'SPENT' },
        { tokenId: 'b', parentId: 'a', status: 'FINANCING_PENDING' },
        { tokenId: 'c', parentId: 'b', status: 'MELTED' },
      ],
    };
    expect(underwritingLineage(underwriting, { id: 'FIN-1' }).map((x) => x.status)).toEqual(['SPENT', 'FINANCING_PENDING', undefined]);
  });

  it('shows the financed token as the application left it, not as it was when submitted', () => {
    const underwriting = {
      lineage: [
        { tokenId: 'a', holderId: 'T1', status: 'SPENT' },
        { tokenId: 'c', parentId: 'a', holderId: 'T3', status: 'FINANCING_PENDING' },
      ],
    };
    const app = (status: FinancingView['status']): FinancingView => ({
      id: 'FIN-1', status, bankId: 'BANK-A', submittedAt: '2026-12-01T00:00:00Z', token: { tokenId: 'c' },
    });
    const now = (status: FinancingView['status']) => underwritingLineage(underwriting, app(status)).map((x) => [x.tokenId, x.status, x.holderId]);
    expect(now('APPROVED')).toEqual([['a', 'SPENT', 'T1'], ['c', 'FINANCED', 'BANK-A']]);
    expect(now('DISBURSED')[1]).toEqual(['c', 'FINANCED', 'BANK-A']);
    expect(now('REJECTED')[1]).toEqual(['c', 'ACTIVE', 'T3']);
    expect(now('AWAITING_SECOND_APPROVAL')[1]).toEqual(['c', 'FINANCING_PENDING', 'T3']);
  });

  it('is empty while the underwriting is loading', () => {
    expect(underwritingLineage(undefined, { id: 'FIN-1' })).toEqual([]);
  });
});
