import { describe, expect, it } from 'vitest';
import type { NotificationEntry } from '../../../api/types';
import { notificationLink } from '../notificationText';

const base = { id: 'x', read: false, occurredAt: '2026-12-01T08:00:00Z', amountMinor: 100, currency: 'CNY' } as const;

describe('notificationLink', () => {
  it('leads to the object the notification is about, for the reader’s role', () => {
    const cases: [NotificationEntry, string | undefined, string | undefined][] = [
      [{ ...base, type: 'TOKEN_RECEIVED', tokenId: 'abc.0' }, 'SUPPLIER', '/supplier/tokens/abc.0'],
      [{ ...base, type: 'PAYABLE_TO_ACCEPT', tokenId: 'abc.0', payableId: 'PO 1' }, 'SUPPLIER', '/supplier'],
      [{ ...base, type: 'FINANCING_TO_REVIEW', financingId: 'FIN/1' }, 'BANK', '/bank/applications/FIN%2F1'],
      [{ ...base, type: 'FINANCING_APPROVED', financingId: 'FIN-1' }, 'SUPPLIER', '/supplier/financing/FIN-1'],
      [{ ...base, type: 'FINANCING_REJECTED', financingId: 'FIN-1' }, 'SUPPLIER', '/supplier/financing/FIN-1'],
      [{ ...base, type: 'FINANCING_DISBURSED', financingId: 'FIN-1' }, 'SUPPLIER', '/supplier/financing/FIN-1'],
      [{ ...base, type: 'TOKEN_MATURITY_DUE', tokenId: 'abc.1' }, 'SUPPLIER', '/supplier/tokens/abc.1'],
      [{ ...base, type: 'TOKEN_MATURITY_DUE', tokenId: 'abc.1' }, 'BANK', '/bank/portfolio'],
      [{ ...base, type: 'PAYABLE_MATURITY_DUE', payableId: 'PO-7.json' }, 'CORE', '/core/payables/PO-7.json'],
      [{ ...base, type: 'TOKEN_RECEIVED' }, 'SUPPLIER', undefined],
    ];
    for (const [n, role, link] of cases) expect(notificationLink(n, role as never), n.type).toBe(link);
  });
});
