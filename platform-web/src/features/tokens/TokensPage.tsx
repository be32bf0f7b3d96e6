import { Card, DatePicker, Form, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useBusinessDay } from '../../api/settings';
import { TOKEN_STATUSES } from '../../api/statuses';
import { useTokens, type TokenFilter } from '../../api/tokens';
import type { TokenView } from '../../api/types';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { daysBetween } from '../../lib/dates';
import { toMinor } from '../../lib/money';

const compareMinor = (a = 0, b = 0) => {
  const x = toMinor(a);
  const y = toMinor(b);
  return x < y ? -1 : x > y ? 1 : 0;
};


/** The filters also apply here, so the table is right whether or not the API honoured every one of them. */
function applyTokenFilter(tokens: TokenView[], f: TokenFilter): TokenView[] {
  return tokens.filter(
    (x) =>
      (!f.status || x.status === f.status) &&
      (!f.obligorId || (x.obligorId ?? '').toLowerCase().includes(f.obligorId.toLowerCase())) &&
      (!f.maturityFrom || (x.maturityDate ?? '') >= f.maturityFrom) &&
      (!f.maturityTo || (x.maturityDate ?? '') <= f.maturityTo),
  );
}

export function TokensPage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const [filter, setFilter] = useState<TokenFilter>({});
  const query = useTokens(filter);
  const today = useBusinessDay().today;
  const statusOptions = useMemo(() => TOKEN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), [t]);

  return (
    <>
      <PageHeader title={t('supplier.tokens.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" aria-label={t('common.filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('field.status')} htmlFor="filter-status">
            <Select
              id="filter-status"
              allowClear
              style={{ width: 180 }}
              options={statusOptions}
              value={filter.status}
              onChange={(v) => setFilter((f) => ({ ...f, status: v }))}
              placeholder={t('common.all')}
            />
          </Form.Item>
          <Form.Item label={t('field.obligor')} htmlFor="filter-obligor">
            <Input id="filter-obligor" allowClear style={{ width: 180 }} onChange={(e) => setFilter((f) => ({ ...f, obligorId: e.target.value || undefined }))} />
          </Form.Item>
          <Form.Item label={t('field.maturity')}>
            <DatePicker.RangePicker
              aria-label={t('field.maturity')}
              onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
                setFilter((f) => ({ ...f, maturityFrom: r?.[0]?.format('YYYY-MM-DD'), maturityTo: r?.[1]?.format('YYYY-MM-DD') }))
              }
            />
          </Form.Item>
        </Form>
      </Card>
      <QueryView query={query}>
        {(tokens) => {
          const rows = applyTokenFilter(tokens, filter);
          return (
            <Table<TokenView>
              rowKey="tokenId"
              dataSource={rows}
              data-testid="token-table"
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                {
                  title: t('field.token'),
                  dataIndex: 'tokenId',
                  render: (id: string) => (
                    <Link to={`/supplier/tokens/${encodeURIComponent(id)}`} title={id}>
                      <Typography.Text code>{id.length > 16 ? `${id.slice(0, 10)}…${id.slice(-4)}` : id}</Typography.Text>
                    </Link>
                  ),
                },
                { title: t('field.payable'), dataIndex: 'payableId' },
                { title: t('field.obligor'), dataIndex: 'obligorId' },
                {
                  title: t('field.amount'),
                  align: 'right',
                  sorter: (a, b) => compareMinor(a.amountMinor, b.amountMinor),
                  render: (_, x) => <Money minor={x.amountMinor} currency={x.currency} />,
                },
                {
                  title: t('field.maturity'),
                  dataIndex: 'maturityDate',
                  sorter: (a, b) => (a.maturityDate ?? '').localeCompare(b.maturityDate ?? ''),
                  render: (d: string) => date(d),
                },
                {
                  title: t('field.daysLeft'),
                  align: 'right',
                  render: (_, x) => {
                    const n = daysBetween(today, x.maturityDate ?? today);
                    return n >= 0 ? n : t('common.matured');
                  },
                },
                { title: <Tooltip title={t('field.tierTip')}>{t('field.tier')}</Tooltip>, dataIndex: 'tier', align: 'right', render: (tier?: number) => (tier == null ? '' : t('field.tierN', { n: tier + 1 })) },
                { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
              ]}
            />
          );
        }}
      </QueryView>
    </>
  );
}
