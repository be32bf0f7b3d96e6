import { Steps, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FinancingApplication } from '../api/models';
import { useLocale } from '../i18n';
import { StatusTag } from './StatusTag';

/**
 * Where an application stands, with the four-eyes step visible: requested, first approval (maker), second
 * approval (checker, when the amount needs it), approved; or rejected/cancelled with its reason.
 */
export function FourEyesSteps({ app }: { app: FinancingApplication }) {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const approvals = (app.approvals ?? []).filter((a) => a.decision === 'APPROVE');
  const needsTwo = app.requiresSecondApproval ?? app.status === 'AWAITING_SECOND_APPROVAL';
  const rejected = app.status === 'REJECTED' || app.status === 'CANCELLED';
  const who = (i: number) => (approvals[i] ? `${approvals[i].username ?? approvals[i].userId ?? ''} · ${dateTime(approvals[i].at)}` : undefined);
  const items = [
    { title: t('fourEyes.requested'), description: dateTime(app.requestedAt ?? app.createdAt) },
    { title: t('fourEyes.maker'), description: who(0) ?? t('fourEyes.waiting') },
    ...(needsTwo ? [{ title: t('fourEyes.checker'), description: who(1) ?? t('fourEyes.waitingOther') }] : []),
    { title: rejected ? t(`status.${app.status}`) : t('fourEyes.approved'), description: app.disbursementReference ?? app.rejectionReason ?? undefined },
  ];
  let current = 1 + Math.min(approvals.length, needsTwo ? 2 : 1);
  if (app.status === 'APPROVED') current = items.length - 1;
  if (rejected) current = items.length - 1;
  return (
    <div data-testid="four-eyes">
      <Steps
        size="small"
        current={current}
        status={rejected ? 'error' : app.status === 'APPROVED' ? 'finish' : 'process'}
        items={items}
        aria-label={t('fourEyes.label')}
      />
      {needsTwo && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('fourEyes.explain')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export function StatusTimeline({ app }: { app: FinancingApplication }) {
  const { dateTime } = useLocale();
  const { t } = useTranslation();
  const entries = app.timeline ?? [];
  if (entries.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Timeline
      items={entries.map((e) => ({
        content: (
          <div>
            <StatusTag status={e.status} /> {dateTime(e.at)} {e.by && <Typography.Text type="secondary">· {e.by}</Typography.Text>}
            {e.note && <div>{e.note}</div>}
            {e.transactionId && <Typography.Text type="secondary" code>{e.transactionId}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
