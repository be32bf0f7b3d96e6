import { screen, fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
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

describe('SplitTransferForm', () => {
  const amountInput = (i: number) => screen.getByLabelText(/Amount \(CNY\)/, { selector: `#split-amount-${i}` });
  const recipientInput = (i: number) => screen.getByLabelText(new RegExp(`Recipient ${i + 1}`));

  it('checks as you type that the parts add up exactly, and only then lets you send', async () => {
    const onSubmit = vi.fn();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={onSubmit} />);
    const submit = screen.getByTestId('split-submit');
    expect(submit).toBeDisabled();

    fireEvent.change(recipientInput(0), { target: { value: 'TIER2-B' } });
    fireEvent.change(amountInput(0), { target: { value: '30,000.10' } });
    expect(screen.getByTestId('split-sum')).toHaveTextContent('CN¥69,999.90 still to allocate');
    expect(submit).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: /Add a part/ }));
    fireEvent.change(recipientInput(1), { target: { value: 'TIER2-C' } });
    fireEvent.change(amountInput(1), { target: { value: '70000' } });
    expect(screen.getByTestId('split-sum')).toHaveTextContent('CN¥0.10 too much');
    expect(screen.getByTestId('split-sum')).toHaveAttribute('data-exact', 'false');
    expect(submit).toBeDisabled();

    fireEvent.change(amountInput(1), { target: { value: '69999.9' } });
    expect(screen.getByTestId('split-sum')).toHaveTextContent('the parts add up exactly');
    expect(screen.getByTestId('split-sum')).toHaveAttribute('data-exact', 'true');
    expect(recipientInput(1)).toHaveValue('TIER2-C');
    expect(screen.getByTestId('split-submit')).toBeEnabled();

    fireEvent.click(screen.getByTestId('split-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith([
      { recipient: 'TIER2-B', amountMinor: 3_000_010 },
      { recipient: 'TIER2-C', amountMinor: 6_999_990 },
    ]);
  });

  it('keeps the remainder for the holder with one click', () => {
    const onSubmit = vi.fn();
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={onSubmit} />);
    fireEvent.change(recipientInput(0), { target: { value: 'TIER2-B' } });
    fireEvent.change(amountInput(0), { target: { value: '0.01' } });
    fireEvent.click(screen.getByRole('button', { name: /Keep the remainder/ }));
    expect(recipientInput(1)).toHaveValue('TIER1-A');
    expect(amountInput(1)).toHaveValue('99999.99');
    expect(screen.getByTestId('split-sum')).toHaveAttribute('data-exact', 'true');
  });

  it('explains a bad amount next to the field, in Chinese too', () => {
    renderWithApp(<SplitTransferForm token={token} holderId="TIER1-A" onSubmit={() => {}} />, 'zh-CN');
    fireEvent.change(screen.getByLabelText(/金额（CNY）/, { selector: '#split-amount-0' }), { target: { value: '1.234' } });
    expect(screen.getByText('最多 2 位小数')).toBeInTheDocument();
    expect(screen.getByTestId('split-token-amount')).toHaveTextContent('¥100,000.00');
  });
});
