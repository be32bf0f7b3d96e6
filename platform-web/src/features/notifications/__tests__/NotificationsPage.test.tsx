import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../../../test/fakeApi';
import { renderWithApp } from '../../../../test/render';
import { AuthProvider } from '../../../lib/auth';
import { NotificationBell } from '../NotificationBell';
import { NotificationsPage } from '../NotificationsPage';

const received = {
  id: 'TOKEN_RECEIVED~abc.1', type: 'TOKEN_RECEIVED', occurredAt: '2026-12-01T08:00:00Z', read: false,
  counterpartyId: 'TIER1-A', counterpartyName: 'Tier One Ltd', tokenId: 'abc.1', amountMinor: 150_000_000, currency: 'CNY',
  maturityDate: '2027-01-15',
};
const due = {
  id: 'TOKEN_MATURITY_DUE~abc.1', type: 'TOKEN_MATURITY_DUE', occurredAt: '2026-11-30T00:00:00Z', read: true,
  counterpartyId: 'CORE-A', tokenId: 'abc.1', amountMinor: 150_000_000, currency: 'CNY', maturityDate: '2026-12-05',
};

function api() {
  return fakeApi((method, url) =>
    method === 'POST' ? { unread: 0 } : { items: [received, due], page: 0, size: 20, totalItems: 2, totalPages: 1, unread: 1, url: url.pathname },
  );
}

describe('notifications', { timeout: 60_000 }, () => {
  beforeEach(() => sessionStorage.setItem('scf.session', JSON.stringify({ token: 't', user: { role: 'SUPPLIER', enterpriseId: 'TIER2-B' } })));

  it('words each entry in English with the formatted amount and links to the token', async () => {
    const calls = api();
    renderWithApp(<AuthProvider><NotificationsPage /></AuthProvider>);
    const link = await screen.findByRole('link', { name: 'Tier One Ltd transferred CN¥1,500,000.00 to you' });
    expect(link).toHaveAttribute('href', '/supplier/tokens/abc.1');
    expect(screen.getByText('Token received')).toBeInTheDocument();
    expect(screen.getByTestId('notifications-unread')).toHaveTextContent('1 unread');
    expect(screen.getByText(/Your token of CN¥1,500,000\.00 from CORE-A matures on/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('notification-mark-read'));
    await waitFor(() => expect(calls.calls).toContain('POST /api/v1/notifications/TOKEN_RECEIVED~abc.1/read'));
    fireEvent.click(screen.getByTestId('notifications-read-all'));
    await waitFor(() => expect(calls.calls).toContain('POST /api/v1/notifications/read-all'));
    expect(calls.calls[0]).toBe('GET /api/v1/notifications?page=0&size=20');
  });

  it('words them in Chinese', async () => {
    api();
    renderWithApp(<AuthProvider><NotificationsPage /></AuthProvider>, 'zh-CN');
    expect(await screen.findByRole('link', { name: 'Tier One Ltd 向您转让了 ¥1,500,000.00' })).toBeInTheDocument();
    expect(screen.getByText('收到凭证')).toBeInTheDocument();
  });

  it('shows the unread count on the bell, and no bell for a role without an enterprise', async () => {
    api();
    const { unmount } = renderWithApp(<NotificationBell role="SUPPLIER" />);
    expect(await screen.findByRole('button', { name: 'Notifications: 1 unread' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('notification-badge')).toHaveTextContent('1'));
    unmount();
    renderWithApp(<NotificationBell role="AUDITOR" />);
    expect(screen.queryByTestId('notification-bell')).toBeNull();
  });
});
