import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useTokenHistory } from '../../api/tokens';
import type { TokenHistoryEntry } from '../../api/types';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { useSession } from '../../lib/auth';

/** A token's versions from the ledger, newest first: when, by which transaction, signed by whom, and the state it left. */
export function TokenHistory({ tokenId }: { tokenId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const history = useTokenHistory(tokenId);
  return (
    <QueryView query={history}>
      {(entries) => (
        <Card title={t('audit.history.versions', { count: entries.length })}>
          <Table<TokenHistoryEntry>
            size="small"
            rowKey={(e) => e.transactionId ?? ''}
            pagination={false}
            dataSource={entries}
            scroll={{ x: true }}
            data-testid="token-history"
            columns={[
              { title: t('audit.history.when'), dataIndex: 'timestamp', render: (d: string) => dateTime(d) },
              {
                title: t('audit.history.signer'),
                key: 'signer',
                render: (_: unknown, e) => (
                  <span>
                    {e.signer?.commonName ?? t('audit.history.noName')}
                    <Typography.Text type="secondary"> · {e.signer?.mspId}</Typography.Text>
                  </span>
                ),
              },
              { title: t('field.holder'), key: 'holder', render: (_: unknown, e) => e.state?.holderId },
              { title: t('field.amount'), key: 'amount', align: 'right', render: (_: unknown, e) => (e.state ? <Money minor={e.state.amountMinor} currency={e.state.currency} /> : null) },
              {
                title: t('field.status'),
                key: 'status',
                render: (_: unknown, e) => (e.deleted ? t('audit.history.deleted') : <StatusTag status={e.state?.status} />),
              },
              {
                title: t('audit.history.transaction'),
                key: 'tx',
                render: (_: unknown, e) => (
                  <details>
                    <summary>{t('timeline.details')}</summary>
                    <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>{e.transactionId}</Typography.Text>
                  </details>
                ),
              },
            ]}
          />
        </Card>
      )}
    </QueryView>
  );
}

export function TokenHistoryPage() {
  const { tokenId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const back = session.user.role === 'SUPPLIER'
    ? { to: `/supplier/tokens/${encodeURIComponent(tokenId)}`, label: tokenId }
    : { to: '/audit', label: t('nav.audit') };
  return (
    <>
      <PageHeader title={t('audit.history.title')} crumbs={[back, { label: t('audit.history.crumb') }]} />
      <Typography.Paragraph type="secondary">{t('audit.history.help', { tokenId })}</Typography.Paragraph>
      <TokenHistory tokenId={tokenId} />
    </>
  );
}
