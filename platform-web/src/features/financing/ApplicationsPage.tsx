import { useTranslation } from 'react-i18next';
import { useApplications } from '../../api/financing';
import { ApplicationTable } from '../../components/ApplicationTable';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useLocale } from '../../i18n';

export function ApplicationsPage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const apps = useApplications();
  return (
    <>
      <PageHeader title={t('financing.list.title')} extra={<ButtonLink to="/supplier/financing/new" type="primary">{t('financing.new.title')}</ButtonLink>} />
      <QueryView query={apps}>
        {(list) => <ApplicationTable list={list} base="/supplier/financing" date={date} />}
      </QueryView>
    </>
  );
}
