import mqtt, { type MqttClient } from 'mqtt';
import type { Db } from '@shian/core';
import { findDemoFleet } from '@shian/core/demo/demo-monitoring.ts';
import { hash01, readingValue, EMPTY_SCENARIO, type FleetScenario, type ModelDevice } from '@shian/core/demo/fleet-model.ts';
import { telemetryTopic } from './telemetry-payload.ts';
import type { TelemetryLog } from './telemetry-listener.ts';

/** A device the simulator plays: where it publishes, what it measures, and its secret. */
export interface SimulatedDevice extends ModelDevice {
  enterpriseId: string;
  secret: string;
}

export interface FleetSimulatorOptions {
  /** The broker, e.g. `mqtt://127.0.0.1:1884` (the platform's embedded one). */
  url: string;
  devices: readonly SimulatedDevice[];
  scenario?: FleetScenario | undefined;
  /** Time between two readings of a device in real time; default 10 s, each wait jittered by ±20 %. */
  intervalMs?: number | undefined;
  log?: TelemetryLog | undefined;
}

export interface FleetSimulator {
  readonly devices: number;
  /** The real-time interval between two readings of a device. */
  readonly intervalMs: number;
  /** Readings acknowledged by the broker (PUBACK) so far, per device id. */
  readonly acknowledged: ReadonlyMap<string, number>;
  /** Starts publishing in real time: every device every `intervalMs` (jittered), from now. */
  run(): void;
  /**
   * Compressed time: `ticks` rounds at simulated instants `from + i × stepMs`; in each round every device that
   * is not silent publishes its reading and the round ends when all are acknowledged. Scenario offsets count
   * from `from`. Resolves with the readings acknowledged.
   */
  runTicks(clock: { from: Date; stepMs: number; ticks: number }): Promise<number>;
  /** Stops the timers and ends every client cleanly (in-flight publishes complete first). */
  stop(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 10_000;
/** How long `stop()` waits for the acknowledgements of publishes in flight. */
const STOP_WAIT_MS = 5_000;

/**
 * The fleet simulator (设备模拟器): one MQTT.js client per device, signed in with the device's id and secret,
 * publishing QoS 1 to its own topic `shian/{enterpriseId}/{deviceId}/readings` with `{at, value}` from the
 * value model (`fleet-model.ts`); cameras send heartbeats (1). The scenario scripts excursions and silences.
 * Resolves once every client is connected.
 */
export async function startFleetSimulator(options: FleetSimulatorOptions): Promise<FleetSimulator> {
  const scenario = options.scenario ?? EMPTY_SCENARIO;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const acknowledged = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const clients = new Map<string, MqttClient>();

  await Promise.all(
    options.devices.map(async (device) => {
      const client = mqtt.connect(options.url, {
        clientId: `shian-sim-${device.id}`,
        username: device.id,
        password: device.secret,
        clean: true,
        reconnectPeriod: 2_000,
        connectTimeout: 10_000,
      });
      client.on('error', (error) => options.log?.warn({ err: error, deviceId: device.id }, 'simulator: device client error'));
      clients.set(device.id, client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
    }),
  ).catch(async (error: unknown) => {
    await Promise.all([...clients.values()].map((c) => c.endAsync(true)));
    throw error;
  });

  /** Publishes one reading of `device` for the simulated instant `at`; false when the scenario keeps it silent. */
  const publish = (device: SimulatedDevice, elapsedMs: number, at: Date): Promise<boolean> => {
    const value = readingValue(device, scenario, elapsedMs, at.getTime());
    const client = clients.get(device.id);
    if (value === null || !client || stopped) return Promise.resolve(false);
    const sent = client.publishAsync(telemetryTopic(device.enterpriseId, device.id), JSON.stringify({ at: at.toISOString(), value }), { qos: 1 }).then(() => {
      acknowledged.set(device.id, (acknowledged.get(device.id) ?? 0) + 1);
      return true;
    });
    inFlight.add(sent);
    void sent.catch(() => undefined).finally(() => inFlight.delete(sent));
    return sent;
  };

  return {
    devices: options.devices.length,
    intervalMs,
    acknowledged,
    run() {
      const startedAt = Date.now();
      for (const device of options.devices) {
        let round = 0;
        const schedule = (): void => {
          if (stopped) return;
          // ±20 % jitter, deterministic per device and round, so the fleet does not publish in lockstep.
          const wait = intervalMs * (0.8 + 0.4 * hash01(device.id, round));
          round += 1;
          const timer = setTimeout(() => {
            timers.delete(timer);
            const now = new Date();
            publish(device, now.getTime() - startedAt, now).catch((error: unknown) => {
              if (!stopped) options.log?.warn({ err: error, deviceId: device.id }, 'simulator: reading not acknowledged');
            });
            schedule();
          }, wait);
          timers.add(timer);
        };
        schedule();
      }
    },
    async runTicks(clock) {
      let sent = 0;
      for (let i = 0; i < clock.ticks && !stopped; i += 1) {
        const elapsed = i * clock.stepMs;
        const at = new Date(clock.from.getTime() + elapsed);
        const results = await Promise.all(options.devices.map((d) => publish(d, elapsed, at)));
        sent += results.filter(Boolean).length;
      }
      return sent;
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Publishes in flight get their PUBACK first, unless the broker is gone: then the clients end at once.
      let waited: NodeJS.Timeout | undefined;
      const settled = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => true),
        new Promise<boolean>((resolve) => (waited = setTimeout(() => resolve(false), STOP_WAIT_MS))),
      ]);
      clearTimeout(waited);
      await Promise.all([...clients.values()].map((c) => c.endAsync(!settled)));
    },
  };
}

const MINUTE = 60_000;

/**
 * The live demo's scenario, repeating every hour: a temperature excursion (ramped slowly enough not to count as
 * a rate of change; about 12 min out of range) at one site, a pressure gauge below its minimum for 10 min at
 * another, a 2-minute pressure dip too short to count at a third, one
 * sensor silent for 15 min and one camera without heartbeats for 10 min. Picks the devices by position, so the
 * same fleet always plays the same script.
 */
export function demoFleetScenario(devices: readonly SimulatedDevice[]): FleetScenario {
  const sites = [...new Set(devices.map((d) => d.enterpriseId))];
  const at = (site: number, kind: SimulatedDevice['kind'], nth = 0): SimulatedDevice | undefined => devices.filter((d) => d.enterpriseId === sites[site % Math.max(1, sites.length)] && d.kind === kind)[nth];
  const hot = at(1, 'temperature');
  const pressure = at(3, 'pressure_differential');
  const spike = at(4, 'pressure_differential');
  const quiet = at(5, 'humidity');
  const camera = at(6, 'camera');
  const minOf = (d: SimulatedDevice): number => d.limit?.min ?? 0;
  return {
    repeatEveryMs: 60 * MINUTE,
    excursions: [
      ...(hot ? [{ deviceId: hot.id, startMs: 2 * MINUTE, durationMs: 24 * MINUTE, value: 27.5, rampMs: 8 * MINUTE }] : []),
      ...(pressure ? [{ deviceId: pressure.id, startMs: 6 * MINUTE, durationMs: 10 * MINUTE, value: minOf(pressure) - 4 }] : []),
      ...(spike ? [{ deviceId: spike.id, startMs: 30 * MINUTE, durationMs: 2 * MINUTE, value: minOf(spike) - 3 }] : []),
    ],
    silences: [
      ...(quiet ? [{ deviceId: quiet.id, startMs: 20 * MINUTE, durationMs: 15 * MINUTE }] : []),
      ...(camera ? [{ deviceId: camera.id, startMs: 40 * MINUTE, durationMs: 10 * MINUTE }] : []),
    ],
  };
}

/**
 * The demo fleet from the database (devices with the demo-derived secret) playing the demo scenario in real
 * time at `url`; null when the database has no demo devices.
 */
export async function startDemoFleet(db: Db, options: { url: string; intervalMs?: number | undefined; log?: TelemetryLog | undefined }): Promise<FleetSimulator | null> {
  const devices = await findDemoFleet(db);
  if (devices.length === 0) return null;
  const simulator = await startFleetSimulator({ url: options.url, devices, scenario: demoFleetScenario(devices), intervalMs: options.intervalMs, log: options.log });
  simulator.run();
  return simulator;
}
