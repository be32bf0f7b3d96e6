import { Button, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredDocument } from '../api/types';
import { ProblemAlert } from './ProblemAlert';

/** Types a browser shows in a frame itself; anything else is offered as a download only. */
const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg))$/;

interface Opened {
  document: StoredDocument;
  url: string;
}

/**
 * An application's documents. With {@code load} (the API serves the bytes to those who may read them), each can be
 * opened in the page (PDF and images) or downloaded; the bytes are fetched with the session's credentials, so a
 * plain link would not do.
 */
export function DocumentList({ documents, load }: { documents: StoredDocument[] | undefined; load?: (documentId: string) => Promise<Blob> }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => () => {
    if (opened) URL.revokeObjectURL(opened.url);
  }, [opened]);
  if (!documents?.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const fetchUrl = async (d: StoredDocument): Promise<string | null> => {
    if (!load || !d.id) return null;
    setBusy(d.id);
    setError(null);
    try {
      return URL.createObjectURL(await load(d.id));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return null;
    } finally {
      setBusy(null);
    }
  };
  const open = async (d: StoredDocument) => {
    const url = await fetchUrl(d);
    if (url) setOpened({ document: d, url });
  };
  const download = async (d: StoredDocument) => {
    const url = await fetchUrl(d);
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = d.fileName ?? 'document';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <Table<StoredDocument>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={documents}
        scroll={{ x: true }}
        columns={[
          { title: t('financing.docs.kind'), dataIndex: 'kind', render: (k: string) => t(`docKind.${k}`, { defaultValue: k }) },
          { title: t('financing.docs.file'), dataIndex: 'fileName' },
          { title: t('financing.docs.size'), dataIndex: 'sizeBytes', align: 'right', render: (n: number) => new Intl.NumberFormat().format(n) },
          { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <Typography.Text code style={{ fontSize: 11 }} title={h}>{h?.slice(0, 16)}…</Typography.Text> },
          ...(load
            ? [{
                title: t('common.actions'),
                key: 'open',
                render: (_: unknown, d: StoredDocument) => (
                  <Space size="small">
                    {PREVIEWABLE.test(d.contentType ?? '') && (
                      <Button size="small" loading={busy === d.id} onClick={() => void open(d)} data-testid={`open-document-${d.kind}`}>
                        {t('documents.open')}
                      </Button>
                    )}
                    <Button size="small" type="link" onClick={() => void download(d)}>{t('documents.download')}</Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <ProblemAlert error={error} />
      <Modal
        open={!!opened}
        title={opened?.document.fileName}
        width="min(960px, 96vw)"
        footer={null}
        onCancel={() => setOpened(null)}
        destroyOnHidden
      >
        {opened && (
          <iframe
            data-testid="document-preview"
            title={opened.document.fileName ?? t('documents.open')}
            src={opened.url}
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
      </Modal>
    </>
  );
}
