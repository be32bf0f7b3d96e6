import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { useSettlePayable } from '../../api/payables';
import type { PayableView } from '../../api/types';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Record the obligor's payment of the whole payable (on or after maturity; the ledger refuses before). */
export function SettleButton({ payable }: { payable: PayableView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [ref, setRef] = useState('');
  const key = useRef(newIdempotencyKey('settle'));
  const settle = useSettlePayable();
  if (payable.status !== 'ACCEPTED') return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="settle">
        {t('action.settle')}
      </Button>
      <Modal
        open={open}
        title={t('core.settle.title', { payable: payable.payableId })}
        okText={t('action.settle')}
        okButtonProps={{ disabled: !ref.trim(), loading: settle.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          settle.mutate(
            { payableId: payable.payableId ?? '', paymentReference: ref.trim(), idempotencyKey: key.current },
            {
              onSuccess: () => {
                message.success(t('core.settle.done'));
                setOpen(false);
              },
            },
          )
        }
      >
        <Typography.Paragraph>
          {t('core.settle.body')} <Money minor={payable.amountMinor} currency={payable.currency} strong />
        </Typography.Paragraph>
        <label htmlFor="payment-ref" className="field-label">{t('field.paymentReference')}</label>
        <Input id="payment-ref" value={ref} onChange={(e) => setRef(e.target.value)} maxLength={128} onPressEnter={(e) => e.preventDefault()} />
        <Alert type="warning" showIcon title={t('confirm.irreversible')} description={t('confirm.settle.consequence')} style={{ margin: '8px 0' }} />
        <ProblemAlert error={settle.error} />
      </Modal>
    </>
  );
}
