import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { asApiError, type ApiError } from '../api/problem';

/** Shows an API problem as the API said it: its detail, its code and status, the ledger transaction, field errors. */
export function ProblemAlert({ error: raw, onRetry, title }: { error: ApiError | Error | null | undefined; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  if (!raw) return null;
  const error = asApiError(raw);
  const p = error.problem;
  const code = p.code ?? (error.status ? `HTTP ${error.status}` : undefined);
  const fieldErrors = Array.isArray(p.errors) ? p.errors : [];
  return (
    <Alert
      type={error.status >= 500 || error.status === 0 ? 'error' : 'warning'}
      showIcon
      role="alert"
      data-testid="problem"
      data-code={p.code}
      title={
        <Space wrap size={4}>
          <span>{title ?? p.title ?? t('error.title')}</span>
          {code && <Typography.Text code data-testid="problem-code">{code}</Typography.Text>}
          {error.status > 0 && <Typography.Text type="secondary">{error.status}</Typography.Text>}
        </Space>
      }
      description={
        <div>
          <div data-testid="problem-detail">{p.detail ?? error.message}</div>
          {fieldErrors.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
              {fieldErrors.map((fe, i) => (
                <li key={i}>
                  {fe.field ?? fe.pointer ? <Typography.Text code>{fe.field ?? fe.pointer}</Typography.Text> : null} {fe.message ?? fe.detail}
                </li>
              ))}
            </ul>
          )}
          {p.retryAfter && <div>{t('error.retryAfter', { seconds: p.retryAfter })}</div>}
          {(p.transactionId || p.transaction) && (
            <div>
              <Typography.Text type="secondary">
                {t('error.transaction')}: {p.transaction} {p.transactionId}
              </Typography.Text>
            </div>
          )}
        </div>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
