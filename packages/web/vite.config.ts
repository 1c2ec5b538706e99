import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** The web package's own folder, so `vite build packages/web` and `cd packages/web && vite build` agree. */
const root = fileURLToPath(new URL('.', import.meta.url));

/** The API server in development (`npm start` or the server package's dev entry). */
const API_TARGET = 'http://127.0.0.1:3000';
const proxy = {
  '/api': { target: API_TARGET, changeOrigin: false },
  '/healthz': { target: API_TARGET, changeOrigin: false },
};

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    // The app shell on the device (offline inspections, 现场检查). Registered by `features/offline/service-worker.ts`.
    // API answers are never cached here: the app keeps its offline data in IndexedDB.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      manifest: {
        name: '食安监管',
        short_name: '食安',
        description: '特殊食品安全监管平台',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0d3a78',
        background_color: '#f0f2f5',
      },
      workbox: {
        navigateFallback: '/index.html',
        // The public scan page (GS1 Digital Link resolver, /01/…) is served by the server, never by the app shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/01\//, /^\/\.well-known\//],
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: a deployment that only changes pages keeps these cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
