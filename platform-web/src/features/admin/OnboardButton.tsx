import { Alert, Button, Modal, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnboardEnterprise } from '../../api/enterprises';
import type { Enterprise } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';

const STEPS = { enroll: 1, register: 2, proposed: 2, done: 3 } as const;

/** Bring an enterprise onto the ledger: enroll its identity at its organisation's CA, then admit it (two admins: propose, confirm). */
export function OnboardButton({ e }: { e: Enterprise }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState(0);
  const [proposed, setProposed] = useState(false);
  const run = useOnboardEnterprise(e.id ?? '', (reached) => {
    setStep(STEPS[reached]);
    setProposed(reached === 'proposed');
  });
  // kept while its dialog is open: the list is read again as soon as the enterprise is ACTIVE
  if ((e.status === 'ACTIVE' && !open) || e.role === 'PLATFORM') return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`onboard-${e.id}`}>
        {t('admin.onboard.button')}
      </Button>
      <Modal
        open={open}
        title={t('admin.onboard.title', { enterprise: e.id })}
        okText={step === 3 ? t('common.close') : t('admin.onboard.start')}
        okButtonProps={{ loading: run.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => (step === 3 ? setOpen(false) : run.mutate())}
      >
        <Steps
          direction="vertical"
          size="small"
          current={step}
          status={run.error ? 'error' : step === 3 ? 'finish' : proposed ? 'wait' : 'process'}
          items={[{ title: t('admin.onboard.ready') }, { title: t('admin.onboard.enroll') }, { title: t('admin.onboard.register') }, { title: t('admin.onboard.active') }]}
        />
        {proposed && <Alert type="info" showIcon message={t('admin.onboard.proposed')} data-testid={`onboard-proposed-${e.id}`} />}
        <ProblemAlert error={run.error} />
      </Modal>
    </>
  );
}
