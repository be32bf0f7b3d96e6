import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import type { TokenStatus } from '../../api/statuses';
import type { TokenView } from '../../api/types';

// canvas charts do not render in jsdom; the list below the chart carries the same tree
vi.mock('../Chart', () => ({ Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));
const { LineageTree } = await import('../LineageTree');

const t = (id: string, parentId: string | null, holderId: string, amount: number, status: TokenStatus): TokenView => ({
  tokenId: id, parentId: parentId ?? undefined, holderId, amountMinor: amount, status, obligorId: 'CORE-A', payableId: 'PO-7', currency: 'CNY', maturityDate: '2030-01-01',
});

describe('LineageTree', () => {
  it('draws the lineage back to the payable as a nested, labelled tree', () => {
    renderWithApp(
      <LineageTree
        tokens={[t('leaf', 'mid', 'T3', 250_00, 'ACTIVE'), t('root', null, 'T1', 1000_00, 'SPENT'), t('mid', 'root', 'T2', 400_00, 'SPENT')]}
        payable={{ payableId: 'PO-7', amountMinor: 1000_00, currency: 'CNY' }}
        focusId="leaf"
        linkTo={(id) => `/supplier/tokens/${id}`}
      />,
      'zh-CN',
    );
    expect(screen.getByRole('img')).toHaveAccessibleName('应付账款 PO-7 的流转树：3 个凭证，3 层');
    const nodes = screen.getAllByTestId('lineage-node');
    expect(nodes.map((n) => n.dataset.tokenId)).toEqual(['root', 'mid', 'leaf']);
    const root = nodes[0];
    expect(within(root).getAllByTestId('lineage-node')).toHaveLength(2); // mid and leaf are below root
    expect(root).toHaveTextContent('¥1,000.00');
    expect(nodes[2]).toHaveAttribute('aria-current', 'true');
    expect(within(nodes[1]).getAllByRole('link')[0]).toHaveAttribute('href', '/supplier/tokens/mid');
    expect(nodes[1]).toHaveTextContent('已拆分');
  });
});
