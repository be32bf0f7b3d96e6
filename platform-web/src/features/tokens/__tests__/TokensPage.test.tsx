import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import { TokensPage } from '../TokensPage';

describe('TokensPage', { timeout: 60_000 }, () => {
  it('shows the API’s tokens by the schema’s own field names', async () => {
    const token = { tokenId: 'tok-123', payableId: 'PO-9', obligorId: 'CORE-A', holderId: 'TIER1-A', amountMinor: 150_000, currency: 'CNY', maturityDate: '2031-01-15', tier: 1, status: 'ACTIVE' };
    const api = fakeApi((_, url) => (url.pathname === '/api/v1/ledger-settings'
      ? { minUnit: 100, maxOutputs: 10, maxTierDepth: 10, businessZone: 'Asia/Shanghai' }
      : { items: [token], page: 0, size: 200, totalItems: 1, totalPages: 1 }));
    renderWithApp(<TokensPage />);
    // By text, not by role: computing every row's accessible name in jsdom took over 60 s on a loaded 2-core machine.
    const cell = await within(await screen.findByTestId('token-table')).findByText('PO-9', {}, { timeout: 10_000 });
    const row = cell.closest('tr');
    if (!row) throw new Error('the payable id is not inside a table row');
    expect(row).toHaveTextContent('¥1,500.00');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('Tier 2'); // the ledger counts from 0, people from 1
    expect(within(row).getByRole('link')).toHaveAttribute('href', '/supplier/tokens/tok-123');
    expect(api.calls.sort()).toEqual(['GET /api/v1/ledger-settings', 'GET /api/v1/tokens?size=200']);
  });
});
