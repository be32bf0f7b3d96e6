import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithApp } from '../../../test/render';
import { EnterprisePicker } from '../EnterprisePicker';

const DIRECTORY = [
  { id: 'TIER1-A', name: '甲供应商有限公司', role: 'SUPPLIER' },
  { id: 'TIER2-B', name: 'Beta Components Ltd', role: 'SUPPLIER' },
  { id: 'SELF-C', name: 'Ourselves Ltd', role: 'SUPPLIER' },
];

/** Answers the directory as the API does: the role asked for, id or name containing the text, case ignored. */
function directory() {
  return fakeApi((_method, url) => {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const role = url.searchParams.get('role');
    const items = DIRECTORY.filter((e) => (!role || e.role === role) && (e.id.toLowerCase().includes(q) || e.name.toLowerCase().includes(q)));
    return { items, more: false };
  });
}

// antd's Select renders heavily in jsdom; on a loaded machine the first render alone can take seconds.
const SLOW = { timeout: 20_000 };
const settle = { timeout: 5_000 };

describe('enterprise picker', () => {
  it('asks the directory only for the role of its context and searches what the user types', async () => {
    const api = directory();
    renderWithApp(<EnterprisePicker id="pick" role="SUPPLIER" aria-label="Recipient" />);
    const input = screen.getByLabelText('Recipient');
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: '甲供应' } });
    await waitFor(() => expect(api.calls).toContain('GET /api/v1/enterprises/directory?role=SUPPLIER&q=%E7%94%B2%E4%BE%9B%E5%BA%94&limit=20'), settle);
    expect(api.calls.every((c) => c.includes('role=SUPPLIER'))).toBe(true);
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="TIER1-A"]')).not.toBeNull(), settle);
    expect(document.querySelector('.ant-select-item-option[title="TIER2-B"]')).toBeNull();
  }, SLOW.timeout);

  it('offers the legal name with the id, leaves out excluded enterprises and hands back the id picked', async () => {
    directory();
    const onChange = vi.fn();
    renderWithApp(<EnterprisePicker role="SUPPLIER" aria-label="Recipient" exclude={['SELF-C']} onChange={onChange} />);
    const input = screen.getByLabelText('Recipient');
    fireEvent.mouseDown(input);
    const option = await waitFor(() => {
      const o = document.querySelector('.ant-select-item-option[title="TIER2-B"]');
      expect(o).not.toBeNull();
      return o as HTMLElement;
    }, settle);
    expect(option).toHaveTextContent('Beta Components Ltd · TIER2-B');
    expect(document.querySelector('.ant-select-item-option[title="SELF-C"]')).toBeNull();
    fireEvent.click(option);
    expect(onChange).toHaveBeenCalledWith('TIER2-B');
  }, SLOW.timeout);

  it('says so when no active enterprise matches', async () => {
    directory();
    renderWithApp(<EnterprisePicker role="BANK" aria-label="Bank" />);
    fireEvent.mouseDown(screen.getByLabelText('Bank'));
    expect(await screen.findByText('No active enterprise matches', undefined, settle)).toBeInTheDocument();
  }, SLOW.timeout);
});
