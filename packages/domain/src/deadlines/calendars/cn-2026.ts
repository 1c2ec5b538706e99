import type { YearCalendar } from '../calendar.ts';

/**
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025). Not yet checked against the
 * notice's own text here, hence `confirmed: false`; correct this file, not the code, if it differs.
 */
export const CN_2026: YearCalendar = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月发布）',
  confirmed: false,
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2026-01-01', end: '2026-01-03' },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2026-02-15', end: '2026-02-23' },
    { nameZh: '清明节', nameEn: 'Qingming Festival', start: '2026-04-04', end: '2026-04-06' },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2026-05-01', end: '2026-05-05' },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2026-06-19', end: '2026-06-21' },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2026-09-25', end: '2026-09-27' },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2026-10-01', end: '2026-10-07' },
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
