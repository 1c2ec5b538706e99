import type { YearCalendar } from '../calendar.ts';

/** 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12). */
export const CN_2025: YearCalendar = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  confirmed: true,
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2025-01-01', end: '2025-01-01' },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2025-01-28', end: '2025-02-04' },
    { nameZh: '清明节', nameEn: 'Qingming Festival', start: '2025-04-04', end: '2025-04-06' },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2025-05-01', end: '2025-05-05' },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2025-05-31', end: '2025-06-02' },
    { nameZh: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', start: '2025-10-01', end: '2025-10-08' },
  ],
  makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};
