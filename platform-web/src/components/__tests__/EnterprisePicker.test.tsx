import { fireEvent, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithApp } from '../../../test/render';
import { EnterprisePicker } from '../EnterprisePicker';

const DIRECTORY = [
  { id: 'TIER1-A', name: '甲供应商有限公司', role: 'SUPPLIER' },
  { id: 'TIER2-B', name: 'Beta Components Ltd', role: 'SUPPLIER' },
  { id: 'SELF-C', name: 'Ourselves Ltd', role: 'SUPPLIER' },
  { id: 'BANK-D', name: 'Bank of Delta', role: 'BANK' },
  { id: 'CORE-E', name: '东方制造集团', role: 'CORE' },
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

/** A directory that ignores the role (a stale proxy, a future API): the picker must still offer only its role. */
function careless() {
  return fakeApi(() => ({ items: DIRECTORY, more: false }));
}

// antd's Select renders heavily in jsdom; on a loaded machine the first render alone can take seconds.
const SLOW = { timeout: 20_000 };
const settle = { timeout: 5_000 };

const option = (id: string) => document.querySelector(`.ant-select-item-option[title="${id}"]`);
const offered = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));

async function search(label: string, text: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
  return input;
}

describe('enterprise picker', () => {
  it('asks the directory only for the role of its context and searches what the user types', async () => {
    const api = directory();
    renderWithApp(<EnterprisePicker id="pick" role="SUPPLIER" aria-label="Recipient" />);
    await search('Recipient', '甲供应');
    await waitFor(() => expect(api.calls).toContain('GET /api/v1/enterprises/directory?role=SUPPLIER&q=%E7%94%B2%E4%BE%9B%E5%BA%94&limit=20'), settle);
    expect(api.calls.every((c) => c.includes('role=SUPPLIER'))).toBe(true);
    await waitFor(() => expect(option('TIER1-A')).not.toBeNull(), settle);
    expect(option('TIER2-B')).toBeNull();
  }, SLOW.timeout);

  it.each([
    { by: 'its id, case ignored', role: 'SUPPLIER', text: 'tier2', id: 'TIER2-B', shown: 'Beta Components Ltd · TIER2-B', language: 'en' },
    { by: 'its Chinese legal name', role: 'CORE', text: '东方', id: 'CORE-E', shown: '东方制造集团 · CORE-E', language: 'zh-CN' },
    { by: 'its English legal name, case ignored', role: 'BANK', text: 'delta', id: 'BANK-D', shown: 'Bank of Delta · BANK-D', language: 'en' },
  ] as const)('finds an enterprise by $by', async ({ role, text, id, shown, language }) => {
    directory();
    renderWithApp(<EnterprisePicker role={role} aria-label="Enterprise" />, language);
    await search('Enterprise', text);
    await waitFor(() => expect(offered()).toEqual([id]), settle);
    expect(option(id)).toHaveTextContent(shown);
  }, SLOW.timeout);

  it('offers only enterprises of its role, even when the directory answers others', async () => {
    careless();
    renderWithApp(<EnterprisePicker role="BANK" aria-label="Bank" />);
    fireEvent.mouseDown(screen.getByLabelText('Bank'));
    await waitFor(() => expect(offered()).toEqual(['BANK-D']), settle);
  }, SLOW.timeout);

  it('offers the legal name with the id, leaves out the caller and excluded enterprises, and hands back the id and name picked', async () => {
    directory();
    const onChange = vi.fn();
    renderWithApp(<EnterprisePicker role="SUPPLIER" aria-label="Recipient" self="SELF-C" exclude={['TIER1-A', undefined]} onChange={onChange} />);
    fireEvent.mouseDown(screen.getByLabelText('Recipient'));
    await waitFor(() => expect(offered()).toEqual(['TIER2-B']), settle);
    fireEvent.click(option('TIER2-B')!);
    expect(onChange).toHaveBeenCalledWith('TIER2-B', { id: 'TIER2-B', name: 'Beta Components Ltd', role: 'SUPPLIER' });
  }, SLOW.timeout);

  it('is a combobox chosen from with the keyboard, and Enter submits no form around it', async () => {
    directory();
    const onChange = vi.fn();
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    renderWithApp(
      <form onSubmit={onSubmit}>
        <EnterprisePicker id="pick" role="SUPPLIER" aria-label="Recipient" onChange={onChange} />
      </form>,
    );
    const input = screen.getByRole('combobox', { name: 'Recipient' });
    input.focus();
    fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
    fireEvent.change(input, { target: { value: 'Beta' } });
    await waitFor(() => expect(offered()).toEqual(['TIER2-B']), settle);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBeTruthy(), settle);
    const enter = fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    expect(enter).toBe(false); // default prevented: no implicit submission of the form
    expect(onChange).toHaveBeenCalledWith('TIER2-B', expect.objectContaining({ name: 'Beta Components Ltd' }));
    expect(onSubmit).not.toHaveBeenCalled();
  }, SLOW.timeout);

  it('keeps the legal name of the enterprise picked shown after the search moved on', async () => {
    directory();
    function Controlled() {
      const [value, setValue] = useState<string>();
      return <EnterprisePicker role="SUPPLIER" aria-label="Recipient" value={value} onChange={setValue} />;
    }
    renderWithApp(<Controlled />);
    await search('Recipient', '甲');
    await waitFor(() => expect(offered()).toEqual(['TIER1-A']), settle);
    fireEvent.click(option('TIER1-A')!);
    await search('Recipient', 'Beta');
    await waitFor(() => expect(offered()).toContain('TIER2-B'), settle);
    expect(document.querySelector('.ant-select-content')).toHaveTextContent('甲供应商有限公司');
  }, SLOW.timeout);

  it('says so when no active enterprise matches', async () => {
    directory();
    renderWithApp(<EnterprisePicker role="BANK" aria-label="Bank" />);
    await search('Bank', 'nobody');
    expect(await screen.findByText('No active enterprise matches', undefined, settle)).toBeInTheDocument();
  }, SLOW.timeout);

  it('has no accessibility violations, open with its options', async () => {
    directory();
    const { container } = renderWithApp(
      <main>
        <EnterprisePicker id="pick" role="SUPPLIER" aria-label="Recipient" aria-invalid aria-describedby="pick-err" status="error" />
        <span id="pick-err">Choose the recipient</span>
      </main>,
    );
    const input = screen.getByRole('combobox', { name: 'Recipient' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Choose the recipient');
    fireEvent.mouseDown(input);
    await waitFor(() => expect(offered()).toHaveLength(3), settle);
    const result = await axe.run(container.ownerDocument.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, SLOW.timeout);
});
