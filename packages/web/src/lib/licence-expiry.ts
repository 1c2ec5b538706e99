import dayjs from 'dayjs';

/** Licences expiring within this many days get a warning (the registry's notice period). */
export const EXPIRY_NOTICE_DAYS = 90;

/** Whole days from today to `date` (`YYYY-MM-DD`); negative when past. */
export function daysFromToday(date: string): number {
  return dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
}

export type ExpiryState = 'expired' | 'expiring' | 'ok';

export function expiryState(expiresInDays: number): ExpiryState {
  if (expiresInDays < 0) return 'expired';
  if (expiresInDays <= EXPIRY_NOTICE_DAYS) return 'expiring';
  return 'ok';
}
