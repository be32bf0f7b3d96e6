import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLocale } from '../i18n';

/** The language as two buttons: for the login page, which should not load the select box (and its list) to offer two. */
export function LanguageButtons() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLocale();
  return (
    <Space size={0} role="group" aria-label={t('nav.language')} data-testid="language-buttons">
      {LANGUAGES.map((l) => (
        <Button key={l.value} type="link" size="small" lang={l.value} aria-pressed={language === l.value} disabled={language === l.value} onClick={() => setLanguage(l.value)}>
          {l.label}
        </Button>
      ))}
    </Space>
  );
}
