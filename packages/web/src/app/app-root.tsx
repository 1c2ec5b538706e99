import { ConfigProvider, theme as antTheme } from 'antd';
import antdZhCNModule from 'antd/locale/zh_CN.js';
import antdEnUSModule from 'antd/locale/en_US.js';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { useLocale } from '../i18n/setup.ts';
import { router } from './router.tsx';

// antd's locale files are CommonJS; from an ESM package (type: module) both TypeScript (NodeNext) and
// Vite 8 give `module.exports` as the default import, so the locale object is its `default`.
const antdZhCN = antdZhCNModule.default;
const antdEnUS = antdEnUSModule.default;

/** Government back-office palette: a deep administrative blue, square-ish corners, dense tables. */
const THEME = {
  algorithm: antTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#1554ad',
    colorInfo: '#1554ad',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#0d3a78', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
  },
};

export function AppRoot({ queryClient }: { queryClient: QueryClient }) {
  const locale = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? antdEnUS : antdZhCN}
      theme={THEME}
      // antd would render two-character Chinese labels as "登 录"; keep button names exactly as written.
      button={{ autoInsertSpace: false }}
    >
      {/* antd's <App> (message, modal, notification) is mounted by the signed-in shell, keeping it off the first load. */}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
