import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, InputNumber, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCounterpartyLookup } from '../../api/enterprises';
import { fetchFinancingDocument, useApplication, useApproveApplication, useRecordDisbursement, useRejectApplication, useUnderwriting, useVerification } from '../../api/financing';
import { useBusinessDay } from '../../api/settings';
import { OPEN_FINANCING } from '../../api/statuses';
import { useConfirmAction } from '../../components/ConfirmAction';
import { DocumentList } from '../../components/DocumentList';
import { LineageTree } from '../../components/LineageTree';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { useSession } from '../../lib/auth';
import { toMinor } from '../../lib/money';
import { act360, formatBps } from '../../lib/pricing';
import { FourEyesSteps, StatusTimeline } from './ApplicationProgress';
import { ExposureView } from './ExposureView';
import { underwritingLineage } from './underwritingLineage';

export function BankApplicationPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const lookup = useCounterpartyLookup();
  const { date, language, money } = useLocale();
  const { message } = App.useApp();
  const session = useSession();
  const app = useApplication(applicationId);
  const [rate, setRate] = useState<number | null>(null);
  const uw = useUnderwriting(applicationId, rate ?? undefined);
  const anchor = useVerification('FINANCING_APPLICATION', applicationId, !!app.data?.recordHash);
  const [reference, setReference] = useState('');
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const approve = useApproveApplication();
  const reject = useRejectApplication();
  const disburse = useRecordDisbursement();
  const businessDay = useBusinessDay();

  return (
    <>
      <PageHeader title={t('bank.app.title')} crumbs={[{ to: '/bank', label: t('nav.underwriting') }, { label: applicationId }]} />
      <QueryView query={app}>
        {(a) => {
          const u = uw.data;
          const currency = a.token?.currency ?? 'CNY';
          const face = a.token?.faceAmountMinor ?? 0;
          const bps = rate ?? a.approval?.proposedRateBps ?? u?.pricing?.quote?.annualRateBps ?? null;
          const local = bps != null && a.token?.maturityDate ? act360(face, bps, businessDay.today, a.token.maturityDate) : undefined;
          const iAmMaker = a.approval?.maker?.id === session.user.id;
          const open = a.status != null && OPEN_FINANCING.includes(a.status);
          // The request already reserved the face amount on the ledger; approving consumes it, so what matters is
          // the limit less what is already consumed.
          const limit = u?.exposure?.limitMinor;
          // what the limit still takes: the limit minus what is in use (consumed by approvals)
          const available = limit != null ? toMinor(limit) - toMinor(u?.exposure?.inUseMinor ?? 0) : undefined;
          const over = available != null && a.status === 'SUBMITTED' && available < toMinor(face);
          const lineage = underwritingLineage(u, a);
          return (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<>{a.id} <StatusTag status={a.status} /></>}>
                <FourEyesSteps app={a} needsTwo={u?.needsTwoApprovers} thresholdMinor={u?.fourEyesThresholdMinor} />
              </Card>
              <ProblemAlert error={uw.error} onRetry={() => void uw.refetch()} />
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <Card title={t('bank.app.facts')}>
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('field.applicant')}>{a.applicantId}</Descriptions.Item>
                      <Descriptions.Item label={t('field.token')}><Typography.Text code>{a.token?.tokenId}</Typography.Text></Descriptions.Item>
                      <Descriptions.Item label={t('field.amount')}><Money minor={face} currency={currency} strong /></Descriptions.Item>
                      <Descriptions.Item label={t('field.maturity')}>
                        {date(a.token?.maturityDate)}
                        {u?.maturity?.daysRemaining != null && <> ({t('common.daysLeft', { count: u.maturity.daysRemaining })})</>}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('financing.new.invoiceNumbers')}>{a.invoiceNumbers?.join(', ')}</Descriptions.Item>
                      <Descriptions.Item label={t('bank.app.kyc')}>
                        <span data-testid="kyc-standing">
                          {u?.applicantKyc?.status ? <StatusTag status={u.applicantKyc.status} /> : t('bank.app.noKyc')}
                          {u?.applicantKyc?.anchoredOnLedger && <Typography.Text type="secondary"> {t('bank.app.anchored')}</Typography.Text>}
                        </span>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('bank.app.duplicate')}>
                        <span data-testid="duplicate-check">
                          {u?.duplicateCheck?.result ? <StatusTag status={u.duplicateCheck.result} /> : t('common.unknown')}
                          {u?.duplicateCheck?.matches?.map((m) => (
                            <div key={`${m.financingId}-${m.invoiceNumber}`}>
                              {m.invoiceNumber} → {m.financingId} <StatusTag status={m.status} />
                            </div>
                          ))}
                        </span>
                      </Descriptions.Item>
                      {a.recordHash && (
                        <Descriptions.Item label={t('bank.app.ledgerAnchor')}>
                          <span data-testid="anchor-verification">
                            {anchor.data ? <StatusTag status={anchor.data.status} /> : anchor.error ? <Typography.Text type="danger">{anchor.error.code}</Typography.Text> : '…'}
                          </span>
                        </Descriptions.Item>
                      )}
                    </Descriptions>
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={t('bank.app.obligorExposure', { obligor: u?.obligor?.name ?? u?.obligor?.id ?? a.token?.obligorId })}>
                    {u?.exposure ? <ExposureView e={u.exposure} /> : <Empty description={t('bank.app.noLimit')} />}
                    {over && <Alert type="error" showIcon title={t('bank.app.overLimit', { amount: money(toMinor(face) - available!, currency) })} />}
                  </Card>
                </Col>
              </Row>
              <Card title={t('supplier.token.lineage')}>
                {lineage.length > 0 ? (
                  <LineageTree tokens={lineage} payable={{ payableId: a.token?.payableId ?? '', obligorId: a.token?.obligorId, currency }} focusId={a.token?.tokenId} />
                ) : (
                  <Empty description={t('common.unknown')} />
                )}
              </Card>
              <Card title={t('bank.app.pricing')} data-testid="bank-pricing">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap align="end">
                    <div>
                      <label htmlFor="rate-bps" className="field-label" title={t('bank.app.rateBpsTip')}>{t('bank.app.rateBps')}</label>
                      <InputNumber id="rate-bps" min={0} max={10000} step={5} precision={0} value={bps} onChange={(v) => setRate(v === null ? null : Number(v))} disabled={!open} />
                    </div>
                    {bps != null && <Typography.Text>{formatBps(bps, language)} {t('bank.app.perYear')}, ACT/360</Typography.Text>}
                  </Space>
                  {u?.pricing?.quote && (
                    <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="underwriting-quote">
                      <Descriptions.Item label={t('field.valueDate')}>{date(u.pricing.quote.valueDate)}</Descriptions.Item>
                      <Descriptions.Item label={t('field.days')}>{u.pricing.quote.days}</Descriptions.Item>
                      <Descriptions.Item label={t('field.discount')}><Money minor={u.pricing.quote.discountMinor} currency={currency} /></Descriptions.Item>
                      <Descriptions.Item label={t('field.advance')}><Money minor={u.pricing.quote.advanceMinor} currency={currency} strong /></Descriptions.Item>
                    </Descriptions>
                  )}
                  {u?.pricing?.refusal && <Alert type="warning" showIcon title={u.pricing.refusal} />}
                  {local && local.ok && u?.pricing?.quote && local.terms.advance !== toMinor(u.pricing.quote.advanceMinor ?? 0) && (
                    <Alert type="warning" showIcon title={t('bank.app.pricingMismatch')} />
                  )}
                  {local && !local.ok && <Alert type="warning" showIcon title={t(`bank.app.pricingError.${local.reason}`)} />}
                  <Typography.Text type="secondary">{t('bank.app.pricingNote')}</Typography.Text>
                </Space>
              </Card>
              {open && (
                <Card title={t('bank.app.decision')}>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {iAmMaker && <Alert type="info" showIcon title={t('fourEyes.youApproved')} />}
                    {a.status === 'AWAITING_SECOND_APPROVAL' && !iAmMaker && (
                      <Alert type="info" showIcon title={t('fourEyes.youCheck', { maker: a.approval?.maker?.name, rate: formatBps(a.approval?.proposedRateBps ?? 0, language) })} />
                    )}
                    <ProblemAlert error={approve.error ?? reject.error} />
                    <Space>
                      <Button
                        type="primary"
                        disabled={bps == null || iAmMaker}
                        loading={approve.isPending}
                        data-testid="approve"
                        onClick={async () => {
                          if (bps == null) return;
                          const applicant = await lookup('SUPPLIER', a.applicantId);
                          const confirmed = await confirm({
                            title: t('confirm.approve.title', { application: a.id }),
                            amount: { minor: local?.ok ? local.terms.advance : face, currency },
                            counterparty: { id: a.applicantId ?? '', name: applicant?.name, label: t('field.applicant') },
                            consequence: t(a.status === 'AWAITING_SECOND_APPROVAL' || !u?.needsTwoApprovers ? 'confirm.approve.final' : 'confirm.approve.first'),
                            okText: a.status === 'AWAITING_SECOND_APPROVAL' ? t('fourEyes.confirm') : t('action.approve'),
                          });
                          if (!confirmed) return;
                          approve.mutate(
                            { id: applicationId, annualRateBps: bps },
                            { onSuccess: (r) => message.success(t('bank.app.approvedMsg', { status: t(`status.${r.status}`) })) },
                          );
                        }}
                      >
                        {a.status === 'AWAITING_SECOND_APPROVAL' ? t('fourEyes.confirm') : t('action.approve')}
                      </Button>
                      <Button danger onClick={() => setRejectOpen(true)} data-testid="reject">{t('action.reject')}</Button>
                    </Space>
                  </Space>
                </Card>
              )}
              {a.status === 'APPROVED' && (
                <Card title={t('bank.app.disburseTitle')}>
                  <Space wrap align="end">
                    <div style={{ width: 320 }}>
                      <label htmlFor="disbursement" className="field-label">{t('bank.app.disbursement')}</label>
                      <Input id="disbursement" value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} />
                    </div>
                    <Button
                      type="primary"
                      disabled={!reference.trim()}
                      loading={disburse.isPending}
                      data-testid="disburse"
                      onClick={() => disburse.mutate({ id: applicationId, reference: reference.trim() })}
                    >
                      {t('bank.app.disburse')}
                    </Button>
                  </Space>
                  <ProblemAlert error={disburse.error} />
                </Card>
              )}
              <Card title={t('financing.status.documents')}>
                <DocumentList documents={a.documents} load={(documentId) => fetchFinancingDocument(applicationId, documentId)} />
              </Card>
              <Card title={t('financing.status.timeline')}>
                <StatusTimeline app={a} />
              </Card>
              <Modal
                open={rejectOpen}
                title={t('bank.app.rejectTitle')}
                okText={t('action.reject')}
                okButtonProps={{ danger: true, disabled: !reason.trim(), loading: reject.isPending }}
                onCancel={() => setRejectOpen(false)}
                onOk={() => reject.mutate({ id: applicationId, reason: reason.trim() }, { onSuccess: () => setRejectOpen(false) })}
              >
                <label htmlFor="bank-reject-reason" className="field-label">{t('field.reason')}</label>
                <Input.TextArea id="bank-reject-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
                <Alert type="warning" showIcon title={t('confirm.irreversible')} description={t('confirm.rejectApplication.consequence')} style={{ margin: '8px 0' }} />
                <ProblemAlert error={reject.error} />
              </Modal>
            </Space>
          );
        }}
      </QueryView>
    </>
  );
}
