import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../../api/enterprises';
import type { Enterprise } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { AddUserModal } from './AddUserModal';
import { BusinessZoneCard } from './BusinessZoneCard';
import { CreateEnterpriseModal } from './CreateEnterpriseModal';
import { OnboardButton } from './OnboardButton';
import { SuspensionButton } from './SuspensionButton';

export function EnterprisesPage() {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const query = useEnterprises();
  const [creating, setCreating] = useState(false);
  const [addUser, setAddUser] = useState<Enterprise>();
  const [role, setRole] = useState<string>();
  const [search, setSearch] = useState('');
  return (
    <>
      <PageHeader title={t('admin.enterprises.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('admin.enterprises.create')}</Button>} />
      <BusinessZoneCard />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <label htmlFor="ent-search">{t('common.search')}</label>
          <Input id="ent-search" allowClear style={{ width: 220 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="enterprise-search" />
          <label htmlFor="ent-role">{t('field.role')}</label>
          <Select id="ent-role" allowClear placeholder={t('common.all')} style={{ width: 160 }} value={role} onChange={setRole} options={['CORE', 'SUPPLIER', 'BANK', 'PLATFORM'].map((r) => ({ value: r, label: t(`enterpriseRole.${r}`) }))} />
        </Space>
      </Card>
      <QueryView query={query}>
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
              {
                title: t('admin.enterprises.custody'), dataIndex: 'custody',
                render: (c?: string) => (c ? <Tag color={c === 'SELF' ? 'geekblue' : undefined}>{t(`admin.enterprises.custody${c}`, { defaultValue: c })}</Tag> : '—'),
              },
              { title: t('admin.enterprises.kyc'), dataIndex: 'kycHash', render: (h?: string) => (h ? <Typography.Text code title={h}>{h.slice(0, 10)}…</Typography.Text> : '—') },
              { title: t('field.createdAt'), dataIndex: 'createdAt', render: (d: string) => dateTime(d) },
              {
                title: t('common.actions'),
                render: (_, e) => (
                  <Space>
                    <Button size="small" onClick={() => setAddUser(e)}>{t('admin.users.add')}</Button>
                    <OnboardButton e={e} />
                    <SuspensionButton e={e} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <CreateEnterpriseModal open={creating} onClose={() => setCreating(false)} />
      <AddUserModal enterprise={addUser} onClose={() => setAddUser(undefined)} />
    </>
  );
}
