import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnterpriseSuspension } from '../../api/enterprises';
import type { Enterprise } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Suspend an ACTIVE enterprise, or reinstate a SUSPENDED one; the platform operator is neither. */
export function SuspensionButton({ e }: { e: Enterprise }) {
  const { t } = useTranslation();
  const change = useEnterpriseSuspension(e.id ?? '');
  if (e.role === 'PLATFORM' || (e.status !== 'ACTIVE' && e.status !== 'SUSPENDED')) return null;
  const suspend = e.status === 'ACTIVE';
  return (
    <>
      <Popconfirm
        title={t(suspend ? 'admin.suspension.suspendConfirm' : 'admin.suspension.reinstateConfirm', { enterprise: e.id })}
        onConfirm={() => change.mutate(suspend ? 'suspend' : 'reinstate')}
      >
        <Button size="small" danger={suspend} loading={change.isPending} data-testid={`${suspend ? 'suspend' : 'reinstate'}-${e.id}`}>
          {t(suspend ? 'admin.suspension.suspend' : 'admin.suspension.reinstate')}
        </Button>
      </Popconfirm>
      <ProblemAlert error={change.error} />
    </>
  );
}
