import { Card, Descriptions, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useBusinessDay } from '../../api/settings';
import { useToken } from '../../api/tokens';
import { ButtonLink } from '../../components/ButtonLink';
import { LineageTree } from '../../components/LineageTree';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { tokenHistoryPath } from '../../lib/auditPaths';
import { useSession } from '../../lib/auth';
import { daysBetween } from '../../lib/dates';

export function TokenPage() {
  const { tokenId = '' } = useParams();
  const { t } = useTranslation();
  const { date, dateTime } = useLocale();
  const session = useSession();
  const query = useToken(tokenId);
  const businessDay = useBusinessDay();

  return (
    <>
      <PageHeader
        title={t('supplier.token.title')}
        crumbs={[{ to: '/supplier/tokens', label: t('nav.tokens') }, { label: tokenId }]}
      />
      <QueryView query={query}>
        {({ token: tok = {}, lineage: path = [] }) => {
          const id = tok.tokenId ?? tokenId;
          const mine = tok.holderId === session.user.enterpriseId;
          const days = daysBetween(businessDay.today, tok.maturityDate ?? businessDay.today);
          return (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card
                extra={
                  <Space wrap>
                    {mine && tok.status === 'ACTIVE' && (
                      <>
                        <ButtonLink to={`/supplier/tokens/${encodeURIComponent(id)}/split`} type="primary">{t('supplier.token.split')}</ButtonLink>
                        <ButtonLink to={`/supplier/financing/new?tokenId=${encodeURIComponent(id)}`} >{t('supplier.token.finance')}</ButtonLink>
                      </>
                    )}
                    <ButtonLink to={tokenHistoryPath(id)}>{t('audit.history.title')}</ButtonLink>
                  </Space>
                }
                title={<Typography.Text code>{id}</Typography.Text>}
              >
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
                  <Descriptions.Item label={t('field.amount')}>
                    <Money minor={tok.amountMinor} currency={tok.currency} strong />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.status')}>
                    <StatusTag status={tok.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.maturity')}>
                    {date(tok.maturityDate)} ({days >= 0 ? t('common.daysLeft', { count: days }) : t('common.matured')})
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.payable')}>{tok.payableId}</Descriptions.Item>
                  <Descriptions.Item label={t('field.obligor')}>{tok.obligorId}</Descriptions.Item>
                  <Descriptions.Item label={t('field.holder')}>{tok.holderId}</Descriptions.Item>
                  <Descriptions.Item label={<Tooltip title={t('field.tierTip')}>{t('field.tier')}</Tooltip>}>{tok.tier == null ? '' : t('field.tierN', { n: tok.tier + 1 })}</Descriptions.Item>
                  {tok.parentId && (
                    <Descriptions.Item label={t('field.parent')}>
                      {path.find((x) => x.tokenId === tok.parentId)?.holderId === session.user.enterpriseId ? (
                        <Link to={`/supplier/tokens/${encodeURIComponent(tok.parentId)}`}>{tok.parentId}</Link>
                      ) : (
                        <Typography.Text code>{tok.parentId}</Typography.Text>
                      )}
                    </Descriptions.Item>
                  )}
                  {tok.financingId && <Descriptions.Item label={t('field.financing')}>{tok.financingId}</Descriptions.Item>}
                  {tok.createdAt && <Descriptions.Item label={t('field.createdAt')}>{dateTime(tok.createdAt)}</Descriptions.Item>}
                </Descriptions>
              </Card>
              <Card title={t('supplier.token.lineage')}>
                <LineageTree
                  tokens={path.some((x) => x.tokenId === id) ? path : [...path, tok]}
                  payable={{ payableId: tok.payableId ?? '', obligorId: tok.obligorId, currency: tok.currency }}
                  focusId={id}
                  // only the caller's own tokens open as a page; the others are shown in the lineage only
                  linkTo={(other) => (path.find((x) => x.tokenId === other)?.holderId === session.user.enterpriseId ? `/supplier/tokens/${encodeURIComponent(other)}` : undefined)}
                />
              </Card>
            </Space>
          );
        }}
      </QueryView>
    </>
  );
}
