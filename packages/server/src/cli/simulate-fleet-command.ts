import type { DemoFleetDevice } from '@shian/core/demo/demo-monitoring.ts';
import { demoFleetScenario, startFleetSimulator } from '../telemetry/fleet-simulator.ts';

export interface SimulateFleetArgs {
  url?: string | undefined;
  /** Seconds between two readings of a device. */
  interval?: string | undefined;
  /** How long to run; absent → until SIGINT/SIGTERM. */
  minutes?: string | undefined;
}

const USAGE = 'usage: simulate-fleet [--url mqtt://127.0.0.1:1884] [--interval SECONDS] [--minutes N]';

/**
 * `shian simulate-fleet`: reads the demo devices (those with the demo-derived secret) with `loadFleet`, then
 * plays them on the broker at --url with the demo scenario, a reading per device every --interval seconds,
 * for --minutes or until interrupted, and prints how many readings the broker acknowledged. Exit code 1
 * without demo devices or when the broker refuses, 2 on wrong usage.
 */
export async function runSimulateFleet(args: SimulateFleetArgs, loadFleet: () => Promise<DemoFleetDevice[]>): Promise<number> {
  const url = args.url ?? 'mqtt://127.0.0.1:1884';
  const interval = Number(args.interval ?? 10);
  const minutes = args.minutes === undefined ? null : Number(args.minutes);
  const problems = [
    ...(!/^mqtts?:\/\/[^/]+/.test(url) ? ['--url must be an mqtt:// or mqtts:// address'] : []),
    ...(!Number.isFinite(interval) || interval < 0.1 || interval > 3600 ? ['--interval must be a number of seconds between 0.1 and 3600'] : []),
    ...(minutes !== null && (!Number.isFinite(minutes) || minutes <= 0) ? ['--minutes must be a positive number'] : []),
  ];
  if (problems.length) {
    console.error([...problems, USAGE].join('\n'));
    return 2;
  }
  const devices = await loadFleet();
  if (devices.length === 0) {
    console.error('no demo devices in the database: load the demo city first (`npm run shian -- demo`, or start the platform in demo mode)');
    return 1;
  }
  let simulator;
  try {
    simulator = await startFleetSimulator({ url, devices, scenario: demoFleetScenario(devices), intervalMs: interval * 1000, log: { warn: (_d, m) => console.warn(m), error: (_d, m) => console.error(m) } });
  } catch (error) {
    console.error(`cannot connect the devices to ${url}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  simulator.run();
  console.log(`device simulator: ${devices.length} devices publishing every ${interval} s to ${url}${minutes !== null ? ` for ${minutes} min` : ' (Ctrl-C to stop)'}`);
  await new Promise<void>((resolve) => {
    const timer = minutes !== null ? setTimeout(resolve, minutes * 60_000) : null;
    const end = (): void => {
      if (timer) clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
  await simulator.stop();
  const total = [...simulator.acknowledged.values()].reduce((a, b) => a + b, 0);
  console.log(`device simulator stopped: ${total} readings acknowledged`);
  return 0;
}
