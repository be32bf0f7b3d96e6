import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import { todayIn } from '../../../lib/dates';
import { BusinessZoneCard } from '../BusinessZoneCard';

const settings = (businessZone: string) => ({ minUnit: 100, maxOutputs: 10, maxTierDepth: 10, businessZone, updatedAt: null, updatedByTx: null });

describe('BusinessZoneCard', { timeout: 60_000 }, () => {
  it('shows the ledger’s zone and its business day', async () => {
    fakeApi(() => settings('Asia/Shanghai'));
    renderWithApp(<BusinessZoneCard />);
    await waitFor(() => expect(screen.getByTestId('business-zone')).toHaveTextContent('Asia/Shanghai'));
    const [y, m, d] = todayIn('Asia/Shanghai').split('-').map(Number);
    expect(screen.getByTestId('business-today')).toHaveTextContent(String(d));
    expect(screen.getByTestId('business-today')).toHaveTextContent(String(y));
    expect(m).toBeGreaterThan(0);
  });

  it('changes the zone on the ledger only after the confirmation', async () => {
    let zone = 'UTC';
    const api = fakeApi((method) => {
      if (method === 'PUT') zone = 'Asia/Tokyo';
      return settings(zone);
    });
    renderWithApp(<BusinessZoneCard />, 'zh-CN');
    await waitFor(() => expect(screen.getByTestId('business-zone')).toHaveTextContent('UTC'));
    const select = screen.getByRole('combobox');
    fireEvent.mouseDown(select);
    fireEvent.change(select, { target: { value: 'Asia/Tokyo' } });
    fireEvent.click(await screen.findByTitle('Asia/Tokyo'));
    fireEvent.click(screen.getByTestId('business-zone-apply'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleName('将业务时区设为 Asia/Tokyo？');
    expect(dialog).toHaveTextContent('此更改将记录在账本上');
    expect(api.calls).not.toContain('PUT /api/v1/admin/ledger-settings/business-zone');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('business-zone')).toHaveTextContent('Asia/Tokyo'));
    expect(api.calls).toContain('PUT /api/v1/admin/ledger-settings/business-zone');
  });
});
