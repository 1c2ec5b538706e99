import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { SYSTEM_ACTOR } from '@shian/domain';
import {
  connectDatabase,
  createRuleSetOverride,
  createUser,
  ensureBuiltinRuleSets,
  ensureReadingPartitions,
  ingestReadings,
  issueDeviceCredential,
  migrateToLatest,
  registerDevice,
  seedJurisdictions,
  type Database,
  type IncomingReading,
} from '@shian/core';
import { buildEnterprise } from '@shian/core/testing/factories.ts';
import { adminStatement } from './admin-sql.ts';
import { serverCpu } from './server-cpu.ts';
import { summarise } from './stats.ts';

/**
 * Sensor ingest (智慧监管): readings published with QoS 1 to the platform's embedded MQTT broker by a fleet
 * of devices, each acknowledged only after its batch is committed with the rules evaluated, and the time from
 * the reading that completes an out-of-range condition to the alert visible in the alert API.
 *
 *   npm run bench -- monitoring-ingest [--devices 2000] [--rate 12000] [--duration 20] [--per-message 1] [--pglite]
 *
 * The platform runs as its own process (`server/src/main.ts`) on a fresh database (PostgreSQL at DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end; or PGlite with --pglite); this
 * process is the fleet (one MQTT.js client per device). A tenth of the devices breach once during the run
 * (30 °C for 12 s under a site rule set with a 5 s sustain time). Baseline in the same run: `ingestReadings`
 * called directly with batches of 5,000 (the database path without MQTT and batching).
 */
export interface MonitoringIngestOptions {
  devices: number;
  rate: number;
  duration: number;
  perMessage: number;
  pglite: boolean;
}

interface Device {
  id: string;
  enterpriseId: string;
  secret: string;
  breach: boolean;
  lastAt: number;
}

const WARM_UP_S = 5;
const BREACH_SECONDS = 12;
const SUSTAIN_SECONDS = 5;
const POLL_MS = 50;

export async function benchMonitoringIngest(options: MonitoringIngestOptions): Promise<void> {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `shian_bench_ingest_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'shian-bench-ingest-'));
  let url: string | undefined;
  if (!options.pglite) {
    await adminStatement(serverUrl, `CREATE DATABASE ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  let platform: ChildProcess | undefined;
  const clients: MqttClient[] = [];
  try {
    const database = await connectDatabase(url ? { databaseUrl: url, poolSize: 2 } : { dataDir: join(dataDir, 'pglite') });
    const devices = await setUp(database, options.devices);
    console.log(`database: ${database.engine}; ${devices.length} devices (${devices.filter((d) => d.breach).length} breach once), ${options.rate} readings/s offered for ${options.duration} s, ${options.perMessage} reading(s) per message`);
    const baseline = await directIngestRate(database, devices);
    console.log(`baseline, ingestReadings in batches of 5,000 (no MQTT): ${Math.round(baseline)} readings/s`);
    await database.close();

    const httpPort = 20_000 + Math.floor(Math.random() * 5000);
    const mqttPort = httpPort + 5000;
    // SHIAN_BENCH_PROFILE=dir: the platform writes a V8 CPU profile there (open it in Chrome DevTools).
    const profile = process.env.SHIAN_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SHIAN_BENCH_PROFILE}`] : [];
    platform = spawn(process.execPath, [...profile, new URL('../../packages/server/src/main.ts', import.meta.url).pathname], {
      env: { ...process.env, DATABASE_URL: url ?? '', SHIAN_DATA_DIR: dataDir, PORT: String(httpPort), HOST: '127.0.0.1', SHIAN_DEMO: '0', SHIAN_SIMULATOR: 'off', LOG_LEVEL: 'error', SHIAN_MQTT_PORT: String(mqttPort), NODE_ENV: 'test' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${httpPort}`;
    await until(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200, 120_000);
    const cookie = await signIn(base);

    for (const d of devices) {
      clients.push(mqtt.connect(`mqtt://127.0.0.1:${mqttPort}`, { clientId: `bench-${d.id}`, username: d.id, password: d.secret, clean: true, reconnectPeriod: 1000 }));
    }
    await Promise.all(clients.map((c) => (c.connected ? Promise.resolve() : new Promise((resolve) => c.once('connect', resolve)))));
    console.log(`${clients.length} devices connected`);

    const run = await drive(devices, clients, options, base, cookie, platform.pid!, url ? name : null);
    const lat = summarise(run.ackMs);
    const alert = summarise(run.alertMs);
    console.log('');
    console.log(`offered ${Math.round(run.offered)} readings/s; acknowledged (stored, rules evaluated) ${Math.round(run.acked)} readings/s = ${(run.acked / baseline).toFixed(2)} × the direct baseline`);
    console.log(`publish → PUBACK: p50 ${lat.p50.toFixed(0)} ms, p95 ${lat.p95.toFixed(0)} ms, p99 ${lat.p99.toFixed(0)} ms`);
    console.log(`reading → alert visible in GET /api/v1/monitoring/alerts (polled every ${POLL_MS} ms): n ${run.alertMs.length}/${run.breaches}, p50 ${alert.p50.toFixed(0)} ms, p99 ${alert.p99.toFixed(0)} ms, max ${Math.max(0, ...run.alertMs).toFixed(0)} ms`);
    console.log(`CPU per reading: platform ${run.cpu.platform.toFixed(1)} µs, PostgreSQL ${run.cpu.postgres.toFixed(1)} µs, fleet (load generator) ${run.cpu.fleet.toFixed(1)} µs`);
  } finally {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
    if (platform && platform.exitCode === null) {
      const gone = new Promise((resolve) => platform!.once('exit', resolve));
      platform.kill('SIGTERM');
      await gone;
    }
    if (url) await adminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Enterprises of ten devices each (temperature), credentials, a site rule set with a short sustain for the breaching tenth, a supervisor. */
async function setUp(database: Database, count: number): Promise<Device[]> {
  const db = database.db;
  await migrateToLatest(db);
  await seedJurisdictions(db);
  await ensureBuiltinRuleSets(db);
  await ensureReadingPartitions(db, new Date());
  const ctx = { db, actor: SYSTEM_ACTOR };
  await createUser(ctx, { username: 'bench-city', displayName: '压测', password: 'Bench-Passw0rd!', role: 'city_supervisor', jurisdictionCode: '310000' });
  const devices: Device[] = [];
  const districts = ['310101002', '310104003', '310105001', '310115007', '310112001'];
  for (let e = 0; devices.length < count; e += 1) {
    const enterprise = await buildEnterprise(db, { jurisdictionCode: districts[e % districts.length]! });
    const quick = await createRuleSetOverride(ctx, enterprise.id, { parentId: 'gmp-clean-area/1', name: { 'zh-CN': '压测规则', 'en-US': 'Bench rules' }, source: 'benchmark', override: { sustainSeconds: SUSTAIN_SECONDS } });
    for (let k = 0; k < 10 && devices.length < count; k += 1) {
      const breach = devices.length % 10 === 0;
      const device = await registerDevice(ctx, enterprise.id, { kind: 'temperature', code: `T-${k}`, area: '灌装间', cleanClass: 'class_100000', ruleSetId: breach ? quick.id : 'gmp-clean-area/1' });
      const { secret } = await issueDeviceCredential(ctx, device.id);
      devices.push({ id: device.id, enterpriseId: enterprise.id, secret, breach, lastAt: 0 });
    }
  }
  return devices;
}

/** Readings/s of `ingestReadings` called directly, 20 batches of 5,000 in range (then the tables are emptied). */
async function directIngestRate(database: Database, devices: Device[]): Promise<number> {
  const start = Date.now() - 3_600_000;
  const batch = (b: number): IncomingReading[] => Array.from({ length: 5000 }, (_, i) => ({ deviceId: devices[i % devices.length]!.id, at: new Date(start + (b * 5000 + i) * 10), value: 22 }));
  await ingestReadings(database.db, batch(0));
  const t0 = performance.now();
  for (let b = 1; b <= 20; b += 1) await ingestReadings(database.db, batch(b));
  const rate = (20 * 5000) / ((performance.now() - t0) / 1000);
  await database.db.deleteFrom('monitoringReadings').execute();
  await database.db.deleteFrom('monitoringRollups').execute();
  await database.db.deleteFrom('monitoringAlerts').execute();
  await database.db.updateTable('monitoringDevices').set({ state: '{}', lastSeenAt: null }).execute();
  return rate;
}

interface RunResult {
  offered: number;
  acked: number;
  ackMs: number[];
  alertMs: number[];
  breaches: number;
  cpu: { platform: number; postgres: number; fleet: number };
}

/** Publishes at the offered rate for warm-up + duration; measures acks, latencies and CPU over the measured part. */
async function drive(devices: Device[], clients: MqttClient[], options: MonitoringIngestOptions, base: string, cookie: string, platformPid: number, dbName: string | null): Promise<RunResult> {
  const topic = (d: Device): string => `shian/${d.enterpriseId}/${d.id}/readings`;
  const breachers = devices.map((d, i) => ({ d, i })).filter((x) => x.d.breach);
  const measureFrom = WARM_UP_S * 1000;
  const total = (WARM_UP_S + options.duration) * 1000;
  // Each breaching device goes out of range once, at a moment spread over the measured part.
  const breachAt = new Map(breachers.map((x, k) => [x.d.id, measureFrom + ((options.duration * 1000 - (BREACH_SECONDS + 2) * 1000) * k) / breachers.length]));
  const published = new Map<string, number>(); // `${deviceId}|${at}` → wall time, for breaching devices
  const ackMs: number[] = [];
  const alertMs: number[] = [];
  let ackedInWindow = 0;
  let sent = 0;
  let sentInWindow = 0;
  let inflight = 0;
  let next = 0;
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  let cpuStart: { platform: number; postgres: () => number; fleet: NodeJS.CpuUsage } | null = null;
  let cpuEnd: { platform: number; postgres: number; fleet: NodeJS.CpuUsage } | null = null;
  let windowEnd = 0;

  const publishOne = (d: Device, client: MqttClient, now: number): void => {
    const readings: { at: string; value: number }[] = [];
    const window = breachAt.get(d.id);
    for (let r = 0; r < options.perMessage; r += 1) {
      d.lastAt = Math.max(Date.now(), d.lastAt + 1);
      const out = window !== undefined && now >= window && now < window + BREACH_SECONDS * 1000;
      const at = new Date(d.lastAt).toISOString();
      readings.push({ at, value: out ? 30 : 22 + ((d.lastAt % 7) - 3) / 10 });
      if (window !== undefined) published.set(`${d.id}|${at}`, Date.now());
    }
    const payload = JSON.stringify(readings.length === 1 ? readings[0] : { readings });
    const sentAt = performance.now();
    const inWindow = now >= measureFrom;
    inflight += 1;
    client.publish(topic(d), payload, { qos: 1 }, (error) => {
      inflight -= 1;
      if (error) return;
      const done = performance.now();
      if (inWindow && done - t0 <= total) {
        ackedInWindow += options.perMessage;
        ackMs.push(done - sentAt);
      }
    });
  };

  // Alert visibility: poll the API as the city supervisor; the alert's opened_at is the completing reading's time.
  const seen = new Set<string>();
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const res = await fetch(`${base}/api/v1/monitoring/alerts?status=open`, { headers: { cookie } }).catch(() => null);
      const now = Date.now();
      if (res?.ok) {
        for (const a of ((await res.json()) as { items: { deviceId: string; ruleKind: string; openedAt: string }[] }).items) {
          if (a.ruleKind !== 'out_of_range' || seen.has(a.deviceId)) continue;
          seen.add(a.deviceId);
          const at = published.get(`${a.deviceId}|${a.openedAt}`);
          if (at !== undefined) alertMs.push(now - at);
        }
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();

  const perTickCap = 5000;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = elapsed();
      if (!cpuStart && now >= measureFrom) {
        cpuStart = { platform: processCpuSeconds(platformPid), postgres: dbName ? serverCpu(dbName) : () => 0, fleet: process.cpuUsage() };
        sentInWindow = 0;
      }
      if (now >= total) {
        windowEnd = now;
        const start = cpuStart!;
        cpuEnd = { platform: processCpuSeconds(platformPid), postgres: start.postgres(), fleet: process.cpuUsage(start.fleet) };
        return resolve();
      }
      const due = Math.min(perTickCap, Math.floor((options.rate / options.perMessage) * (now / 1000)) - sent);
      // Back-pressure as a real device has it: a device waits when too much is unacknowledged.
      for (let k = 0; k < due && inflight < 50_000; k += 1) {
        const i = next++ % devices.length;
        publishOne(devices[i]!, clients[i]!, now);
        sent += 1;
        if (now >= measureFrom) sentInWindow += options.perMessage;
      }
      setTimeout(tick, 5);
    };
    tick();
  });
  // Let the last breaches become visible.
  await until(async () => seen.size >= breachers.length, 10_000).catch(() => undefined);
  polling = false;
  await poller;
  const measuredS = (windowEnd - measureFrom) / 1000;
  const end = cpuEnd!;
  const start = cpuStart!;
  const perReadingUs = (seconds: number): number => (seconds * 1e6) / Math.max(1, ackedInWindow);
  return {
    offered: sentInWindow / measuredS,
    acked: ackedInWindow / measuredS,
    ackMs,
    alertMs,
    breaches: breachers.length,
    cpu: { platform: perReadingUs(end.platform - start.platform), postgres: perReadingUs(end.postgres), fleet: perReadingUs((end.fleet.user + end.fleet.system) / 1e6) },
  };
}

/** CPU seconds (user + system) a process has used, from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-city', password: 'Bench-Passw0rd!' }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').join('; ');
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

