import { useRef, useState } from 'react';
import { Card, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import { getToken, splitToken, type SplitResult } from '../../api/endpoints';
import { newIdempotencyKey } from '../../api/client';
import { amountOf } from '../../api/models';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { NotAvailable } from '../../components/NotAvailable';
import { SplitTransferForm, type SplitOutputRequest } from '../../components/SplitTransferForm';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { useSession } from '../../auth/AuthContext';

export function SplitPage() {
  const { tokenId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const token = useQuery(async () => (await getToken(tokenId)).token, [tokenId]);
  // one key per intended split: a retry after a lost answer cannot split twice
  const key = useRef<{ body: string; key: string } | null>(null);
  const split = useAction((outputs: SplitOutputRequest[]) => {
    const body = JSON.stringify(outputs);
    if (!key.current || key.current.body !== body) key.current = { body, key: newIdempotencyKey('split') };
    return splitToken(tokenId, outputs, key.current.key);
  });
  const [done, setDone] = useState<SplitResult>();

  return (
    <>
      <PageHeader
        title={t('split.title')}
        crumbs={[
          { to: '/supplier/tokens', label: t('nav.tokens') },
          { to: `/supplier/tokens/${encodeURIComponent(tokenId)}`, label: tokenId },
          { label: t('split.title') },
        ]}
      />
      <QueryView query={token} what={t('endpoint.token')} issue={4}>
        {(tok) =>
          done ? (
            <Result
              status="success"
              title={t('split.done')}
              subTitle={done.transactionId && <Typography.Text code>{done.transactionId}</Typography.Text>}
              extra={
                <ButtonLink to="/supplier/tokens" type="primary">{t('nav.tokens')}</ButtonLink>
              }
            >
              {done.created && (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={done.created}
                  columns={[
                    {
                      title: t('field.token'),
                      dataIndex: 'id',
                      // the parts transferred belong to their recipients now: only the caller's own open as a page
                      render: (id: string, x) =>
                        x.holderId === session.user.enterpriseId ? <Link to={`/supplier/tokens/${encodeURIComponent(id)}`}>{id}</Link> : <Typography.Text>{id}</Typography.Text>,
                    },
                    { title: t('field.holder'), dataIndex: 'holderId' },
                    { title: t('field.amount'), align: 'right', render: (_, x) => <Money minor={amountOf(x)} currency={x.currency} /> },
                    { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                  ]}
                />
              )}
            </Result>
          ) : (
            <Card style={{ maxWidth: 820 }}>
              {split.error?.endpointMissing ? (
                <NotAvailable what={t('endpoint.split')} issue={4} error={split.error} />
              ) : (
                <ProblemAlert error={split.error} />
              )}
              <SplitTransferForm
                token={tok}
                holderId={session.user.enterpriseId ?? tok.holderId}
                busy={split.busy}
                onSubmit={async (outputs) => {
                  const r = await split.run(outputs);
                  if (r) setDone(r);
                }}
              />
            </Card>
          )
        }
      </QueryView>
    </>
  );
}
