import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent, TimelineFacts } from '../api/types';
import { useLocale } from '../i18n';
import { formatBps } from '../lib/pricing';
import { StatusTag } from './StatusTag';

interface Formatters {
  t: TFunction;
  money: (minor: number | null | undefined, currency?: string) => string;
  date: (value: string | null | undefined) => string;
  language: string;
}

/**
 * The facts of a step as labelled values in the reader's language, amounts formatted in their currency. The API sends
 * data only (timeline steps are never sentences), so every word here is the web's.
 */
export function describeFacts(f: TimelineFacts | undefined, { t, money, date, language }: Formatters): string[] {
  if (!f) return [];
  const currency = f.currency ?? 'CNY';
  const parts: string[] = [];
  const add = (key: string, value: string | number | undefined | null) => {
    if (value !== undefined && value !== null && value !== '') parts.push(t(`timeline.fact.${key}`, { value }));
  };
  add('token', f.tokenId);
  add('counterparty', f.counterpartyId);
  if (f.amountMinor != null) add('amount', money(f.amountMinor, currency));
  if (f.maturityDate) add('maturity', date(f.maturityDate));
  if (f.rateBps != null) add('rate', formatBps(f.rateBps, language));
  if (f.thresholdMinor != null) add('threshold', money(f.thresholdMinor, currency));
  add('days', f.days);
  if (f.discountMinor != null) add('discount', money(f.discountMinor, currency));
  if (f.advanceMinor != null) add('advance', money(f.advanceMinor, currency));
  add('reference', f.reference);
  if (f.documentKind) add('document', `${t(`docKind.${f.documentKind}`, { defaultValue: f.documentKind })} ${f.fileName ?? ''}`.trim());
  if (f.recordType) add('record', `${f.recordType}/${f.recordId ?? ''}`);
  add('enrollment', f.enrollmentId);
  if (f.step) add('step', t(`timeline.activationStep.${f.step}`, { defaultValue: f.step }));
  if (f.problemCode) add('problem', t(`problem.${f.problemCode}`, { defaultValue: f.problemCode }));
  return parts;
}

/** What happened, in words: the step's title for its action (the action's code where no wording exists yet). */
export function stepTitle(action: string | undefined, t: TFunction): string {
  return action ? t(`timeline.action.${action}`, { defaultValue: action }) : '';
}

/** The steps of an application (financing or KYC), oldest first, each in the reader's language. */
export function StepTimeline({ entries, testId }: { entries: TimelineEvent[] | undefined; testId?: string }) {
  const { t } = useTranslation();
  const { dateTime, date, money, language } = useLocale();
  if (!entries || entries.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Timeline
      data-testid={testId}
      items={entries.map((e) => {
        const facts = describeFacts(e.facts, { t, money, date, language });
        return {
          key: e.id,
          content: (
            <div data-action={e.action}>
              {e.toStatus && e.toStatus !== e.fromStatus && <StatusTag status={e.toStatus} />}{' '}
              <Typography.Text strong>{stepTitle(e.action, t)}</Typography.Text> · {dateTime(e.at)}{' '}
              {e.actorName && <Typography.Text type="secondary">· {e.actorName}</Typography.Text>}
              {facts.length > 0 && <div className="timeline-facts">{facts.join(' · ')}</div>}
              {e.note && <div>“{e.note}”</div>}
              {(e.facts?.detail || e.ledgerTxId) && (
                <details>
                  <summary>{t('timeline.details')}</summary>
                  {e.facts?.detail && <div>{e.facts.detail}</div>}
                  {e.ledgerTxId && (
                    <div>
                      {t('error.transaction')}: <Typography.Text code style={{ fontSize: 11 }}>{e.ledgerTxId}</Typography.Text>
                    </div>
                  )}
                </details>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
