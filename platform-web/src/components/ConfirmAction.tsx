import { Alert, App, Descriptions, type ButtonProps } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { chineseCapitals, type MinorLike } from '../lib/money';

/** An enterprise on the other side: its legal name when known, always its id. */
export interface Party {
  id: string;
  name?: string;
}

/** What a person is about to do on the ledger, as the confirmation names it. */
export interface IrrevocableAction {
  /** the question, e.g. "Settle payable PO-1?" */
  title: string;
  /** the amount that moves, in figures (and in Chinese capitals when the language is Chinese) */
  amount?: { minor: MinorLike; currency: string };
  /** who is on the other side (one party, or several, e.g. a split's recipients), under the label given */
  counterparty?: { label?: string } & (Party | { parties: Party[] });
  /** what cannot be undone, in words ("The payable is marked paid on the ledger; this cannot be undone.") */
  consequence: string;
  /** the button that does it, e.g. "Settle" */
  okText: string;
  danger?: boolean;
}

/**
 * Asks before an irrevocable ledger action: `if (await confirm({...})) mutation.mutate(...)`.
 * Ant Design's modal dialog is labelled by its title, traps focus and closes on Escape; the focus starts on
 * Cancel so a stray Enter never confirms. The buttons carry data-testid "confirm-ok" and "confirm-cancel".
 */
export function useConfirmAction(): (action: IrrevocableAction) => Promise<boolean> {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const { language, money } = useLocale();
  return (action) =>
    new Promise<boolean>((resolve) => {
      const capitals = action.amount && language === 'zh-CN' ? chineseCapitals(action.amount.minor, action.amount.currency) : undefined;
      const who = action.counterparty;
      const parties = who && ('parties' in who ? who.parties : [who]);
      modal.confirm({
        title: action.title,
        keyboard: true,
        focusable: { autoFocusButton: 'cancel', trap: true },
        okText: action.okText,
        cancelText: t('confirm.cancel'),
        okButtonProps: { danger: action.danger, 'data-testid': 'confirm-ok' } as ButtonProps,
        cancelButtonProps: { 'data-testid': 'confirm-cancel' } as ButtonProps,
        width: 480,
        content: (
          <div data-testid="confirm-dialog">
            <Descriptions column={1} size="small" style={{ margin: '8px 0' }}>
              {action.amount && (
                <Descriptions.Item label={t('confirm.amount')}>
                  <span data-testid="confirm-amount">
                    <strong className="money">{money(action.amount.minor, action.amount.currency)}</strong>
                    {capitals && <div lang="zh-CN">{capitals}</div>}
                  </span>
                </Descriptions.Item>
              )}
              {who && (
                <Descriptions.Item label={who.label ?? t('confirm.counterparty')}>
                  <div data-testid="confirm-counterparty">
                    {parties?.map((p) => (
                      <div key={p.id}>{p.name ? `${p.name} (${p.id})` : p.id}</div>
                    ))}
                  </div>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Alert type="warning" showIcon title={t('confirm.irreversible')} description={action.consequence} />
          </div>
        ),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}

/**
 * For a ledger form's onKeyDown: Enter in a field does not submit it (a ledger action is sent only by its button and
 * the confirmation). Text areas keep their new lines and buttons their Enter.
 */
export function noEnterSubmit(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault();
}
