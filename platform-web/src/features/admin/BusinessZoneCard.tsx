import { Button, Card, Descriptions, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBusinessDay, useLedgerSettings, useSetBusinessZone } from '../../api/settings';
import { useConfirmAction } from '../../components/ConfirmAction';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n';

/** The IANA zones the browser knows; the ledger refuses any its time-zone database does not. */
function zones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...known])];
}

/** The business time zone of the ledger settings: what "today" means for maturity, settlement and default dates. */
export function BusinessZoneCard() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const settings = useLedgerSettings();
  const day = useBusinessDay();
  const change = useSetBusinessZone();
  const confirm = useConfirmAction();
  const [picked, setPicked] = useState<string>();
  const options = useMemo(() => zones().map((z) => ({ value: z, label: z })), []);

  const apply = async () => {
    if (!picked || picked === day.zone) return;
    const ok = await confirm({
      title: t('admin.zone.confirm', { zone: picked }),
      consequence: t('admin.zone.consequence', { zone: picked }),
      okText: t('admin.zone.ok'),
    });
    if (ok) change.mutate(picked, { onSuccess: () => setPicked(undefined) });
  };

  return (
    <Card title={t('admin.zone.title')} style={{ marginBottom: 16 }} data-testid="business-zone-card">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('admin.zone.current')}>
          <Typography.Text strong data-testid="business-zone">{settings.data ? day.zone : '…'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.zone.today')}>
          <span data-testid="business-today">{settings.data ? date(day.today) : '…'}</span>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 8 }}>
        <label htmlFor="business-zone-select">{t('admin.zone.pick')}</label>
        <Select
          id="business-zone-select"
          showSearch
          style={{ width: 260 }}
          value={picked}
          onChange={setPicked}
          options={options}
          placeholder={day.zone}
          data-testid="business-zone-select"
        />
        <Button type="primary" disabled={!picked || picked === day.zone} loading={change.isPending} onClick={apply} data-testid="business-zone-apply">
          {t('admin.zone.apply')}
        </Button>
      </Space>
      <ProblemAlert error={change.error ?? settings.error} />
    </Card>
  );
}
