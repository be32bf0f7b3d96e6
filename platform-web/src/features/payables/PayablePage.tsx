import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { usePayable } from '../../api/payables';
import { LineageTree } from '../../components/LineageTree';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { tokenHistoryPath } from '../../lib/auditPaths';
import { SettleButton } from './SettleButton';

export function PayablePage() {
  const { payableId = '' } = useParams();
  const { t } = useTranslation();
  const { date, dateTime } = useLocale();
  const payable = usePayable(payableId);
  return (
    <>
      <PageHeader title={t('core.payable.title')} crumbs={[{ to: '/core/payables', label: t('nav.payables') }, { label: payableId }]} />
      <QueryView query={payable}>
        {({ payable: p = {}, tokens = [] }) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<>{p.payableId} <StatusTag status={p.status} /></>} extra={<SettleButton payable={p} />}>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
                <Descriptions.Item label={t('field.amount')}><Money minor={p.amountMinor} currency={p.currency} strong /></Descriptions.Item>
                <Descriptions.Item label={t('field.beneficiary')}>{p.beneficiaryId}</Descriptions.Item>
                <Descriptions.Item label={t('field.obligor')}>{p.obligorId}</Descriptions.Item>
                <Descriptions.Item label={t('field.issueDate')}>{date(p.issueDate)}</Descriptions.Item>
                <Descriptions.Item label={t('field.maturity')}>{date(p.maturityDate)}</Descriptions.Item>
                {p.registeredAt && <Descriptions.Item label={t('field.createdAt')}>{dateTime(p.registeredAt)}</Descriptions.Item>}
                {p.paymentReference && <Descriptions.Item label={t('field.paymentReference')}>{p.paymentReference}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card title={t('core.payable.tree')}>
              <LineageTree
                tokens={tokens}
                payable={{ payableId: p.payableId ?? payableId, obligorId: p.obligorId, amountMinor: p.amountMinor, currency: p.currency }}
                linkTo={(tokenId) => (tokenId ? tokenHistoryPath(tokenId) : undefined)}
              />
            </Card>
          </Space>
        )}
      </QueryView>
    </>
  );
}
