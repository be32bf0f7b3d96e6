/**
 * How a notification reads and where it leads: the API sends a type and its parameters, the web words them in the
 * reader's language (amounts through the one money formatter) and links to the object concerned.
 */
import type { NotificationEntry, Role } from '../../api/types';

export interface Formatters {
  t: (key: string, values?: Record<string, unknown>) => string;
  money: (minor: NotificationEntry['amountMinor'], currency?: string) => string;
  date: (value: string | null | undefined) => string;
}

/** The other enterprise by its legal name when the platform knows it, else by its id. */
function counterparty(n: NotificationEntry): string {
  return n.counterpartyName || n.counterpartyId || '';
}

export function notificationText(n: NotificationEntry, { t, money, date }: Formatters): string {
  return t(`notifications.text.${n.type}`, {
    counterparty: counterparty(n),
    amount: money(n.amountMinor, n.currency ?? 'CNY'),
    date: date(n.maturityDate),
    payable: n.payableId ?? '',
    interpolation: { escapeValue: false },
  });
}

const path = (...parts: string[]) => `/${parts.map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/')}`;

/** The page of the object the notification is about, for the reader's role; undefined when there is none. */
export function notificationLink(n: NotificationEntry, role: Role | undefined): string | undefined {
  switch (n.type) {
    case 'TOKEN_RECEIVED':
      return n.tokenId ? path('supplier/tokens', n.tokenId) : undefined;
    case 'PAYABLE_TO_ACCEPT':
      return '/supplier'; // the dashboard lists what waits for acceptance, with the buttons
    case 'FINANCING_TO_REVIEW':
      return n.financingId ? path('bank/applications', n.financingId) : undefined;
    case 'FINANCING_APPROVED':
    case 'FINANCING_REJECTED':
    case 'FINANCING_DISBURSED':
      return n.financingId ? path('supplier/financing', n.financingId) : undefined;
    case 'TOKEN_MATURITY_DUE':
      if (role === 'BANK') return '/bank/portfolio';
      return n.tokenId ? path('supplier/tokens', n.tokenId) : undefined;
    case 'PAYABLE_MATURITY_DUE':
      return n.payableId ? path('core/payables', n.payableId) : undefined;
    default:
      return undefined;
  }
}
