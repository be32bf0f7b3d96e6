import { Alert, App, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCounterpartyLookup } from '../../api/enterprises';
import { fetchFinancingDocument, useApplication, useCancelApplication } from '../../api/financing';
import { useConfirmAction } from '../../components/ConfirmAction';
import { DocumentList } from '../../components/DocumentList';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { formatBps } from '../../lib/pricing';
import { FourEyesSteps, StatusTimeline } from './ApplicationProgress';

export function ApplicationStatusPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const { date, language } = useLocale();
  const { message } = App.useApp();
  const app = useApplication(applicationId);
  const cancel = useCancelApplication();
  const confirm = useConfirmAction();
  const lookup = useCounterpartyLookup();
  return (
    <>
      <PageHeader title={t('financing.status.title')} crumbs={[{ to: '/supplier/financing', label: t('nav.financing') }, { label: applicationId }]} />
      <QueryView query={app}>
        {(a) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {(a.status === 'APPROVED' || a.status === 'DISBURSED') && (
              <Result status="success" title={t('financing.status.approved')} subTitle={a.terms?.advanceMinor != null ? <Money minor={a.terms.advanceMinor} currency={a.token?.currency} strong /> : undefined} />
            )}
            {a.status === 'REJECTED' && <Alert type="error" showIcon title={t('status.REJECTED')} description={a.rejectionReason} />}
            <Card
              title={<>{a.id} <StatusTag status={a.status} /></>}
              extra={
                (a.status === 'DRAFT' || a.status === 'SUBMITTED') && (
                  <Button
                    danger
                    loading={cancel.isPending}
                    data-testid="cancel-application"
                    onClick={async () => {
                      const bank = await lookup('BANK', a.bankId);
                      const confirmed = await confirm({
                        title: t('confirm.withdraw.title', { application: a.id }),
                        counterparty: a.bankId ? { id: a.bankId, name: bank?.name, label: t('field.bank') } : undefined,
                        consequence: t('confirm.withdraw.consequence'),
                        okText: t('financing.status.cancel'),
                        danger: true,
                      });
                      if (confirmed) cancel.mutate(a.id ?? applicationId, { onSuccess: () => message.success(t('financing.status.cancelled')) });
                    }}
                  >
                    {t('financing.status.cancel')}
                  </Button>
                )
              }
            >
              <ProblemAlert error={cancel.error} />
              <FourEyesSteps app={a} />
            </Card>
            <Card title={t('financing.status.terms')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('field.token')}>
                  {/* once approved the token belongs to the bank: shown, not linked */}
                  {a.status === 'APPROVED' || a.status === 'DISBURSED' || a.status === 'APPROVING' ? (
                    <Typography.Text code>{a.token?.tokenId}</Typography.Text>
                  ) : (
                    <Link to={`/supplier/tokens/${encodeURIComponent(a.token?.tokenId ?? '')}`}>{a.token?.tokenId}</Link>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.bank')}>{a.bankId}</Descriptions.Item>
                <Descriptions.Item label={t('field.amount')}><Money minor={a.token?.faceAmountMinor} currency={a.token?.currency} /></Descriptions.Item>
                <Descriptions.Item label={t('field.maturity')}>{date(a.token?.maturityDate)}</Descriptions.Item>
                <Descriptions.Item label={t('financing.new.invoiceNumbers')}>{a.invoiceNumbers?.join(', ')}</Descriptions.Item>
                <Descriptions.Item label={t('field.rate')}>{a.terms?.annualRateBps != null ? formatBps(a.terms.annualRateBps, language) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.days')}>{a.terms?.days ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.discount')}>{a.terms?.discountMinor != null ? <Money minor={a.terms.discountMinor} currency={a.token?.currency} /> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.advance')}>{a.terms?.advanceMinor != null ? <Money minor={a.terms.advanceMinor} currency={a.token?.currency} strong /> : '—'}</Descriptions.Item>
                {a.disbursement?.reference && <Descriptions.Item label={t('bank.app.disbursement')}>{a.disbursement.reference}</Descriptions.Item>}
                {a.recordHash && (
                  <Descriptions.Item label={t('financing.status.recordHash')}>
                    <Typography.Text code style={{ fontSize: 11 }}>{a.recordHash}</Typography.Text>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card title={t('financing.status.documents')}>
              <DocumentList documents={a.documents} load={(documentId) => fetchFinancingDocument(applicationId, documentId)} />
            </Card>
            <Card title={t('financing.status.timeline')}>
              <StatusTimeline app={a} />
            </Card>
          </Space>
        )}
      </QueryView>
    </>
  );
}
