import { Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, changeLocale, useLocale, type Locale } from '../i18n/setup.ts';

/**
 * 中文 | English: two toggle buttons (`aria-pressed`), both always visible. Switching refetches every
 * query, because the server localises names and messages (jurisdictions, flags, errors) by Accept-Language.
 */
export function LocaleSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const select = async (next: Locale) => {
    if (next === locale) return;
    await changeLocale(next);
    await queryClient.invalidateQueries();
  };
  return (
    // Styled for the blue header and login backdrop (see styles.css): the active language is the white one.
    <Space.Compact size={size} role="group" aria-label={t('locale.label')} className="shian-locale-switch">
      {LOCALES.map((value) => (
        <Button
          key={value}
          lang={value}
          className={value === locale ? 'is-active' : undefined}
          aria-pressed={value === locale}
          onClick={() => void select(value)}
        >
          {LOCALE_NAMES[value]}
        </Button>
      ))}
    </Space.Compact>
  );
}
