import { Descriptions, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Exposure } from '../../api/types';
import { Money } from '../../components/Money';
import { toMinor } from '../../lib/money';

/** Exposure to an obligor against the bank's limit; every figure shown as exact text, the bar only as a picture. */
export function ExposureView({ e }: { e: Exposure }) {
  const { t } = useTranslation();
  const cur = e.currency ?? 'CNY';
  const limit = e.limitMinor != null ? toMinor(e.limitMinor) : undefined;
  const used = toMinor(e.inUseMinor ?? 0) + toMinor(e.reservedMinor ?? 0);
  const percent = limit && limit > 0n ? Number((used * 10000n) / limit) / 100 : 0;
  return (
    <Descriptions column={1} size="small" data-testid="exposure">
      <Descriptions.Item label={t('bank.app.limit')}>{limit !== undefined ? <Money minor={limit} currency={cur} /> : t('bank.app.noLimit')}</Descriptions.Item>
      <Descriptions.Item label={t('bank.app.inUse')}><Money minor={e.inUseMinor ?? 0} currency={cur} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.reserved')}><Money minor={e.reservedMinor ?? 0} currency={cur} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.pending')}><Money minor={e.pendingMinor ?? 0} currency={cur} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.available')}>{e.availableMinor != null ? <Money minor={e.availableMinor} currency={cur} strong /> : '—'}</Descriptions.Item>
      {limit !== undefined && (
        <Descriptions.Item label={t('bank.app.used')}>
          <Progress percent={Math.min(100, percent)} status={percent >= 100 ? 'exception' : 'normal'} style={{ width: 200 }} aria-label={t('bank.app.used')} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
