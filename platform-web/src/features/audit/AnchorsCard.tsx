import { Button, Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnchors } from '../../api/audit';
import type { AnchorView } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n';

const PAGE_SIZE = 20;
const TYPES = ['', 'KYC', 'FINANCING_APPLICATION', 'AUDIT_LOG'] as const;

/** The records sealed on the ledger, newest first; a record the platform holds is verified with one click. */
export function AnchorsCard({ onVerify }: { onVerify: (record: { type: string; id: string }) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useLocale();
  const [recordType, setRecordType] = useState<string>('');
  const [page, setPage] = useState(0);
  const anchors = useAnchors(recordType, page, PAGE_SIZE);
  return (
    <Card
      title={t('audit.anchors.title')}
      extra={
        <Select
          aria-label={t('audit.record.type')}
          value={recordType}
          onChange={(v) => {
            setRecordType(v);
            setPage(0);
          }}
          style={{ width: 220 }}
          options={TYPES.map((x) => ({ value: x, label: x ? t(`audit.anchors.types.${x}`) : t('audit.anchors.allTypes') }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.anchors.help')}</Typography.Paragraph>
      <ProblemAlert error={anchors.error} />
      <Table<AnchorView>
        size="small"
        rowKey={(a) => `${a.recordType}/${a.recordId}`}
        loading={anchors.isFetching}
        dataSource={anchors.data?.items ?? []}
        scroll={{ x: true }}
        data-testid="anchors"
        pagination={{
          current: page + 1,
          pageSize: PAGE_SIZE,
          total: anchors.data?.totalItems ?? 0,
          showSizeChanger: false,
          onChange: (p) => setPage(p - 1),
        }}
        columns={[
          { title: t('audit.anchors.sealedAt'), dataIndex: 'anchoredAt', render: (d: string) => dateTime(d) },
          { title: t('audit.record.type'), dataIndex: 'recordType', render: (x: string) => t(`audit.anchors.types.${x}`, { defaultValue: x }) },
          { title: t('audit.record.id'), dataIndex: 'recordId' },
          { title: t('audit.anchors.sealedBy'), dataIndex: 'anchoredBy' },
          {
            title: t('audit.record.fingerprints'),
            key: 'hash',
            render: (_: unknown, a) => (
              <details>
                <summary>{t('timeline.details')}</summary>
                <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>{a.sha256}</Typography.Text>
              </details>
            ),
          },
          {
            title: '',
            key: 'verify',
            render: (_: unknown, a) =>
              a.verifiable ? (
                <Button size="small" onClick={() => onVerify({ type: a.recordType ?? '', id: a.recordId ?? '' })} data-testid={`verify-anchor-${a.recordId}`}>
                  {t('audit.record.verify')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
