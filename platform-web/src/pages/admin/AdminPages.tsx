import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Typography, App, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction, useQuery } from '../../api/hooks';
import { createEnterprise, createUser, decideKyc, enrollIdentity, listEnterprises, listKyc, registerOnLedger } from '../../api/endpoints';
import type { Enterprise, KycApplication } from '../../api/models';
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

export function KycQueuePage() {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const [status, setStatus] = useState('SUBMITTED');
  const query = useQuery(() => listKyc(status), [status]);
  const decide = useAction(decideKyc);
  const act = async (a: KycApplication, d: 'review' | 'approve' | 'reject' | 'request-documents') => {
    let reason: string | undefined;
    if (d === 'reject' || d === 'request-documents') {
      reason = window.prompt(t('field.reason')) ?? undefined;
      if (!reason) return;
    }
    if (await decide.run(a.id, d, reason)) query.reload();
  };
  return (
    <>
      <PageHeader title={t('admin.kyc.title')} />
      <Tabs activeKey={status} onChange={setStatus} items={['SUBMITTED', 'UNDER_REVIEW', 'MORE_DOCUMENTS_REQUESTED', 'APPROVED', 'REJECTED'].map((s) => ({ key: s, label: t(`status.${s}`) }))} />
      <ProblemAlert error={decide.error} />
      <QueryView query={query} what={t('endpoint.kyc')} issue={5}>
        {(list) => (
          <Table<KycApplication>
            rowKey="id"
            dataSource={list}
            columns={[
              { title: t('admin.kyc.legalName'), dataIndex: 'legalName' },
              { title: t('admin.kyc.uscc'), dataIndex: 'unifiedSocialCreditCode', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
              { title: t('field.role'), dataIndex: 'role' },
              { title: t('field.requestedAt'), dataIndex: 'submittedAt', render: (d: string) => dateTime(d) },
              { title: t('admin.kyc.firstReviewer'), dataIndex: 'reviewedBy', render: (r?: string) => r ?? '—' },
              { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
              {
                title: t('common.actions'),
                render: (_, a) => (
                  <Space wrap>
                    {a.status === 'SUBMITTED' && <Button size="small" onClick={() => act(a, 'review')}>{t('admin.kyc.review')}</Button>}
                    {a.status === 'UNDER_REVIEW' && <Button size="small" type="primary" onClick={() => act(a, 'approve')}>{t('action.approve')}</Button>}
                    {(a.status === 'SUBMITTED' || a.status === 'UNDER_REVIEW') && (
                      <>
                        <Button size="small" onClick={() => act(a, 'request-documents')}>{t('admin.kyc.moreDocs')}</Button>
                        <Button size="small" danger onClick={() => act(a, 'reject')}>{t('action.reject')}</Button>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
