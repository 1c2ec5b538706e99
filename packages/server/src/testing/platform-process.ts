import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../main.ts', import.meta.url).pathname;

/**
 * The platform process itself on a temporary PGlite data directory, for the durability tests: start it
 * (resolves once /healthz answers 200), signal or kill -9 it, start it again on the same data.
 */
export interface PlatformProcess {
  readonly base: string;
  readonly dataDir: string;
  /** The process now running, if any. */
  readonly current: ChildProcess | undefined;
  start(): Promise<ChildProcess>;
  /** Kills the current process and removes the data directory. */
  dispose(): void;
}

/** `env` adds to or overrides the process environment, e.g. a fixed `SHIAN_MQTT_PORT` that survives a restart. */
export function platformProcess(name: string, portFrom: number, env: Record<string, string> = {}): PlatformProcess {
  const dataDir = mkdtempSync(join(tmpdir(), `shian-${name}-`));
  const port = portFrom + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    base,
    dataDir,
    get current() {
      return child;
    },
    start() {
      const proc = spawn(process.execPath, [MAIN], {
        env: { ...process.env, SHIAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SHIAN_DEMO: '0', DATABASE_URL: '', LOG_LEVEL: 'error', SHIAN_MQTT_PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      return new Promise((resolve, reject) => {
        const deadline = Date.now() + 60_000;
        const poll = async (): Promise<void> => {
          try {
            if ((await fetch(`${base}/healthz`)).status === 200) return resolve(proc);
          } catch {
            // not listening yet
          }
          if (Date.now() > deadline || proc.exitCode !== null) return reject(new Error('platform did not become ready'));
          setTimeout(() => void poll(), 100);
        };
        void poll();
      });
    },
    dispose() {
      child?.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves when the process has ended, also when it already has (an 'exit' listener added later never fires). */
export const exited = (proc: ChildProcess): Promise<number | null> =>
  proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve(proc.exitCode) : new Promise((resolve) => proc.once('exit', (code) => resolve(code)));

/** kill -9, resolved once the process is gone. */
export async function kill9(proc: ChildProcess): Promise<void> {
  const gone = exited(proc);
  proc.kill('SIGKILL');
  await gone;
}
