import type { UseQueryResult } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

/** Loading, the API's problem (with Retry), or the content, for one query. */
export function QueryView<T>({ query, children }: { query: Pick<UseQueryResult<T, ApiError>, 'data' | 'error' | 'refetch'>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
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
