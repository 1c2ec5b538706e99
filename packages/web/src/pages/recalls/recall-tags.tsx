import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecallLevel, RecallStatus } from './recall-api.ts';

const LEVEL_COLORS: Record<RecallLevel, string> = { '1': 'red', '2': 'orange', '3': 'gold' };

/** 一级 / 二级 / 三级召回, with what the level means in its tooltip. */
export function RecallLevelTag({ level }: { level: RecallLevel }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`recalls.levelHints.${level}`)}>
      <Tag color={LEVEL_COLORS[level]}>{t(`recalls.levels.${level}`)}</Tag>
    </Tooltip>
  );
}

export function RecallStatusTag({ status }: { status: RecallStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'red' : 'default'}>{t(`recalls.statuses.${status}`)}</Tag>;
}

/** The lot, or how many serials, a recall covers. */
export function RecallScope({ recall }: { recall: { lot: string | null; serials: readonly string[] } }) {
  const { t } = useTranslation();
  const parts = [recall.lot, recall.serials.length > 0 ? t('recalls.serialsValue', { count: recall.serials.length }) : null].filter(Boolean);
  return <>{parts.join(' · ') || '—'}</>;
}

/** A notice's quantity: a count of items, or an amount in its unit. */
export function NoticeQuantity({ notice }: { notice: { quantity: number; uom: string | null } }) {
  const { t } = useTranslation();
  return <>{notice.uom === null ? t('recalls.quantityItems', { count: notice.quantity }) : `${notice.quantity} ${notice.uom}`}</>;
}
