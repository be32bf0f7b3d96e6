import { screen, fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import type { TokenView } from '../../../api/types';
import { checkSplit } from '../../../lib/split';
import { SplitTransferForm } from '../SplitTransferForm';

const token: TokenView = {
  tokenId: 'tx1.0', obligorId: 'CORE-A', payableId: 'PO-1', holderId: 'TIER1-A', amountMinor: 100_000_00, currency: 'CNY',
  maturityDate: '2030-07-10', status: 'ACTIVE', tier: 0,
};

describe('checkSplit', () => {
  it('says how much is left or over, in exact minor units', () => {
    expect(checkSplit(1000n, [{ recipient: 'B', amount: '4' }], 2).remaining).toBe(600n);
    expect(checkSplit(1000n, [{ recipient: 'B', amount: '4' }, { recipient: 'C', amount: '6.01' }], 2).remaining).toBe(-1n);
    const exact = checkSplit(30n, [{ recipient: 'B', amount: '0.1' }, { recipient: 'C', amount: '0.2' }], 2);
    expect(exact.exact).toBe(true); // 0.1 + 0.2 is 0.3 here
    expect(exact.valid).toBe(true);
  });

  it('flags each bad part', () => {
    const c = checkSplit(1000n, [{ recipient: '', amount: '5' }, { recipient: 'CORE-A', amount: '5.001' }, { recipient: 'bad id!', amount: 'x' }], 2, { obligorId: 'CORE-A' });
    expect(c.parts.map((p) => [p.recipient, p.amount])).toEqual([['required', undefined], ['obligor', 'tooManyDecimals'], ['format', 'format']]);
    expect(c.valid).toBe(false);
  });
});

/** The directory of active suppliers as the API answers it (the holder and the obligor among them). */
function suppliers() {
  const all = [
    { id: 'TIER1-A', name: 'Alpha Tier One Ltd', role: 'SUPPLIER' },
    { id: 'TIER2-B', name: '乙二级供应商有限公司', role: 'SUPPLIER' },
    { id: 'TIER2-C', name: 'Gamma Parts Ltd', role: 'SUPPLIER' },
    { id: 'CORE-A', name: 'Core Alpha Group', role: 'SUPPLIER' },
  ];
  return fakeApi((_method, url) => {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    return { items: all.filter((e) => e.id.toLowerCase().includes(q) || e.name.toLowerCase().includes(q)), more: false };
  });
}

const settle = { timeout: 5_000 };
// each picker keeps its own drop-down in the page once opened: only the open one counts
const OPEN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const option = (id: string) => document.querySelector(`${OPEN} .ant-select-item-option[title="${id}"]`);
const offered = () => [...document.querySelectorAll(`${OPEN} .ant-select-item-option`)].map((o) => o.getAttribute('title'));

describe('SplitTransferForm', () => {
  const amountInput = (i: number) => screen.getByLabelText(/Amount \(CNY\)/, { selector: `#split-amount-${i}` });
  const recipientInput = (i: number) => screen.getByLabelText(new RegExp(`Recipient ${i + 1}`));
  /** What the recipient picker of part i shows as chosen. */
  const chosen = (i: number) => screen.getByTestId(`split-recipient-${i}-picker`).querySelector('.ant-select-content');
  /** Types into the recipient picker of part i and chooses the enterprise offered under that id. */
  async function pick(i: number, text: string, id: string) {
    fireEvent.mouseDown(recipientInput(i));
    fireEvent.change(recipientInput(i), { target: { value: text } });
    await waitFor(() => expect(offered()).toContain(id), settle);
    fireEvent.click(option(id)!);
    await waitFor(() => expect(chosen(i)).toHaveAttribute('title', id), settle);
  }

  it('checks as you type that the parts add up exactly, and only then lets you send', async () => {
    suppliers();
    const onSubmit = vi.fn();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={onSubmit} />);
    const submit = screen.getByTestId('split-submit');
    expect(submit).toBeDisabled();

    await pick(0, '乙二级', 'TIER2-B');
    fireEvent.change(amountInput(0), { target: { value: '30,000.10' } });
    expect(screen.getByTestId('split-sum')).toHaveTextContent('CN¥69,999.90 still to allocate');
    expect(submit).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: /Add a part/ }));
    await pick(1, 'gamma', 'TIER2-C');
    fireEvent.change(amountInput(1), { target: { value: '70000' } });
    expect(screen.getByTestId('split-sum')).toHaveTextContent('CN¥0.10 too much');
    expect(screen.getByTestId('split-sum')).toHaveAttribute('data-exact', 'false');
    expect(submit).toBeDisabled();

    fireEvent.change(amountInput(1), { target: { value: '69999.9' } });
    expect(screen.getByTestId('split-sum')).toHaveTextContent('the parts add up exactly');
    expect(screen.getByTestId('split-sum')).toHaveAttribute('data-exact', 'true');
    expect(chosen(1)).toHaveTextContent('Gamma Parts Ltd · TIER2-C');
    expect(screen.getByTestId('split-submit')).toBeEnabled();

    fireEvent.click(screen.getByTestId('split-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      [
        { recipient: 'TIER2-B', amountMinor: 3_000_010 },
        { recipient: 'TIER2-C', amountMinor: 6_999_990 },
      ],
      [
        { id: 'TIER2-B', name: '乙二级供应商有限公司' },
        { id: 'TIER2-C', name: 'Gamma Parts Ltd' },
      ],
    );
  }, 40_000); // two picks and many renders of antd in jsdom: slow on a loaded machine

  it('offers as recipients only other suppliers: never the holder itself nor the token’s obligor', async () => {
    const api = suppliers();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={() => {}} />);
    fireEvent.mouseDown(recipientInput(0));
    await waitFor(() => expect(offered()).toEqual(['TIER2-B', 'TIER2-C']), settle);
    expect(api.calls.every((c) => c.includes('role=SUPPLIER'))).toBe(true);
  });

  it('never sends on Enter: not in a recipient, not in an amount', async () => {
    suppliers();
    const onSubmit = vi.fn();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={onSubmit} />);
    await pick(0, 'TIER2-B', 'TIER2-B');
    fireEvent.change(amountInput(0), { target: { value: '100000' } });
    expect(screen.getByTestId('split-submit')).toBeEnabled();
    expect(fireEvent.keyDown(amountInput(0), { key: 'Enter', keyCode: 13 })).toBe(false);
    expect(fireEvent.keyDown(recipientInput(0), { key: 'Enter', keyCode: 13 })).toBe(false);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps the remainder for the holder with one click', async () => {
    suppliers();
    const onSubmit = vi.fn();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={onSubmit} />);
    await pick(0, 'TIER2', 'TIER2-B');
    fireEvent.change(amountInput(0), { target: { value: '0.01' } });
    fireEvent.click(screen.getByRole('button', { name: /Keep the remainder/ }));
    expect(chosen(1)).toHaveAttribute('title', 'TIER1-A');
    expect(chosen(1)).toHaveTextContent('Your enterprise · TIER1-A');
    expect(amountInput(1)).toHaveValue('99999.99');
    expect(screen.getByTestId('split-sum')).toHaveAttribute('data-exact', 'true');
    fireEvent.click(screen.getByTestId('split-submit'));
    // the holder's own part is no transfer: the confirmation names only the other recipient
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.any(Array), [{ id: 'TIER2-B', name: '乙二级供应商有限公司' }]));
  });

  it('explains a bad amount next to the field, in Chinese too', () => {
    suppliers();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={() => {}} />, 'zh-CN');
    fireEvent.change(screen.getByLabelText(/金额（CNY）/, { selector: '#split-amount-0' }), { target: { value: '1.234' } });
    expect(screen.getByText('最多 2 位小数')).toBeInTheDocument();
    expect(screen.getByTestId('split-token-amount')).toHaveTextContent('¥100,000.00');
  });
});
