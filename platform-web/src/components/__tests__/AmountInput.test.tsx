import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Button } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { AmountInput } from '../AmountInput';
import { noEnterSubmit, useConfirmAction, type IrrevocableAction } from '../ConfirmAction';

function Field({ onSubmit = () => {} }: { onSubmit?: () => void }) {
  const [value, setValue] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }} onKeyDown={noEnterSubmit}>
      <label htmlFor="amount">Amount</label>
      <AmountInput id="amount" currency="CNY" value={value} onChange={setValue} />
      <input aria-label="due" />
      <button type="submit">Send</button>
    </form>
  );
}

describe('amount input', () => {
  it('echoes the amount it understood in figures, and in capitals in Chinese', () => {
    renderWithApp(<Field />, 'zh-CN');
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '1,234,567.89' } });
    expect(screen.getByTestId('amount-echo')).toHaveTextContent('= ¥1,234,567.89，壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
  });

  it('echoes nothing for what it cannot read', () => {
    renderWithApp(<Field />);
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '1,5' } });
    expect(screen.getByTestId('amount-echo')).toHaveTextContent(/^$/);
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '1,500' } });
    expect(screen.getByTestId('amount-echo')).toHaveTextContent('= CN¥1,500.00');
    expect(screen.getByTestId('amount-echo')).not.toHaveTextContent('壹');
  });

  it('never submits its form on Enter, nor does any field of a ledger form', () => {
    const onSubmit = vi.fn();
    renderWithApp(<Field onSubmit={onSubmit} />);
    for (const field of [screen.getByLabelText('Amount'), screen.getByLabelText('due')]) {
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      field.dispatchEvent(enter);
      expect(enter.defaultPrevented).toBe(true);
    }
    fireEvent.click(screen.getByText('Send'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

const SUPPLIER = { id: 'SUP-1', name: 'Shanghai Parts Co., Ltd.' };

function Settle({ onDone, counterparty = SUPPLIER }: { onDone: (ok: boolean) => void; counterparty?: IrrevocableAction['counterparty'] }) {
  const confirm = useConfirmAction();
  return (
    <Button
      onClick={async () =>
        onDone(await confirm({
          title: 'Settle payable PO-1?',
          amount: { minor: 148_800_000n, currency: 'CNY' },
          counterparty,
          consequence: 'The payable is marked paid on the ledger.',
          okText: 'Settle',
        }))
      }
    >
      open
    </Button>
  );
}

describe('confirmation of an irrevocable action', () => {
  it('names the amount, the counterparty and what cannot be undone, and goes ahead only on its button', async () => {
    const onDone = vi.fn();
    renderWithApp(<Settle onDone={onDone} />, 'zh-CN');
    fireEvent.click(screen.getByText('open'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleName('Settle payable PO-1?');
    expect(screen.getByTestId('confirm-amount')).toHaveTextContent('¥1,488,000.00壹佰肆拾捌万捌仟元整');
    expect(screen.getByTestId('confirm-counterparty')).toHaveTextContent('Shanghai Parts Co., Ltd. (SUP-1)');
    expect(dialog).toHaveTextContent('此操作不可撤销');
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
  });

  it('is cancelled by its Cancel button', async () => {
    const onDone = vi.fn();
    renderWithApp(<Settle onDone={onDone} />);
    fireEvent.click(screen.getByText('open'));
    await screen.findByRole('dialog');
    expect(screen.getByTestId('confirm-amount')).toHaveTextContent('CN¥1,488,000.00');
    expect(screen.getByTestId('confirm-amount')).not.toHaveTextContent('壹');
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(false));
  });

  it('names each of several counterparties by legal name, and by id one whose name is unknown', async () => {
    const parties = [SUPPLIER, { id: 'SUP-2', name: '乙二级供应商有限公司' }, { id: 'SUP-3' }];
    renderWithApp(<Settle onDone={() => {}} counterparty={{ parties, label: 'Recipients' }} />);
    fireEvent.click(screen.getByText('open'));
    await screen.findByRole('dialog');
    const named = [...screen.getByTestId('confirm-counterparty').children].map((c) => c.textContent);
    expect(named).toEqual(['Shanghai Parts Co., Ltd. (SUP-1)', '乙二级供应商有限公司 (SUP-2)', 'SUP-3']);
    expect(screen.getByText('Recipients')).toBeInTheDocument();
  });
});
