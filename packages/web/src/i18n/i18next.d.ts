import 'i18next';
import type { Messages } from './zh-CN.ts';

/** Types `t('…')` keys against the zh-CN catalogue, so a mistyped key fails the typecheck. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
