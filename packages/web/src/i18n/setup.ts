import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { zhCN, type Messages } from './zh-CN.ts';
import { enUS } from './en-US.ts';

/** The languages of the UI: zh-CN first, en-US second. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'shian.locale';
const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

function toLocale(value: string | null | undefined): Locale {
  return value === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The stored choice, or Chinese. (Storage can throw in private modes; the UI then simply forgets.) */
function readStoredLocale(): Locale {
  try {
    return toLocale(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'zh-CN';
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(DAYJS_LOCALES[locale]);
  document.documentElement.lang = locale;
  document.title = `${CATALOGUES[locale].app.name} · ${CATALOGUES[locale].app.tagline}`;
}

/** Initialises i18next synchronously with both catalogues bundled (they are small). */
export function setupI18n(): void {
  const locale = readStoredLocale();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: locale,
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyLocale(locale);
}

/** The active locale, for the API client's Accept-Language. */
export function currentLocale(): Locale {
  return toLocale(i18next.language);
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
  applyLocale(locale);
  await i18next.changeLanguage(locale);
}

/** The active locale, re-rendering on change. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.language);
}

/** The active catalogue as a typed object, for lookups by server-provided codes (`enums.kind[code]`). */
export function useMessages(): Messages {
  return CATALOGUES[useLocale()];
}

/** The label of a server-provided code, or the code itself when the catalogue does not know it. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code == null || code === '') return '';
  return labels[code] ?? code;
}

/** The name of a bilingual record (`nameZh` / `nameEn`) in the active locale. */
export function localName(locale: Locale, record: { nameZh: string; nameEn: string }): string {
  return locale === 'en-US' ? record.nameEn || record.nameZh : record.nameZh;
}
