import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERNAMES, PLATFORM_JOBS, connectDatabase, findDemoPasswordAccounts, prepareDatabase, scheduleRecurringJobs, startJobWorker, type JobWorker } from '@shian/core';

import { buildApp, type AppState } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { FleetSimulator } from './telemetry/fleet-simulator.ts';
import { startTelemetry, type TelemetryListener } from './telemetry/telemetry-listener.ts';
import { startSilenceTimer, type SilenceTimer } from './telemetry/silence-timer.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Starts the platform: listens at once (health says 503), prepares the database, then serves. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Shian cannot start: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  const state: AppState = { ready: false };
  const app = await buildApp({ database, config, state, webDist: WEB_DIST });

  let stopping = false;
  let worker: JobWorker | null = null;
  let telemetry: TelemetryListener | null = null;
  let silenceTimer: SilenceTimer | null = null;
  let simulator: FleetSimulator | null = null;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.warn(`${signal}: finishing requests in flight and the job in hand, then closing the database`);
    await app.close();
    await simulator?.stop();
    await telemetry?.close();
    await silenceTimer?.stop();
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const result = await prepareDatabase(database, { demo: config.demo ? { sellers: config.demoSellers } : null });
  if (config.production) {
    const unsafe = await findDemoPasswordAccounts(database);
    // Demo devices sign in with secrets derived from a published key, like the demo password.
    const { findDemoFleet } = await import('@shian/core/demo/demo-monitoring.ts');
    const demoDevices = await findDemoFleet(database.db);
    if (unsafe.length > 0 || demoDevices.length > 0) {
      if (unsafe.length > 0) console.error(`Shian refuses to start in production: demo accounts still have the demo password (${unsafe.join(', ')}). Change or remove them first.`);
      if (demoDevices.length > 0) console.error(`Shian refuses to start in production: ${demoDevices.length} demo devices still sign in with the published demo key. Issue them new credentials or retire them first.`);
      await app.close();
      await database.close();
      process.exit(78);
    }
  }
  state.ready = true;
  // Background jobs (yearly re-grade, daily deadline sweep) run in this process, one at a time.
  worker = startJobWorker(database.db, PLATFORM_JOBS, {
    schedule: () => scheduleRecurringJobs(database.db),
    onError: (error, job) => app.log.error({ err: error, jobId: job?.id, kind: job?.kind }, 'job failed'),
  });
  // Telemetry (遥测): the embedded MQTT broker, or a subscriber of the broker at SHIAN_MQTT_URL.
  // Readings still arrive over HTTPS if the MQTT port is taken (e.g. a second instance on this machine).
  telemetry = await startTelemetry(database.db, config, app.log).catch((error: unknown) => {
    app.log.error({ err: error }, `telemetry over MQTT is off: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  // The silence check (失联检测): a device or camera quiet for longer than its rule allows opens an alert.
  silenceTimer = startSilenceTimer(database.db, app.log);
  // Demo mode only: the demo devices publish to the embedded broker, so the monitoring pages are alive.
  if (config.demo && config.simulator && telemetry?.mode === 'embedded') {
    const { startDemoFleet } = await import('./telemetry/fleet-simulator.ts');
    simulator = await startDemoFleet(database.db, { url: `mqtt://127.0.0.1:${telemetry.port}`, log: app.log }).catch((error: unknown) => {
      app.log.error({ err: error }, `device simulator is off: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
  }
  const address = `http://localhost:${config.port}`;
  const lines = [
    `Shian 食安 is ready at ${address}  (database: ${database.engine} ${database.location})`,
    result.migrations.length > 0 ? `  migrations applied: ${result.migrations.join(', ')}` : '',
    result.demoLoaded ? '  demo city loaded' : '',
    config.demo ? `  demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERNAMES.join(', ')}` : '',
    `  API documentation: ${address}/api/docs`,
    simulator ? `  device simulator: ${simulator.devices} devices publishing every ${simulator.intervalMs / 1000} s (SHIAN_SIMULATOR=off to stop it)` : '',
    !telemetry ? '  MQTT: off (see the error above)' : telemetry.mode === 'embedded' ? `  MQTT broker (embedded): mqtt://localhost:${telemetry.port}` : `  MQTT: subscribing at ${new URL(config.mqttUrl ?? '').host}`,
  ];
  console.log(lines.filter(Boolean).join('\n'));
}

await main();
