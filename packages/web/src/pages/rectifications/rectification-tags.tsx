import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RectificationOrder, RectificationStatus } from '../../api/supervision-types.ts';
import { useMessages } from '../../i18n/setup.ts';

const STATUS_COLORS: Record<RectificationStatus, string> = { open: 'processing', answered: 'gold', verified: 'green', escalated: 'red' };

export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  const messages = useMessages();
  return <Tag color={STATUS_COLORS[status]}>{messages.rectification.statuses[status]}</Tag>;
}

/** Past its deadline with no answer yet (the daily sweep then escalates it to 逾期未整改). */
export function isOverdue(order: Pick<RectificationOrder, 'dueOn' | 'status'>, today = dayjs().format('YYYY-MM-DD')): boolean {
  return order.status === 'open' && order.dueOn < today;
}

/** The deadline, red and marked 已逾期 when it has passed without an answer. */
export function DueDate({ order }: { order: Pick<RectificationOrder, 'dueOn' | 'status'> }) {
  const { t } = useTranslation();
  const overdue = isOverdue(order);
  return (
    <span style={{ color: overdue ? '#cf1322' : undefined, whiteSpace: 'nowrap' }}>
      {order.dueOn}
      {overdue && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('rectification.overdue')}
        </Tag>
      )}
    </span>
  );
}
