import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import { AuditDesk } from '../AuditPage';

const anchor = {
  recordType: 'KYC', recordId: 'kyc-42', sha256: 'ab'.repeat(32), version: 1, anchoredAt: '2030-06-01T08:00:00Z',
  anchoredTx: 'tx9', anchoredBy: 'PlatformOrgMSP', blockNumber: 9, verifiable: true,
};
const entry = {
  seq: 7, occurredAt: '2030-06-01T08:00:00Z', actorKind: 'USER', actorId: 'u1', actorName: 'dongfang', actorRole: 'SUPPLIER',
  enterpriseId: 'TIER1-A', action: 'POST /api/v1/tokens/{tokenId}/split', target: { path: '/api/v1/tokens/tx1.0/split', tokenId: 'tx1.0' },
  outcome: 'SUCCESS', httpStatus: 201, ledgerTransactions: [{ transaction: 'SplitTransfer', transactionId: 'tx2', committed: true }],
  prevHash: '0'.repeat(64), hash: '1'.repeat(64),
};

function api() {
  return fakeApi((_method, url) => {
    if (url.pathname === '/api/v1/verify/anchors') return { items: [anchor], page: 0, size: 20, totalItems: 1, totalPages: 1 };
    if (url.pathname === '/api/v1/audit/entries') return [entry];
    if (url.pathname === '/api/v1/verify/KYC/kyc-42') {
      return { recordType: 'KYC', recordId: 'kyc-42', status: 'VERIFIED', computedHash: anchor.sha256, anchoredHash: anchor.sha256, anchorVersion: 1, anchoredAt: anchor.anchoredAt, anchoredByTx: 'tx9', laterVersions: [] };
    }
    return {};
  });
}

describe('AuditPage (the auditor’s desk)', { timeout: 60_000 }, () => {
  it('verifies a record picked from the anchors list, its hashes behind "Details"', async () => {
    const calls = api().calls;
    renderWithApp(<AuditDesk readsTokens />);
    fireEvent.click(await screen.findByTestId('verify-anchor-kyc-42', {}, { timeout: 10_000 }));
    const result = await screen.findByTestId('record-result', {}, { timeout: 10_000 });
    expect(result).toHaveAttribute('data-status', 'VERIFIED');
    expect(within(result).getByText('Details')).toBeInTheDocument();
    expect(calls).toContain('GET /api/v1/verify/KYC/kyc-42');
    expect(screen.getByLabelText('Record id')).toHaveValue('kyc-42');
  });

  it('filters the log by actor and action, and links an entry to its token’s history', async () => {
    const calls = api().calls;
    renderWithApp(<AuditDesk readsTokens />);
    const table = await screen.findByTestId('audit-entries', {}, { timeout: 10_000 });
    const link = await within(table).findByRole('link', { name: 'History' }, { timeout: 10_000 });
    expect(link).toHaveAttribute('href', '/audit/tokens/tx1.0');
    fireEvent.change(screen.getByLabelText('Who (user or key)'), { target: { value: 'dongfang' } });
    fireEvent.keyDown(screen.getByLabelText('Who (user or key)'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls).toContain('GET /api/v1/audit/entries?actor=dongfang&limit=50'));
    fireEvent.change(screen.getByLabelText('What (e.g. split)'), { target: { value: 'split' } });
    fireEvent.keyDown(screen.getByLabelText('What (e.g. split)'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls).toContain('GET /api/v1/audit/entries?actor=dongfang&action=split&limit=50'));
  });
});
