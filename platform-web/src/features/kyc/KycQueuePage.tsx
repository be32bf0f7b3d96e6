import { Button, Descriptions, Drawer, Grid, Input, Modal, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKycAction, useKycApplication, useKycApplications } from '../../api/kyc';
import type { KycStatus } from '../../api/statuses';
import type { KycSummary } from '../../api/types';
import { DocumentList } from '../../components/DocumentList';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { StepTimeline } from '../../components/StepTimeline';
import { useLocale } from '../../i18n';
import { useSession } from '../../lib/auth';

const KYC_TABS: KycStatus[] = ['SUBMITTED', 'REVIEWED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED'];

/**
 * The KYC review queue, maker-checker: a first admin reviews (SUBMITTED -> REVIEWED), a different admin approves
 * (which enrolls the enterprise, registers it on the ledger and anchors the KYC record); either can send it back
 * for documents or reject it, with a reason.
 */
export function KycQueuePage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { dateTime } = useLocale();
  const session = useSession();
  const [status, setStatus] = useState<KycStatus>('SUBMITTED');
  const [openId, setOpenId] = useState<string>();
  const [ask, setAsk] = useState<{ id: string; kind: 'reject' | 'request-documents' }>();
  const [reason, setReason] = useState('');
  const query = useKycApplications(status);
  const detail = useKycApplication(openId);
  const act = useKycAction();
  const actions = (a: KycSummary) => {
    const mineReview = a.reviewedBy?.id === session.user.id;
    return (
      <Space wrap>
        {a.status === 'SUBMITTED' && (
          <Button size="small" onClick={() => act.mutate({ id: a.id ?? '', action: 'review' })} data-testid={`kyc-review-${a.enterpriseId}`}>
            {t('admin.kyc.review')}
          </Button>
        )}
        {a.status === 'REVIEWED' && (
          <Button
            size="small"
            type="primary"
            disabled={mineReview}
            title={mineReview ? t('admin.kyc.notYourOwn') : undefined}
            onClick={() => act.mutate({ id: a.id ?? '', action: 'approve' })}
            data-testid={`kyc-approve-${a.enterpriseId}`}
          >
            {t('action.approve')}
          </Button>
        )}
        {(a.status === 'SUBMITTED' || a.status === 'REVIEWED') && (
          <>
            <Button size="small" onClick={() => setAsk({ id: a.id!, kind: 'request-documents' })}>{t('admin.kyc.moreDocs')}</Button>
            <Button size="small" danger onClick={() => setAsk({ id: a.id!, kind: 'reject' })}>{t('action.reject')}</Button>
          </>
        )}
      </Space>
    );
  };
  return (
    <>
      <PageHeader title={t('admin.kyc.title')} />
      <Typography.Paragraph type="secondary">{t('admin.kyc.help')}</Typography.Paragraph>
      {/* Five long labels overflow a phone's width, and Ant Design then puts a "more" button inside the tab list,
          which is not a tab (axe: aria-required-children): on narrow screens the statuses stand in a column. */}
      <Tabs
        activeKey={status}
        onChange={(k) => setStatus(k as KycStatus)}
        tabPosition={screens.md ? 'top' : 'left'}
        items={KYC_TABS.map((s) => ({ key: s, label: t(`status.${s}`) }))}
      />
      <ProblemAlert error={act.error} />
      <QueryView query={query}>
        {(list) => (
          <Table<KycSummary>
            rowKey="id"
            dataSource={list}
            data-testid="kyc-table"
            columns={[
              { title: t('admin.kyc.legalName'), dataIndex: 'legalName', render: (n: string, a) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(a.id)}>{n}</Button> },
              { title: t('admin.enterprises.id'), dataIndex: 'enterpriseId', render: (c: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{c}</Typography.Text> },
              { title: t('field.role'), dataIndex: 'role', render: (r: string) => t(`enterpriseRole.${r}`, { defaultValue: r }) },
              { title: t('field.requestedAt'), dataIndex: 'submittedAt', render: (d: string) => dateTime(d) },
              { title: t('admin.kyc.firstReviewer'), render: (_, a) => a.reviewedBy?.name ?? '—' },
              { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
              { title: t('common.actions'), render: (_, a) => actions(a) },
            ]}
          />
        )}
      </QueryView>
      <Drawer open={!!openId} onClose={() => setOpenId(undefined)} size="large" title={detail.data?.legalName ?? openId}>
        <QueryView query={detail}>
          {(k) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('field.status')}><StatusTag status={k.status} /></Descriptions.Item>
                <Descriptions.Item label={t('admin.kyc.uscc')}><Typography.Text code>{k.unifiedSocialCreditCode}</Typography.Text></Descriptions.Item>
                <Descriptions.Item label={t('field.role')}>{t(`enterpriseRole.${k.role}`, { defaultValue: k.role })}</Descriptions.Item>
                <Descriptions.Item label={t('admin.kyc.account')}>
                  {[k.settlementAccount?.bankName, k.settlementAccount?.branch, k.settlementAccount?.accountName, k.settlementAccount?.accountNumber].filter(Boolean).join(' · ')}
                </Descriptions.Item>
                {k.contacts?.map((c, i) => (
                  <Descriptions.Item key={i} label={t('admin.kyc.contact')}>{[c.name, c.title, c.email, c.phone].filter(Boolean).join(' · ')}</Descriptions.Item>
                ))}
                <Descriptions.Item label={t('admin.kyc.firstReviewer')}>{k.reviewedBy?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('admin.kyc.approver')}>{k.approvedBy?.name ?? '—'}</Descriptions.Item>
                {k.decisionReason && <Descriptions.Item label={t('field.reason')}>{k.decisionReason}</Descriptions.Item>}
                {k.recordHash && <Descriptions.Item label={t('financing.status.recordHash')}><Typography.Text code style={{ fontSize: 11 }}>{k.recordHash}</Typography.Text></Descriptions.Item>}
                {k.ledger?.registeredTx && <Descriptions.Item label={t('admin.kyc.ledger')}><Typography.Text code style={{ fontSize: 11 }}>{k.ledger.registeredTx}</Typography.Text></Descriptions.Item>}
              </Descriptions>
              {k.status === 'APPROVED' && !k.ledger?.activatedAt && (
                <Button onClick={() => act.mutate({ id: k.id ?? '', action: 'activation' })}>{t('admin.kyc.resume')}</Button>
              )}
              <DocumentList documents={k.documents} />
              <StepTimeline entries={k.timeline} testId="kyc-timeline" />
            </Space>
          )}
        </QueryView>
      </Drawer>
      <Modal
        open={!!ask}
        title={ask?.kind === 'reject' ? t('admin.kyc.rejectTitle') : t('admin.kyc.moreDocs')}
        okText={ask?.kind === 'reject' ? t('action.reject') : t('admin.kyc.moreDocs')}
        okButtonProps={{ danger: ask?.kind === 'reject', disabled: !reason.trim(), loading: act.isPending }}
        onCancel={() => setAsk(undefined)}
        onOk={async () => {
          if (ask) {
            act.mutate(
              { id: ask.id, action: ask.kind, reason: reason.trim() },
              {
                onSuccess: () => {
                  setAsk(undefined);
                  setReason('');
                },
              },
            );
          }
        }}
      >
        <label htmlFor="kyc-reason" className="field-label">{t('field.reason')}</label>
        <Input.TextArea id="kyc-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        <ProblemAlert error={act.error} />
      </Modal>
    </>
  );
}
