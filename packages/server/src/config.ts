import { resolve } from 'node:path';

/** The platform's configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** PGlite data lives under here (`<dataDir>/pglite`); so do uploaded files. */
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  /** Whether first start loads the demo city. */
  demo: boolean;
  /** Number of demo sellers (the demo city's size). */
  demoSellers: number;
  bodyLimitBytes: number;
  logLevel: string;
  /**
   * The root of the GS1 Digital Link resolver (一物一码): every printed code is `{publicBaseUrl}/01/{gtin}/…`.
   * `SHIAN_PUBLIC_BASE_URL`, default `http://localhost:{port}`; no trailing slash.
   */
  publicBaseUrl: string;
  /** Telemetry over MQTT (遥测): `SHIAN_MQTT_URL` unset → the embedded broker on `SHIAN_MQTT_PORT` (default 1884, 0 = any free port). */
  mqttUrl: string | undefined;
  mqttPort: number;
  /** The platform's client id (persistent session) at a standard broker; `SHIAN_MQTT_CLIENT_ID`, default `shian-platform`. */
  mqttClientId: string;
  /** Credentials of the platform at a standard broker (`SHIAN_MQTT_USERNAME`, `SHIAN_MQTT_PASSWORD`), if it asks for them. */
  mqttUsername: string | undefined;
  mqttPassword: string | undefined;
  /**
   * The device simulator (设备模拟器) of the demo: in demo mode the platform plays the demo devices on its
   * embedded broker unless `SHIAN_SIMULATOR=off`. Never outside demo mode.
   */
  simulator: boolean;
}

export const DEV_SESSION_SECRET = 'shian-development-only-session-secret-0000';

export class ConfigError extends Error {}

/** Reads and checks the environment; production refuses unsafe settings and says why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const sessionSecret = env.SHIAN_SESSION_SECRET ?? (production ? '' : DEV_SESSION_SECRET);
  if (production && sessionSecret.length < 32) {
    throw new ConfigError('NODE_ENV=production needs SHIAN_SESSION_SECRET set to at least 32 random characters (e.g. `openssl rand -base64 48`).');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const mqttPort = Number(env.SHIAN_MQTT_PORT ?? 1884);
  if (!Number.isInteger(mqttPort) || mqttPort < 0 || mqttPort > 65535) throw new ConfigError(`SHIAN_MQTT_PORT must be a port number, got "${env.SHIAN_MQTT_PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    dataDir: resolve(env.SHIAN_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret,
    demo: env.SHIAN_DEMO !== undefined ? env.SHIAN_DEMO !== '0' && env.SHIAN_DEMO !== 'false' : !production,
    demoSellers: Number(env.SHIAN_DEMO_SELLERS ?? 3000),
    bodyLimitBytes: Number(env.SHIAN_BODY_LIMIT ?? 1_048_576),
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    publicBaseUrl: (env.SHIAN_PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    mqttUrl: env.SHIAN_MQTT_URL || undefined,
    mqttPort,
    mqttClientId: env.SHIAN_MQTT_CLIENT_ID || 'shian-platform',
    mqttUsername: env.SHIAN_MQTT_USERNAME || undefined,
    mqttPassword: env.SHIAN_MQTT_PASSWORD || undefined,
    simulator: !['off', '0', 'false'].includes((env.SHIAN_SIMULATOR ?? '').toLowerCase()),
  };
}
