import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { asApiError, type ApiError } from '../api/problem';

/**
 * Shows an API problem to a person: what happened and what to do, in their language (i18n problem.CODE and
 * problemAction.CODE). The technical facts (status, code, the server's own words, field names, request id) sit
 * behind a "Details" disclosure for whoever has to report it. A failed transaction's id is never shown: nothing
 * was recorded under it.
 */
export function ProblemAlert({ error: raw, onRetry, title }: { error: ApiError | Error | null | undefined; onRetry?: () => void; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!raw) return null;
  const error = asApiError(raw);
  const p = error.problem;
  const known = p.code !== undefined && i18n.exists(`problem.${p.code}`);
  const message = known ? t(`problem.${p.code}`) : error.status >= 500 ? t('error.failed') : t('error.refused');
  const action = p.code && i18n.exists(`problemAction.${p.code}`) ? t(`problemAction.${p.code}`) : undefined;
  const fieldErrors = Array.isArray(p.errors) ? p.errors : [];
  const requestId = typeof p.requestId === 'string' ? p.requestId : undefined;
  return (
    <Alert
      type={error.status >= 500 || error.status === 0 ? 'error' : 'warning'}
      showIcon
      role="alert"
      data-testid="problem"
      data-code={p.code}
      title={title ?? <span data-testid="problem-message">{message}</span>}
      description={
        <div>
          {title && <div data-testid="problem-message">{message}</div>}
          {action && <div data-testid="problem-action">{action}</div>}
          {p.retryAfter && <div>{t('error.retryAfter', { seconds: p.retryAfter })}</div>}
          <details className="problem-details">
            <summary>{t('error.details')}</summary>
            <dl>
              {p.code && (
                <>
                  <dt>{t('error.code')}</dt>
                  <dd><Typography.Text code data-testid="problem-code">{p.code}</Typography.Text></dd>
                </>
              )}
              {error.status > 0 && (
                <>
                  <dt>{t('error.status')}</dt>
                  <dd>{error.status}</dd>
                </>
              )}
              {(p.detail ?? error.message) && (
                <>
                  <dt>{t('error.serverSaid')}</dt>
                  <dd data-testid="problem-detail">{p.detail ?? error.message}</dd>
                </>
              )}
              {fieldErrors.length > 0 && (
                <>
                  <dt>{t('error.fields')}</dt>
                  <dd>
                    <ul>
                      {fieldErrors.map((fe, i) => (
                        <li key={i}>
                          {fe.field ?? fe.pointer ? <Typography.Text code>{fe.field ?? fe.pointer}</Typography.Text> : null} {fe.message ?? fe.detail}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {requestId && (
                <>
                  <dt>{t('error.requestId')}</dt>
                  <dd><Typography.Text code>{requestId}</Typography.Text></dd>
                </>
              )}
            </dl>
          </details>
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
