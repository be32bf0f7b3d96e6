import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/problem';

/** An endpoint this page needs is not on the API yet: say so plainly (and which), show no invented data. */
export function NotAvailable({ what, issue, error }: { what: string; issue?: number; error?: ApiError }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      data-testid="not-available"
      title={t('notAvailable.title')}
      subTitle={
        <>
          <div>{t('notAvailable.body', { what })}</div>
          {issue && <div>{t('notAvailable.issue', { issue })}</div>}
          {error?.problem.instance && (
            <Typography.Text type="secondary" code>
              {error.status} {error.problem.instance}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
