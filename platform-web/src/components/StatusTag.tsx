import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Dark text on light backgrounds: readable (WCAG AA) in every status.
const COLORS: Record<string, string> = {
  PENDING_ACCEPTANCE: 'gold',
  ACTIVE: 'green',
  ACCEPTED: 'green',
  SPENT: 'default',
  FINANCING_PENDING: 'purple',
  FINANCED: 'blue',
  SETTLED: 'cyan',
  REJECTED: 'red',
  REQUESTED: 'gold',
  UNDER_REVIEW: 'purple',
  AWAITING_SECOND_APPROVAL: 'orange',
  APPROVED: 'green',
  CANCELLED: 'default',
  PENDING: 'gold',
  DONE: 'green',
  RUNNING: 'blue',
  FAILED: 'red',
  CREATED: 'green',
  REGISTERED: 'green',
  ALREADY_REGISTERED: 'cyan',
  INVALID: 'red',
  COMPLETED: 'green',
  SUSPENDED: 'red',
  MORE_DOCUMENTS_REQUESTED: 'orange',
  SUBMITTED: 'gold',
  CLEAR: 'green',
  DUPLICATE: 'red',
  VERIFIED: 'green',
  TAMPERED: 'red',
  NOT_ANCHORED: 'orange',
  DRAFT: 'default',
  DISBURSED: 'cyan',
  APPROVING: 'blue',
  REVIEWED: 'purple',
  MORE_INFO_REQUESTED: 'orange',
  POSSIBLE_DUPLICATE: 'red',
};

export function StatusTag({ status }: { status: string | undefined | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Tag color={COLORS[status] ?? 'default'} data-status={status} style={{ color: '#1f1f1f' }}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
