import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KnownStatus } from '../api/statuses';

// Dark text on light backgrounds: readable (WCAG AA) in every status. One entry per status some backend has.
const COLORS: Record<KnownStatus, string> = {
  PENDING_ACCEPTANCE: 'gold',
  ACTIVE: 'green',
  ACCEPTED: 'green',
  SPENT: 'default',
  FINANCING_PENDING: 'purple',
  FINANCED: 'blue',
  SETTLED: 'cyan',
  REJECTED: 'red',
  PENDING: 'gold',
  SUSPENDED: 'red',
  QUEUED: 'gold',
  RUNNING: 'blue',
  COMPLETED: 'green',
  REGISTERED: 'green',
  ALREADY_REGISTERED: 'cyan',
  INVALID: 'red',
  FAILED: 'red',
  CLEAR: 'green',
  POSSIBLE_DUPLICATE: 'red',
  DRAFT: 'default',
  SUBMITTED: 'gold',
  AWAITING_SECOND_APPROVAL: 'orange',
  APPROVING: 'blue',
  APPROVED: 'green',
  DISBURSED: 'cyan',
  CANCELLED: 'default',
  REVIEWED: 'purple',
  MORE_INFO_REQUESTED: 'orange',
  NONE: 'default',
  VERIFIED: 'green',
  TAMPERED: 'red',
  NOT_ANCHORED: 'orange',
  SUPERSEDED: 'orange',
};

function isKnown(status: string): status is KnownStatus {
  return Object.hasOwn(COLORS, status);
}

/** A status as a coloured tag; one the UI does not know is shown as the API spelled it. */
export function StatusTag({ status }: { status: string | undefined | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Tag color={isKnown(status) ? COLORS[status] : 'default'} data-status={status} style={{ color: '#1f1f1f' }}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
