import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/hooks';
import { ProblemAlert } from './ProblemAlert';
import { NotAvailable } from './NotAvailable';

/** Loading, not-yet-available, error or the content, for one query. */
export function QueryView<T>({
  query,
  what,
  issue,
  children,
}: {
  query: Query<T>;
  what: string;
  issue?: number;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.notAvailable) return <NotAvailable what={what} issue={issue} error={query.error} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={query.reload} />;
  if (query.data === undefined) {
    return (
      <div style={{ padding: 32, textAlign: 'center' }} aria-busy="true">
        <Spin tip={t('common.loading')}>
          <div style={{ minHeight: 40 }} />
        </Spin>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
