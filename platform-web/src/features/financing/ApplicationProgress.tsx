import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FinancingView } from '../../api/types';
import { StepTimeline } from '../../components/StepTimeline';
import { useLocale } from '../../i18n';
import { formatBps } from '../../lib/pricing';

/**
 * Where an application stands, with the four-eyes step visible: submitted, first approval (maker, with the rate
 * proposed), second approval (checker, a different bank user) when the amount needs it, approved, disbursed; or
 * rejected/cancelled with the reason.
 */
export function FourEyesSteps({ app, needsTwo, thresholdMinor }: { app: FinancingView; needsTwo?: boolean; thresholdMinor?: number }) {
  const { t } = useTranslation();
  const { dateTime, language, money } = useLocale();
  const a = app.approval;
  const status = app.status ?? 'DRAFT';
  // The API says how many bank users must approve; one user deciding alone signs as both maker and checker, so the
  // checker's presence does not mean a second approval happened.
  const two = needsTwo ?? ((app.requiredApprovals ?? 1) > 1 || status === 'AWAITING_SECOND_APPROVAL');
  const ended = status === 'REJECTED' || status === 'CANCELLED';
  const who = (name?: string, at?: string, bps?: number) =>
    name ? `${name}${at ? ` · ${dateTime(at)}` : ''}${bps != null ? ` · ${formatBps(bps, language)}` : ''}` : undefined;
  const items = [
    { title: t('fourEyes.requested'), content: app.submittedAt ? dateTime(app.submittedAt) : t('status.DRAFT') },
    { title: t('fourEyes.maker'), content: who(a?.maker?.name, a?.makerAt, a?.proposedRateBps) ?? t('fourEyes.waiting') },
    ...(two ? [{ title: t('fourEyes.checker'), content: who(a?.checker?.name, undefined, a?.approvedRateBps) ?? t('fourEyes.waitingOther') }] : []),
    {
      title: ended ? t(`status.${status}`) : t('fourEyes.approved'),
      content: ended ? app.rejectionReason ?? undefined : app.terms?.decidedAt ? dateTime(app.terms.decidedAt) : undefined,
    },
    ...(ended ? [] : [{ title: t('fourEyes.disbursed'), content: app.disbursement?.reference ?? undefined }]),
  ];
  const order: Record<string, number> = { DRAFT: 0, SUBMITTED: 1, AWAITING_SECOND_APPROVAL: 2, APPROVING: two ? 3 : 2, APPROVED: two ? 4 : 3, DISBURSED: two ? 5 : 4 };
  const current = ended ? items.length - 1 : Math.min(order[status] ?? 0, items.length - 1);
  return (
    <div data-testid="four-eyes" data-status={status}>
      <Steps
        size="small"
        current={current}
        status={ended ? 'error' : status === 'DISBURSED' ? 'finish' : 'process'}
        items={items}
        aria-label={t('fourEyes.label')}
      />
      {two && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {thresholdMinor != null ? t('fourEyes.explainAmount', { amount: money(thresholdMinor, app.token?.currency ?? 'CNY') }) : t('fourEyes.explain')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export function StatusTimeline({ app }: { app: FinancingView }) {
  return <StepTimeline entries={app.timeline} testId="status-timeline" />;
}
