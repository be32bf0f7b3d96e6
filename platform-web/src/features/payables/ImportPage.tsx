import { InboxOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Progress, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importDone, useImportProgress, useStartImport } from '../../api/payables';
import type { ImportRow } from '../../api/types';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { readPayableCsv, sha256Hex, type PayableRow } from '../../lib/csv';
import { importFigures } from './importProgress';

/**
 * CSV import as an API job: the file is checked here first (columns, each row), then uploaded once with a key derived
 * from its content (uploading the same file again returns the same job); the job's progress and each row's outcome
 * are polled until it completes.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [fileName, setFileName] = useState<string>();
  const [text, setText] = useState<string>();
  const [fileHash, setFileHash] = useState('');
  const [jobId, setJobId] = useState<string>();
  const parsed = useMemo(() => (text !== undefined ? readPayableCsv(text) : undefined), [text]);
  const start = useStartImport();
  const progress = useImportProgress(jobId);
  const job = progress.data?.job;
  const running = start.isPending || (!!jobId && (!job || !importDone(job)) && !progress.error);
  const { total, processed, percent, failed, rowsPerSecond } = importFigures(job, parsed?.rows.length ?? 0);
  const resultOf = useMemo(() => new Map((progress.data?.rows ?? []).map((r) => [r.row, r])), [progress.data]);

  const run = () => {
    if (!text) return;
    start.mutate({ csv: text, idempotencyKey: `csv-${fileHash}` }, { onSuccess: (started) => setJobId(started.jobId) });
  };

  return (
    <>
      <PageHeader title={t('core.import.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('core.import.help')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code>payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,invoiceFingerprints,documentHash</Typography.Text>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,text/csv"
          showUploadList={false}
          disabled={running}
          beforeUpload={async (f) => {
            const content = await f.text();
            setFileName(f.name);
            setText(content);
            setFileHash((await sha256Hex(content)).slice(0, 16));
            setJobId(undefined);
            start.reset();
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>{fileName ?? t('core.import.drop')}</p>
        </Upload.Dragger>
      </Card>
      {parsed && parsed.missingColumns.length > 0 && <Alert type="error" showIcon title={t('core.import.missing', { columns: parsed.missingColumns.join(', ') })} />}
      {parsed && parsed.missingColumns.length === 0 && (
        <Card
          title={t('core.import.rows', { count: parsed.rows.length })}
          extra={
            <Button type="primary" onClick={run} loading={running} disabled={parsed.rows.length === 0} data-testid="import-start">
              {t('core.import.start')}
            </Button>
          }
        >
          {(running || job) && (
            <div style={{ marginBottom: 12 }} data-testid="import-progress">
              <Progress percent={percent} status={running ? 'active' : failed ? 'exception' : 'success'} aria-label={t('core.import.progress')} />
              <Typography.Text>
                {t('core.import.summary', { processed, total, failed })}
                {rowsPerSecond !== undefined && <> · {t('core.import.pace', { rowsPerSecond })}</>}
              </Typography.Text>
            </div>
          )}
          <ProblemAlert error={start.error ?? progress.error} onRetry={progress.error ? () => void progress.refetch() : undefined} />
          <Table<PayableRow & { result?: ImportRow }>
            size="small"
            rowKey="row"
            pagination={{ pageSize: 50 }}
            dataSource={parsed.rows.map((r) => ({ ...r, result: resultOf.get(r.row) ?? (jobId ? { row: r.row, status: 'PENDING' } : undefined) }))}
            columns={[
              { title: '#', dataIndex: 'row', width: 50 },
              { title: t('field.payable'), dataIndex: 'payableId' },
              { title: t('field.beneficiary'), dataIndex: 'beneficiaryId' },
              { title: t('field.amount'), align: 'right', render: (_, r) => (/^\d+$/.test(r.amountMinor) && /^[A-Z]{3}$/.test(r.currency) ? <Money minor={r.amountMinor} currency={r.currency} /> : r.amountMinor) },
              { title: t('field.maturity'), dataIndex: 'maturityDate' },
              {
                title: t('core.import.result'),
                render: (_, r) =>
                  r.result && r.result.status !== 'PENDING' ? (
                    <span data-testid="import-row-result">
                      <StatusTag status={r.result.status} /> {r.result.code && <Typography.Text code>{r.result.code}</Typography.Text>} {r.result.detail}
                    </span>
                  ) : r.problems.length ? (
                    <Typography.Text type="danger">{t('core.import.invalid', { fields: r.problems.join(', ') })}</Typography.Text>
                  ) : r.result ? (
                    <Badge status="processing" text={t('core.import.waiting')} />
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
