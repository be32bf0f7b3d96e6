import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import { TokenHistory } from '../TokenHistoryPage';

const state = (status: string, holderId: string, amountMinor: number) => ({
  tokenId: 'tx1.0', payableId: 'PO-1', obligorId: 'CORE-A', holderId, amountMinor, currency: 'CNY', maturityDate: '2031-01-15', tier: 0, status,
});
const history = [
  { transactionId: 'tx3', timestamp: '2030-06-02T08:00:00Z', deleted: false, signer: { mspId: 'PlatformOrgMSP', commonName: 'tier1-a-1f2e' }, state: state('SPENT', 'TIER1-A', 148_800_000) },
  { transactionId: 'tx1', timestamp: '2030-06-01T08:00:00Z', deleted: false, signer: { mspId: 'CoreOrgMSP', commonName: 'core-a-9abc' }, state: state('PENDING_ACCEPTANCE', 'TIER1-A', 148_800_000) },
];

describe('TokenHistory', { timeout: 60_000 }, () => {
  it('lists each version with its signer and typed state, the amount through the formatter', async () => {
    const api = fakeApi(() => history);
    renderWithApp(<TokenHistory tokenId="tx1.0" />);
    const table = await screen.findByTestId('token-history', {}, { timeout: 10_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('tier1-a-1f2e');
    expect(rows[0]).toHaveTextContent('PlatformOrgMSP');
    expect(rows[0]).toHaveTextContent('¥1,488,000.00');
    expect(rows[1]).toHaveTextContent('core-a-9abc');
    expect(rows[1]).toHaveTextContent('CoreOrgMSP');
    expect(screen.getByText('2 versions on the ledger')).toBeInTheDocument();
    // the transaction id sits behind "Details"
    expect(within(rows[0]).getByText('Details')).toBeInTheDocument();
    // an id ending in .0 is one encoded path segment
    expect(api.calls).toEqual(['GET /api/v1/tokens/tx1.0/history']);
  });

  it('speaks Chinese in the Chinese interface', async () => {
    fakeApi(() => history);
    renderWithApp(<TokenHistory tokenId="tx1.0" />, 'zh-CN');
    await screen.findByTestId('token-history', {}, { timeout: 10_000 });
    expect(screen.getByText('账本上共 2 个版本')).toBeInTheDocument();
    expect(screen.getAllByText('签名方').length).toBeGreaterThan(0);
  });
});
