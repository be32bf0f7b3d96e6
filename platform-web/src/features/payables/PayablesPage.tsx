import { Card, DatePicker, Form, Input, Select, Table } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePayables, type PayableFilter } from '../../api/payables';
import { PAYABLE_STATUSES } from '../../api/statuses';
import type { PayableView } from '../../api/types';
import { ButtonLink } from '../../components/ButtonLink';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { useSession } from '../../lib/auth';

export function PayablesPage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const session = useSession();
  const [filter, setFilter] = useState<PayableFilter>({});
  const query = usePayables(filter);
  return (
    <>
      <PageHeader
        title={t('core.payables.title')}
        extra={session.user.role === 'CORE' && <ButtonLink to="/core/payables/new" type="primary">{t('nav.registerPayable')}</ButtonLink>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" aria-label={t('common.filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('field.status')} htmlFor="pf-status">
            <Select id="pf-status" allowClear style={{ width: 180 }} placeholder={t('common.all')} value={filter.status} onChange={(v) => setFilter((f) => ({ ...f, status: v }))} options={PAYABLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item label={t('field.beneficiary')} htmlFor="pf-beneficiary">
            <Input id="pf-beneficiary" allowClear style={{ width: 180 }} onChange={(e) => setFilter((f) => ({ ...f, beneficiaryId: e.target.value || undefined }))} />
          </Form.Item>
          <Form.Item label={t('field.maturity')}>
            <DatePicker.RangePicker aria-label={t('field.maturity')} onChange={(r: [Dayjs | null, Dayjs | null] | null) => setFilter((f) => ({ ...f, maturityFrom: r?.[0]?.format('YYYY-MM-DD'), maturityTo: r?.[1]?.format('YYYY-MM-DD') }))} />
          </Form.Item>
        </Form>
      </Card>
      <QueryView query={query}>
        {(rows) => (
          <Table<PayableView>
            rowKey={(p) => `${p.obligorId}/${p.payableId}`}
            dataSource={rows.filter((p) => (!filter.status || p.status === filter.status) && (!filter.beneficiaryId || (p.beneficiaryId ?? '').includes(filter.beneficiaryId)))}
            data-testid="payable-table"
            columns={[
              { title: t('field.payable'), render: (_, p) => <Link to={`/core/payables/${encodeURIComponent(p.payableId ?? '')}`}>{p.payableId}</Link> },
              { title: t('field.beneficiary'), dataIndex: 'beneficiaryId' },
              { title: t('field.amount'), align: 'right', render: (_, p) => <Money minor={p.amountMinor} currency={p.currency} /> },
              { title: t('field.issueDate'), dataIndex: 'issueDate', render: (d: string) => date(d) },
              { title: t('field.maturity'), dataIndex: 'maturityDate', sorter: (a, b) => (a.maturityDate ?? '').localeCompare(b.maturityDate ?? ''), render: (d: string) => date(d) },
              { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
