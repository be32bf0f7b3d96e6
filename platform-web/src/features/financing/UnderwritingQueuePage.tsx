import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplications, useBankQueue } from '../../api/financing';
import { OPEN_FINANCING } from '../../api/statuses';
import { ApplicationTable } from '../../components/ApplicationTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { useLocale } from '../../i18n';

export function UnderwritingQueuePage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const queue = useBankQueue();
  const all = useApplications();
  return (
    <>
      <PageHeader title={t('bank.queue.title')} />
      <QueryView query={queue}>
        {(open) => {
          const decided = (all.data ?? []).filter((a) => !(a.status && OPEN_FINANCING.includes(a.status)));
          return (
            <Tabs
              items={[
                { key: 'open', label: t('bank.queue.open', { count: open.length }), children: <ApplicationTable list={open} base="/bank/applications" date={date} /> },
                {
                  key: 'decided',
                  label: t('bank.queue.decided', { count: decided.length }),
                  children: all.error ? <ProblemAlert error={all.error} onRetry={() => void all.refetch()} /> : <ApplicationTable list={decided} base="/bank/applications" date={date} />,
                },
              ]}
            />
          );
        }}
      </QueryView>
    </>
  );
}
