import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { expiryState } from '../lib/licence-expiry.ts';

/** Red "已过期" for an expired licence, orange "N 天后到期" within 90 days, nothing otherwise. */
export function ExpiryTag({ expiresInDays, status }: { expiresInDays: number; status: string }) {
  const { t } = useTranslation();
  if (status !== 'valid') return null;
  const state = expiryState(expiresInDays);
  if (state === 'expired') return <Tag color="red">{t('licence.expired')}</Tag>;
  if (state === 'expiring') return <Tag color="orange">{t('licence.expiresIn', { count: expiresInDays })}</Tag>;
  return null;
}
