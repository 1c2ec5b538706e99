import { Tag } from 'antd';
import type { ClockStanding } from '../api/supervision-types.ts';
import { useMessages } from '../i18n/setup.ts';

const STANDING_COLORS: Record<ClockStanding, string> = {
  overdue: 'red',
  due_soon: 'orange',
  paused: 'default',
  on_time: 'blue',
  met_on_time: 'green',
  met_late: 'volcano',
};

/** Where a statutory clock stands: 已逾期 red, 即将到期 orange, 已暂停 grey, 进行中 blue. */
export function StandingTag({ standing }: { standing: ClockStanding }) {
  const messages = useMessages();
  return <Tag color={STANDING_COLORS[standing]}>{messages.workQueue.standing[standing]}</Tag>;
}
