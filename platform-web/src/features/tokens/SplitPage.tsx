import { Card, Result, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/client';
import { useSplitToken, useToken } from '../../api/tokens';
import type { SplitOutput, SplitResult, TokenView } from '../../api/types';
import { ButtonLink } from '../../components/ButtonLink';
import { useConfirmAction, type Party } from '../../components/ConfirmAction';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useSession } from '../../lib/auth';
import { sumMinor } from '../../lib/money';
import { SplitTransferForm } from './SplitTransferForm';

export function SplitPage() {
  const { tokenId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const token = useToken(tokenId);
  // one key per intended split: a retry after a lost answer cannot split twice
  const key = useRef<{ body: string; key: string } | null>(null);
  const split = useSplitToken(tokenId);
  const confirm = useConfirmAction();
  const send = async (outputs: SplitOutput[], recipients: Party[]) => {
    const holder = session.user.enterpriseId;
    const confirmed = await confirm({
      title: t('confirm.split.title', { count: outputs.length }),
      amount: { minor: sumMinor(outputs.filter((o) => o.recipient !== holder).map((o) => o.amountMinor ?? 0)), currency: token.data?.token?.currency ?? 'CNY' },
      counterparty: recipients.length ? { parties: recipients, label: t('confirm.split.recipients') } : undefined,
      consequence: t('confirm.split.consequence'),
      okText: t('split.submit'),
    });
    if (!confirmed) return;
    const body = JSON.stringify(outputs);
    if (!key.current || key.current.body !== body) key.current = { body, key: newIdempotencyKey('split') };
    split.mutate({ outputs, idempotencyKey: key.current.key }, { onSuccess: setDone });
  };
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
      <QueryView query={token}>
        {({ token: tok = {} }) =>
          done ? (
            <Result
              status="success"
              title={t('split.done')}
              subTitle={
                <span>
                  {t('split.doneSaid')} {done.transactionId && <Typography.Text code>{done.transactionId}</Typography.Text>}
                </span>
              }
              extra={
                <ButtonLink to="/supplier/tokens" type="primary">{t('nav.tokens')}</ButtonLink>
              }
            >
              {done.created && (
                <Table
                  size="small"
                  rowKey="tokenId"
                  pagination={false}
                  dataSource={done.created}
                  columns={[
                    {
                      title: t('field.token'),
                      dataIndex: 'tokenId',
                      // the parts transferred belong to their recipients now: only the caller's own open as a page
                      render: (id: string, x: TokenView) =>
                        x.holderId === session.user.enterpriseId ? <Link to={`/supplier/tokens/${encodeURIComponent(id)}`}>{id}</Link> : <Typography.Text>{id}</Typography.Text>,
                    },
                    { title: t('field.holder'), dataIndex: 'holderId' },
                    { title: t('field.amount'), align: 'right', render: (_, x) => <Money minor={x.amountMinor} currency={x.currency} /> },
                    { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                  ]}
                />
              )}
            </Result>
          ) : (
            <Card style={{ maxWidth: 820 }}>
              <ProblemAlert error={split.error} />
              <SplitTransferForm
                token={tok}
                holderId={session.user.enterpriseId ?? tok.holderId ?? ''}
                busy={split.isPending}
                onSubmit={send}
              />
            </Card>
          )
        }
      </QueryView>
    </>
  );
}
