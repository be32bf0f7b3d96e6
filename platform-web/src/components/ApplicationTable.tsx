import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FinancingSummary } from '../api/types';
import { Money } from './Money';
import { StatusTag } from './StatusTag';

export function ApplicationTable({ list, base, date }: { list: FinancingSummary[]; base: string; date: (d?: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table<FinancingSummary>
      rowKey="id"
      dataSource={list}
      data-testid="application-table"
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('field.application'), dataIndex: 'id', render: (id: string) => <Link to={`${base}/${encodeURIComponent(id)}`}>{id}</Link> },
        { title: t('field.applicant'), dataIndex: 'applicantId' },
        { title: t('field.bank'), dataIndex: 'bankId' },
        { title: t('field.obligor'), dataIndex: 'obligorId' },
        { title: t('field.amount'), align: 'right', render: (_, a) => <Money minor={a.faceAmountMinor} currency={a.currency} /> },
        { title: t('field.maturity'), dataIndex: 'maturityDate', render: (d: string) => date(d) },
        { title: t('field.requestedAt'), render: (_, a) => date(a.submittedAt) },
        { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
      ]}
    />
  );
}
