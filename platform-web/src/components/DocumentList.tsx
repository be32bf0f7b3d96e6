import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredDocument } from '../api/types';

export function DocumentList({ documents }: { documents: StoredDocument[] | undefined }) {
  const { t } = useTranslation();
  if (!documents?.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Table<StoredDocument>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={documents}
      columns={[
        { title: t('financing.docs.kind'), dataIndex: 'kind', render: (k: string) => t(`docKind.${k}`, { defaultValue: k }) },
        { title: t('financing.docs.file'), dataIndex: 'fileName' },
        { title: t('financing.docs.size'), dataIndex: 'sizeBytes', align: 'right', render: (n: number) => new Intl.NumberFormat().format(n) },
        { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <Typography.Text code style={{ fontSize: 11 }} title={h}>{h?.slice(0, 16)}…</Typography.Text> },
      ]}
    />
  );
}
