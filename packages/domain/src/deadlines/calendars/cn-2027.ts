import type { YearCalendar } from '../calendar.ts';

/**
 * 2027, provisional: only the statutory holidays themselves (全国年节及纪念日放假办法, as amended in 2024)
 * on their 2027 dates, with no bridging days and no make-up working days, because the State Council's notice
 * for 2027 has not been entered yet. Counting from it errs towards fewer days off, so a deadline never
 * comes out later than the law allows. Replace with the notice's own figures when it is published.
 */
export const CN_2027: YearCalendar = {
  year: 2027,
  source: '临时：全国年节及纪念日放假办法（2024年修订）法定假日，待国务院办公厅2027年节假日安排通知发布后替换',
  confirmed: false,
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2027-01-01', end: '2027-01-01' },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2027-02-05', end: '2027-02-08' },
    { nameZh: '清明节', nameEn: 'Qingming Festival', start: '2027-04-05', end: '2027-04-05' },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2027-05-01', end: '2027-05-02' },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2027-06-09', end: '2027-06-09' },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2027-09-15', end: '2027-09-15' },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2027-10-01', end: '2027-10-03' },
  ],
  makeUpWorkdays: [],
};
