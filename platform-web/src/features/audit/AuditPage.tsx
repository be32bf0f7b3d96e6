import { Button, Card, DatePicker, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuditEntries, useChainVerification, type AuditFilter } from '../../api/audit';
import { useVerification } from '../../api/financing';
import type { AuditEntry, ChainVerification, RecordVerification } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { tokenHistoryPath } from '../../lib/auditPaths';
import { useSession } from '../../lib/auth';
import { AnchorsCard } from './AnchorsCard';

const RECORD_TYPES = ['FINANCING_APPLICATION', 'KYC'] as const;

/** An outcome as a tag in the outcome's colour with dark text, readable at WCAG AA as StatusTag's are. */
function OutcomeTag({ good, children }: { good: boolean | undefined; children: ReactNode }) {
  return <Tag color={good === undefined ? 'default' : good ? 'green' : 'red'} style={{ color: '#1f1f1f' }}>{children}</Tag>;
}

function ChainCard() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const chain = useChainVerification(asked);
  const v: ChainVerification | undefined = chain.data;
  return (
    <Card title={t('audit.chain.title')}>
      <Typography.Paragraph type="secondary">{t('audit.chain.help')}</Typography.Paragraph>
      <Button onClick={() => (asked ? void chain.refetch() : setAsked(true))} loading={chain.isFetching} data-testid="verify-chain">
        {t('audit.chain.verify')}
      </Button>
      <ProblemAlert error={chain.error} />
      {v && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="chain-result" data-status={v.status}>
          <Descriptions.Item label={t('audit.chain.result')}>
            <OutcomeTag good={v.status === 'INTACT'}>{t(`audit.chain.${v.status ?? 'BROKEN'}`)}</OutcomeTag>
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.chain.checked')}>{t('audit.chain.checkedCount', { checked: v.entriesChecked, total: v.totalEntries })}</Descriptions.Item>
          {v.firstBroken && (
            <Descriptions.Item label={t('audit.chain.firstBroken')}>
              #{v.firstBroken.seq} · {t(`audit.break.${v.firstBroken.reason}`, { defaultValue: v.firstBroken.reason })}
            </Descriptions.Item>
          )}
          {v.checkpoint && (
            <Descriptions.Item label={t('audit.chain.checkpoint')}>
              {t(`audit.checkpoint.${v.checkpoint.status}`, { defaultValue: v.checkpoint.status })}
              {v.checkpoint.seq != null && ` · #${v.checkpoint.seq}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

export interface RecordRef {
  type: string;
  id: string;
}

/** Verifies the record asked for, here or from the anchors list (which fills the form in too). */
function RecordCard({ asked, onAsk }: { asked: RecordRef | null; onAsk: (r: RecordRef) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const [type, setType] = useState<string>(RECORD_TYPES[0]);
  const [id, setId] = useState('');
  const [shown, setShown] = useState<RecordRef | null>(null);
  if (asked && asked !== shown) {
    // a record picked from the anchors list: show it in the form, as if typed
    setShown(asked);
    setType(asked.type);
    setId(asked.id);
  }
  const setAsked = (r: RecordRef) => {
    setShown(r);
    onAsk(r);
  };
  const verification = useVerification(asked?.type ?? type, asked?.id ?? '', !!asked);
  const r: RecordVerification | undefined = asked ? verification.data : undefined;
  return (
    <Card title={t('audit.record.title')} id="verify-record-card">
      <Space wrap>
        <Select
          aria-label={t('audit.record.type')}
          value={type}
          onChange={setType}
          style={{ width: 220 }}
          options={RECORD_TYPES.map((x) => ({ value: x, label: t(`audit.record.types.${x}`) }))}
        />
        <Input
          id="verify-record-id"
          aria-label={t('audit.record.id')}
          placeholder={t('audit.record.id')}
          value={id}
          onChange={(e) => setId(e.target.value)}
          style={{ width: 260 }}
          autoComplete="off"
        />
        <Button type="primary" disabled={!id.trim()} loading={verification.isFetching} onClick={() => setAsked({ type, id: id.trim() })} data-testid="verify-record">
          {t('audit.record.verify')}
        </Button>
      </Space>
      <ProblemAlert error={asked ? verification.error : null} />
      {r && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="record-result" data-status={r.status}>
          <Descriptions.Item label={t('audit.record.result')}>
            <StatusTag status={r.status} />
            {t(`audit.record.explain.${r.status ?? 'NOT_ANCHORED'}`)}
          </Descriptions.Item>
          {r.anchoredAt && <Descriptions.Item label={t('audit.record.anchoredAt')}>{dateTime(r.anchoredAt)}</Descriptions.Item>}
          <Descriptions.Item label={t('audit.record.fingerprints')}>
            <details>
              <summary>{t('timeline.details')}</summary>
              <div>{t('audit.record.computed')}: <Typography.Text code style={{ fontSize: 11 }}>{r.computedHash}</Typography.Text></div>
              {r.anchoredHash && <div>{t('audit.record.anchored')}: <Typography.Text code style={{ fontSize: 11 }}>{r.anchoredHash}</Typography.Text></div>}
              {r.anchoredByTx && <div>{t('error.transaction')}: <Typography.Text code style={{ fontSize: 11 }}>{r.anchoredByTx}</Typography.Text></div>}
            </details>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** "POST /api/v1/tokens/{tokenId}/split" -> the words for it, or the route itself where none exist. */
function actionWords(action: string | undefined, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!action) return '';
  const key = action.replace(/^(\w+) \/api\/v1\//, '$1 ').replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return t(`audit.action.${key}`, { defaultValue: action });
}

/** The token an entry acted on, when its route names one: its history is one click away. */
function entryToken(e: AuditEntry): string | undefined {
  const id = (e.target as Record<string, unknown> | undefined)?.tokenId;
  return typeof id === 'string' ? id : undefined;
}

/** The filter form: text fields apply on Enter or on leaving them, the date range at once. */
function EntryFilters({ onChange }: { onChange: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<AuditFilter>({});
  const apply = (next: AuditFilter) => {
    setF(next);
    onChange(next);
  };
  const text = (key: 'enterpriseId' | 'actor' | 'action', label: string) => (
    <Input.Search
      aria-label={label}
      placeholder={label}
      allowClear
      onSearch={(v) => apply({ ...f, [key]: v.trim() || undefined })}
      style={{ width: 180 }}
      data-testid={`audit-filter-${key}`}
    />
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {text('actor', t('audit.entries.actor'))}
      {text('action', t('audit.entries.action'))}
      {text('enterpriseId', t('audit.entries.enterprise'))}
      <DatePicker.RangePicker
        aria-label={t('audit.entries.dates')}
        placeholder={[t('audit.entries.from'), t('audit.entries.to')]}
        onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
          apply({
            ...f,
            from: r?.[0]?.startOf('day').toISOString(),
            // the last day is included: up to the start of the day after it
            to: r?.[1]?.startOf('day').add(1, 'day').toISOString(),
          })
        }
      />
    </Space>
  );
}

function EntriesCard({ readsTokens }: { readsTokens: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const [filter, setFilter] = useState<AuditFilter>({});
  const entries = useAuditEntries(filter);
  const rows = entries.data?.pages.flat() ?? [];
  return (
    <Card title={t('audit.entries.title')}>
      <EntryFilters onChange={setFilter} />
      <ProblemAlert error={entries.error} />
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        pagination={false}
        loading={entries.isFetching && rows.length === 0}
        dataSource={rows}
        scroll={{ x: true }}
        data-testid="audit-entries"
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.entries.when'), dataIndex: 'occurredAt', render: (d: string) => dateTime(d) },
          { title: t('audit.entries.who'), key: 'who', render: (_: unknown, e) => `${e.actorName ?? e.actorId ?? ''}${e.enterpriseId ? ` · ${e.enterpriseId}` : ''}` },
          { title: t('audit.entries.what'), dataIndex: 'action', render: (a: string) => <span title={a}>{actionWords(a, t)}</span> },
          {
            title: t('audit.entries.outcome'),
            key: 'outcome',
            render: (_: unknown, e) => (
              <OutcomeTag good={e.httpStatus != null && e.httpStatus < 400}>
                {e.httpStatus != null && e.httpStatus < 400 ? t('audit.entries.done') : t(`problem.${e.problemCode ?? 'UNKNOWN'}`, { defaultValue: e.problemCode ?? t('audit.entries.refused') })}
              </OutcomeTag>
            ),
          },
          {
            title: t('audit.entries.ledger'),
            key: 'ledger',
            render: (_: unknown, e) => (e.ledgerTransactions ?? []).filter((x) => x.committed).map((x) => x.transaction).join(', '),
          },
          ...(readsTokens
            ? [{
                title: t('field.token'),
                key: 'token',
                render: (_: unknown, e: AuditEntry) => {
                  const token = entryToken(e);
                  return token ? <Link to={tokenHistoryPath(token)}>{t('audit.history.open')}</Link> : null;
                },
              }]
            : []),
        ]}
      />
      {entries.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
          {t('audit.entries.older')}
        </Button>
      )}
    </Card>
  );
}

/** Any token's history by its id, for a token the auditor knows from elsewhere (a payable, a complaint). */
function TokenLookupCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t('audit.history.title')}>
      <Input.Search
        aria-label={t('audit.history.tokenId')}
        placeholder={t('audit.history.tokenId')}
        enterButton={t('audit.history.open')}
        onSearch={(v) => v.trim() && navigate(tokenHistoryPath(v.trim()))}
        style={{ maxWidth: 520 }}
        data-testid="token-history-lookup"
      />
    </Card>
  );
}

/** The auditor's desk: is the audit log intact, does a record still match its ledger anchor, and what was done. */
export function AuditDesk({ readsTokens }: { readsTokens: boolean }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<RecordRef | null>(null);
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ChainCard />
        <RecordCard asked={record} onAsk={setRecord} />
        <AnchorsCard
          onVerify={(r) => {
            setRecord(r);
            document.getElementById('verify-record-card')?.scrollIntoView?.({ block: 'start' });
          }}
        />
        {readsTokens && <TokenLookupCard />}
        <EntriesCard readsTokens={readsTokens} />
      </Space>
    </>
  );
}

/** Token histories are for auditors (platform admins hold no token scope: the API would refuse them). */
export function AuditPage() {
  return <AuditDesk readsTokens={useSession().user.role === 'AUDITOR'} />;
}
