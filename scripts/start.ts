import { assertNode24 } from './node-version.ts';
import { buildWebIfStale } from './build-web.ts';

// `npm start`: build the web app if needed, then run the platform (API and web on one port).
assertNode24();
buildWebIfStale();
await import('../packages/server/src/main.ts');
