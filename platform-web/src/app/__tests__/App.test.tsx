import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../../test/fakeApi';
import { App } from '../App';

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('App', { timeout: 60_000 }, () => {
  it('sends a visitor without a session to the login page', async () => {
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');
  });

  it('loads a page on first visit and reads its data through the query cache', async () => {
    const session = { token: 't', user: { id: 'u1', username: 'tier1', role: 'SUPPLIER', enterpriseId: 'TIER1-A' } };
    sessionStorage.setItem('scf.session', JSON.stringify(session));
    window.history.replaceState(null, '', '/supplier/tokens');
    const api = fakeApi(() => ({ items: [] }));
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'My tokens' }, { timeout: 45_000 })).toBeInTheDocument();
    // the page's own read, who holds the supplier's keys (the frame asks a user of a SELF enterprise for a key), the
    // bell's unread count, and the ledger's business day (the token list counts the days left to maturity in it)
    expect([...api.calls].sort()).toEqual([
      'GET /api/v1/ledger-settings',
      'GET /api/v1/notifications?page=0&size=20',
      'GET /api/v1/self-custody',
      'GET /api/v1/tokens?size=200',
    ]);
  });
});
