import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Timeline, Typography, App, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction, useQuery } from '../../api/hooks';
import {
  approveKyc,
  createEnterprise,
  createUser,
  enrollIdentity,
  getKyc,
  listEnterprises,
  listKyc,
  registerOnLedger,
  rejectKyc,
  requestKycDocuments,
  resumeKycActivation,
  reviewKyc,
} from '../../api/endpoints';
import type { Enterprise, KycSummary } from '../../api/models';
import { DocumentList } from '../supplier/FinancingPages';
import { useSession } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';

type EnterpriseRole = 'CORE' | 'SUPPLIER' | 'BANK' | 'PLATFORM';
type UserRole = 'PLATFORM_ADMIN' | 'CORE' | 'SUPPLIER' | 'BANK' | 'AUDITOR';

function CreateEnterpriseModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ id: string; name: string; role: EnterpriseRole; kycHash?: string }>();
  const create = useAction(createEnterprise);
  return (
    <Modal open={open} title={t('admin.enterprises.create')} okText={t('action.create')} okButtonProps={{ loading: create.busy }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'SUPPLIER' }}
        onFinish={async (v) => {
          if (await create.run({ ...v, kycHash: v.kycHash?.trim() || undefined })) {
            onCreated();
            onClose();
          }
        }}
      >
        <Form.Item label={t('admin.enterprises.id')} name="id" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Z0-9][A-Z0-9_-]{2,63}$/, message: t('admin.enterprises.idFormat') }]}>
          <Input autoComplete="off" onChange={(e) => form.setFieldValue('id', e.target.value.toUpperCase())} />
        </Form.Item>
        <Form.Item label={t('admin.enterprises.name')} name="name" rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('field.role')} name="role" rules={[{ required: true }]}>
          <Select options={(['CORE', 'SUPPLIER', 'BANK'] as const).map((r) => ({ value: r, label: t(`enterpriseRole.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('admin.enterprises.kycHash')} name="kycHash" rules={[{ pattern: /^[0-9a-f]{64}$/, message: t('core.register.hex') }]} extra={t('admin.enterprises.kycHashHelp')}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <ProblemAlert error={create.error} />
      </Form>
    </Modal>
  );
}

function AddUserModal({ enterprise, onClose }: { enterprise?: Enterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; password: string; role: UserRole }>();
  const add = useAction((v: { username: string; password: string; role: UserRole }) => createUser(enterprise!.id!, v));
  const roles: UserRole[] = enterprise?.role === 'PLATFORM' ? ['PLATFORM_ADMIN', 'AUDITOR'] : [enterprise?.role as UserRole];
  return (
    <Modal open={!!enterprise} title={t('admin.users.create', { enterprise: enterprise?.id })} okText={t('action.create')} okButtonProps={{ loading: add.busy }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: roles[0] }}
        onFinish={async (v) => {
          if (await add.run(v)) {
            message.success(t('admin.users.created', { username: v.username }));
            onClose();
          }
        }}
      >
        <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9._@-]{3,100}$/, message: t('admin.users.usernameFormat') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('common.required') }, { min: 12, message: t('admin.users.passwordLength') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('field.role')} name="role">
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <ProblemAlert error={add.error} />
      </Form>
    </Modal>
  );
}

/** Bring an enterprise onto the ledger: enroll its identity at its organisation's CA, then register it (signed by the operator). */
function OnboardButton({ e, onDone }: { e: Enterprise; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState(0);
  const run = useAction(async () => {
    setStep(1);
    await enrollIdentity(e.id!);
    setStep(2);
    await registerOnLedger(e.id!);
    setStep(3);
    return true;
  });
  if (e.status === 'ACTIVE' || e.role === 'PLATFORM') return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`onboard-${e.id}`}>
        {t('admin.onboard.button')}
      </Button>
      <Modal
        open={open}
        title={t('admin.onboard.title', { enterprise: e.id })}
        okText={step === 3 ? t('common.close') : t('admin.onboard.start')}
        okButtonProps={{ loading: run.busy }}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          if (step === 3) {
            setOpen(false);
            onDone();
            return;
          }
          await run.run();
        }}
      >
        <Steps
          direction="vertical"
          size="small"
          current={step}
          status={run.error ? 'error' : step === 3 ? 'finish' : 'process'}
          items={[{ title: t('admin.onboard.ready') }, { title: t('admin.onboard.enroll') }, { title: t('admin.onboard.register') }, { title: t('admin.onboard.active') }]}
        />
        <ProblemAlert error={run.error} />
      </Modal>
    </>
  );
}

export function EnterprisesPage() {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const query = useQuery(listEnterprises, []);
  const [creating, setCreating] = useState(false);
  const [addUser, setAddUser] = useState<Enterprise>();
  const [role, setRole] = useState<string>();
  const [search, setSearch] = useState('');
  return (
    <>
      <PageHeader title={t('admin.enterprises.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('admin.enterprises.create')}</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <label htmlFor="ent-search">{t('common.search')}</label>
          <Input id="ent-search" allowClear style={{ width: 220 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="enterprise-search" />
          <label htmlFor="ent-role">{t('field.role')}</label>
          <Select id="ent-role" allowClear placeholder={t('common.all')} style={{ width: 160 }} value={role} onChange={setRole} options={['CORE', 'SUPPLIER', 'BANK', 'PLATFORM'].map((r) => ({ value: r, label: t(`enterpriseRole.${r}`) }))} />
        </Space>
      </Card>
      <QueryView query={query} what={t('endpoint.enterprises')}>
        {(list) => (
          <Table<Enterprise>
            rowKey="id"
            data-testid="enterprise-table"
            dataSource={list.filter(
              (e) => (!role || e.role === role) && (!search.trim() || `${e.id} ${e.name}`.toLowerCase().includes(search.trim().toLowerCase())),
            )}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('admin.enterprises.id'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
              { title: t('admin.enterprises.name'), dataIndex: 'name' },
              { title: t('field.role'), dataIndex: 'role', render: (r: string) => t(`enterpriseRole.${r}`, { defaultValue: r }) },
              { title: t('admin.enterprises.org'), dataIndex: 'org' },
              { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
              { title: t('admin.enterprises.kyc'), dataIndex: 'kycHash', render: (h?: string) => (h ? <Typography.Text code title={h}>{h.slice(0, 10)}…</Typography.Text> : '—') },
              { title: t('field.createdAt'), dataIndex: 'createdAt', render: (d: string) => dateTime(d) },
              {
                title: t('common.actions'),
                render: (_, e) => (
                  <Space>
                    <Button size="small" onClick={() => setAddUser(e)}>{t('admin.users.add')}</Button>
                    <OnboardButton e={e} onDone={query.reload} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <CreateEnterpriseModal open={creating} onClose={() => setCreating(false)} onCreated={query.reload} />
      <AddUserModal enterprise={addUser} onClose={() => setAddUser(undefined)} />
    </>
  );
}

const KYC_TABS: NonNullable<KycSummary['status']>[] = ['SUBMITTED', 'REVIEWED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED'];

/**
 * The KYC review queue, maker-checker: a first admin reviews (SUBMITTED -> REVIEWED), a different admin approves
 * (which enrolls the enterprise, registers it on the ledger and anchors the KYC record); either can send it back
 * for documents or reject it, with a reason.
 */
export function KycQueuePage() {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const session = useSession();
  const [status, setStatus] = useState<NonNullable<KycSummary['status']>>('SUBMITTED');
  const [openId, setOpenId] = useState<string>();
  const [ask, setAsk] = useState<{ id: string; kind: 'reject' | 'request-documents' }>();
  const [reason, setReason] = useState('');
  const query = useQuery(() => listKyc([status]), [status]);
  const detail = useQuery(() => getKyc(openId!), [openId], !!openId);
  const act = useAction(async (id: string, what: 'review' | 'approve' | 'reject' | 'request-documents' | 'activation', why?: string) => {
    switch (what) {
      case 'review':
        return reviewKyc(id);
      case 'approve':
        return approveKyc(id);
      case 'reject':
        return rejectKyc(id, why ?? '');
      case 'request-documents':
        return requestKycDocuments(id, why ?? '');
      default:
        return resumeKycActivation(id);
    }
  });
  const done = () => {
    query.reload();
    if (openId) detail.reload();
  };
  const actions = (a: KycSummary) => {
    const mineReview = a.reviewedBy?.id === session.user.id;
    return (
      <Space wrap>
        {a.status === 'SUBMITTED' && (
          <Button size="small" onClick={async () => (await act.run(a.id!, 'review')) && done()} data-testid={`kyc-review-${a.enterpriseId}`}>
            {t('admin.kyc.review')}
          </Button>
        )}
        {a.status === 'REVIEWED' && (
          <Button
            size="small"
            type="primary"
            disabled={mineReview}
            title={mineReview ? t('admin.kyc.notYourOwn') : undefined}
            onClick={async () => (await act.run(a.id!, 'approve')) && done()}
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
      <Tabs activeKey={status} onChange={(k) => setStatus(k as NonNullable<KycSummary['status']>)} items={KYC_TABS.map((s) => ({ key: s, label: t(`status.${s}`) }))} />
      <ProblemAlert error={act.error} />
      <QueryView query={query} what={t('endpoint.kyc')} issue={5}>
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
        <QueryView query={detail} what={t('endpoint.kyc')} issue={5}>
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
                <Button onClick={async () => (await act.run(k.id!, 'activation')) && done()}>{t('admin.kyc.resume')}</Button>
              )}
              <DocumentList documents={k.documents} />
              <Timeline
                items={(k.timeline ?? []).map((e) => ({
                  content: (
                    <span>
                      {e.toStatus && <StatusTag status={e.toStatus} />} {e.action} · {dateTime(e.at)} {e.actorName && `· ${e.actorName}`} {e.note && <div>{e.note}</div>}
                    </span>
                  ),
                }))}
              />
            </Space>
          )}
        </QueryView>
      </Drawer>
      <Modal
        open={!!ask}
        title={ask?.kind === 'reject' ? t('admin.kyc.rejectTitle') : t('admin.kyc.moreDocs')}
        okText={ask?.kind === 'reject' ? t('action.reject') : t('admin.kyc.moreDocs')}
        okButtonProps={{ danger: ask?.kind === 'reject', disabled: !reason.trim(), loading: act.busy }}
        onCancel={() => setAsk(undefined)}
        onOk={async () => {
          if (ask && (await act.run(ask.id, ask.kind, reason.trim()))) {
            setAsk(undefined);
            setReason('');
            done();
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
