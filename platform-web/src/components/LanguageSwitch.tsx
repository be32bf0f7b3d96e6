import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLocale, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLocale();
  return (
    <Select<Language>
      aria-label={t('nav.language')}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES}
      style={{ width: 110 }}
      data-testid="language-switch"
    />
  );
}
