import { Alert, App, Button, Card, Empty, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCounterpartyLookup } from '../../api/enterprises';
import { useDecidePayable } from '../../api/payables';
import type { TokenView } from '../../api/types';
import { useConfirmAction } from '../../components/ConfirmAction';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n';

/** Payables offered to the supplier, to accept or reject. */
export function PendingAcceptances({ tokens }: { tokens: TokenView[] }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<TokenView>();
  const accept = useDecidePayable('accept');
  const reject = useDecidePayable('reject');
  const confirm = useConfirmAction();
  const lookup = useCounterpartyLookup();
  return (
    <Card title={t('supplier.dashboard.pendingTitle')} data-testid="pending-acceptances">
      <ProblemAlert error={accept.error ?? reject.error} />
      {tokens.length === 0 ? (
        <Empty description={t('supplier.dashboard.noPending')} />
      ) : (
        <Table
          size="small"
          rowKey="tokenId"
          pagination={false}
          dataSource={tokens}
          columns={[
            {
              title: t('field.payable'),
              render: (_, x) => (
                <span>
                  <Link to={`/supplier/tokens/${encodeURIComponent(x.tokenId ?? '')}`}>{x.payableId}</Link>
                  <br />
                  <Typography.Text type="secondary">{x.obligorId} · {date(x.maturityDate)}</Typography.Text>
                </span>
              ),
            },
            { title: t('field.amount'), align: 'right', render: (_, x) => <Money minor={x.amountMinor} currency={x.currency} /> },
            {
              title: t('common.actions'),
              render: (_, x) => (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    loading={accept.isPending}
                    data-testid={`accept-${x.payableId}`}
                    onClick={async () => {
                      const obligor = await lookup('CORE', x.obligorId);
                      const confirmed = await confirm({
                        title: t('confirm.accept.title', { payable: x.payableId }),
                        amount: { minor: x.amountMinor ?? 0, currency: x.currency ?? 'CNY' },
                        counterparty: { id: x.obligorId ?? '', name: obligor?.name, label: t('field.obligor') },
                        consequence: t('confirm.accept.consequence'),
                        okText: t('action.accept'),
                      });
                      if (!confirmed) return;
                      accept.mutate(
                        { payableId: x.payableId ?? '', obligorId: x.obligorId ?? '' },
                        { onSuccess: () => message.success(t('supplier.dashboard.accepted', { payable: x.payableId })) },
                      );
                    }}
                  >
                    {t('action.accept')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(x)}>
                    {t('action.reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={!!rejecting}
        title={t('supplier.dashboard.rejectTitle', { payable: rejecting?.payableId })}
        okText={t('action.reject')}
        okButtonProps={{ danger: true, loading: reject.isPending }}
        onCancel={() => setRejecting(undefined)}
        onOk={async () => {
          if (rejecting) {
            reject.mutate({ payableId: rejecting.payableId ?? '', obligorId: rejecting.obligorId ?? '' }, { onSuccess: () => setRejecting(undefined) });
          }
        }}
      >
        <Typography.Paragraph>
          {t('supplier.dashboard.rejectBody', { obligor: rejecting?.obligorId })} <Money minor={rejecting?.amountMinor} currency={rejecting?.currency} strong />
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('confirm.irreversible')} description={t('confirm.reject.consequence')} style={{ marginBottom: 8 }} />
        <ProblemAlert error={reject.error} />
      </Modal>
    </Card>
  );
}
