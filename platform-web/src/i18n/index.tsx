import { ConfigProvider, App as AntApp, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatMoney, type MinorLike } from '../lib/money';
import { en } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

const STORAGE_KEY = 'scf.language';

export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage unavailable */
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };

interface LocaleValue {
  language: Language;
  setLanguage: (l: Language) => void;
  money: (minor: MinorLike | null | undefined, currency?: string) => string;
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function LocaleProvider({ children, language: forced }: { children: ReactNode; language?: Language }) {
  const [language, setLang] = useState<Language>(forced ?? initialLanguage());
  useEffect(() => {
    void i18n.changeLanguage(language);
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((l: Language) => {
    setLang(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);
  const value = useMemo<LocaleValue>(
    () => ({
      language,
      setLanguage,
      money: (minor, currency = 'CNY') => {
        if (minor === null || minor === undefined || minor === '') return '—';
        try {
          return formatMoney(minor, currency, language);
        } catch {
          return String(minor);
        }
      },
      date: (v) => formatDate(v, language),
      dateTime: (v) => formatDateTime(v, language),
    }),
    [language, setLanguage],
  );
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={language === 'zh-CN' ? zhCN : enUS}
        theme={{
          algorithm: theme.defaultAlgorithm,
          // Ant Design's secondary and placeholder greys are below WCAG AA contrast on white; these meet 4.5:1.
          token: {
            colorPrimary: '#0b5cad',
            colorLink: '#0b5cad',
            colorError: '#c41d1f',
            borderRadius: 6,
            colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
            colorTextDescription: 'rgba(0, 0, 0, 0.65)',
            colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
            colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}

export { useTranslation };
