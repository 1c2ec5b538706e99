import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkQueue } from '../../api/supervision-queries.ts';

/**
 * The menu entry's label for 待办 with the number of open items: the same cached query as the page's
 * unfiltered queue, so the badge costs one request per 30 s at most and updates after every change there.
 */
export function WorkQueueMenuLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const queue = useWorkQueue(false);
  // Open clocks and recall notices still to confirm: both wait on the user.
  const open = (queue.data?.counts.open ?? 0) + (queue.data?.counts.recallNotices ?? 0);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {label}
      {open > 0 && <Badge count={open} size="small" overflowCount={99} title={t('workQueue.badge', { count: open })} />}
    </span>
  );
}
