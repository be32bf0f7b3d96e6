import { describe, expect, it } from 'vitest';
import type { TokenStatus } from '../../api/statuses';
import type { TokenView } from '../../api/types';
import { buildLineageTree, countTokens, leafTotal, pathTo } from '../lineage';

const tok = (id: string, parentId: string | null, holderId: string, amount: number, status: TokenStatus = 'ACTIVE', createdAt = '2025-01-01T00:00:00Z'): TokenView => ({
  tokenId: id, parentId: parentId ?? undefined, holderId, amountMinor: amount, status, createdAt, obligorId: 'CORE-A', payableId: 'PO-1', currency: 'CNY', maturityDate: '2025-07-10',
});

describe('buildLineageTree', () => {
  // root R (1000, spent) -> A (600 to T1 itself, spent) + B (400 to T2); A -> C (250 to T3) + D (350 kept)
  const tokens = [
    tok('D', 'A', 'T1', 350, 'ACTIVE', '2025-01-03T00:00:00Z'),
    tok('B', 'R', 'T2', 400, 'ACTIVE', '2025-01-02T00:00:00Z'),
    tok('R', null, 'T1', 1000, 'SPENT', '2025-01-01T00:00:00Z'),
    tok('C', 'A', 'T3', 250, 'FINANCED', '2025-01-03T00:00:00Z'),
    tok('A', 'R', 'T1', 600, 'SPENT', '2025-01-02T00:00:00Z'),
  ];

  it('hangs tokens given in any order under their parents, the root token under the payable', () => {
    const root = buildLineageTree(tokens, { payableId: 'PO-1' });
    expect(root.kind).toBe('payable');
    expect(root.children.map((c) => c.key)).toEqual(['R']);
    const r = root.children[0];
    expect(r.children.map((c) => c.key)).toEqual(['A', 'B']);
    expect(r.children[0].children.map((c) => c.key)).toEqual(['C', 'D']);
    expect(countTokens(root)).toBe(5);
  });

  it('keeps conservation visible: the leaves add up to the payable', () => {
    expect(leafTotal(buildLineageTree(tokens, { payableId: 'PO-1' }))).toBe(1000n);
  });

  it('marks the path from the payable to the token in focus', () => {
    const root = buildLineageTree(tokens, { payableId: 'PO-1' }, 'C');
    expect(pathTo(root, 'C')).toEqual(['R', 'A', 'C']);
    const r = root.children[0];
    expect(r.onPath).toBe(true);
    expect(r.children.find((c) => c.key === 'B')!.onPath).toBe(false);
    expect(r.children[0].children.find((c) => c.key === 'C')!.onPath).toBe(true);
  });

  it('draws a lineage path (token back to root) as a chain', () => {
    const path = [tokens[3], tokens[4], tokens[2]]; // C, A, R as GetLineage returns them
    const root = buildLineageTree(path, { payableId: 'PO-1' }, 'C');
    expect(pathTo(root, 'C')).toEqual(['R', 'A', 'C']);
    expect(countTokens(root)).toBe(3);
  });

  it('puts a token whose parent is not visible under the payable, flagged, and survives cycles and duplicates', () => {
    const root = buildLineageTree([tok('X', 'HIDDEN', 'T2', 5), tok('P', 'Q', 'T1', 1), tok('Q', 'P', 'T1', 1), tok('X', 'HIDDEN', 'T2', 5)], { payableId: 'PO-1' });
    const x = root.children.find((c) => c.key === 'X')!;
    expect(x.detached).toBe(true);
    expect(countTokens(root)).toBe(3);
  });
});
