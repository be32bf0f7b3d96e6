import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import { RegisterPayablePage } from '../RegisterPayablePage';

const HEX = 'ab'.repeat(32);
const OPEN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const settle = { timeout: 5_000 };

describe('registering a payable', () => {
  it('picks the beneficiary among the active suppliers and the confirmation names it by legal name; nothing is sent on Cancel', async () => {
    const api = fakeApi((_method, url) => {
      // the default dates follow the ledger's business day
      if (url.pathname === '/api/v1/ledger-settings') return { minUnit: 100, maxOutputs: 10, maxTierDepth: 10, businessZone: 'Asia/Shanghai' };
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const all = [{ id: 'TIER1-A', name: '甲供应商有限公司', role: 'SUPPLIER' }, { id: 'TIER2-B', name: 'Beta Components Ltd', role: 'SUPPLIER' }];
      return { items: all.filter((e) => e.id.toLowerCase().includes(q) || e.name.includes(q)), more: false };
    });
    renderWithApp(<RegisterPayablePage />);
    fireEvent.change(screen.getByLabelText('Payable'), { target: { value: 'PO-1' } });
    const beneficiary = screen.getByRole('combobox', { name: 'Beneficiary' });
    fireEvent.mouseDown(beneficiary);
    fireEvent.change(beneficiary, { target: { value: '甲供应' } });
    await waitFor(() => expect(document.querySelector(`${OPEN} .ant-select-item-option[title="TIER1-A"]`)).not.toBeNull(), settle);
    const directory = api.calls.filter((c) => c.includes('/enterprises/directory'));
    expect(directory.length).toBeGreaterThan(0);
    expect(directory.every((c) => c.includes('role=SUPPLIER'))).toBe(true);
    fireEvent.click(document.querySelector(`${OPEN} .ant-select-item-option[title="TIER1-A"]`)!);
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '1,488,000.00' } });
    fireEvent.change(screen.getByLabelText('Invoice fingerprints'), { target: { value: HEX } });
    fireEvent.change(screen.getByLabelText('Document fingerprint'), { target: { value: HEX } });
    fireEvent.click(screen.getByTestId('register-submit'));
    await screen.findByTestId('confirm-dialog', undefined, settle);
    expect(screen.getByTestId('confirm-counterparty')).toHaveTextContent('甲供应商有限公司 (TIER1-A)');
    expect(screen.getByTestId('confirm-amount')).toHaveTextContent('CN¥1,488,000.00');
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(api.calls.filter((c) => c.startsWith('POST'))).toEqual([]);
  }, 120_000); // the whole form of antd in jsdom: tens of seconds on a loaded 2-core machine
});
