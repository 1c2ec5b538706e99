import type { Db } from '@shian/core';
import { startBrokerSubscriber } from './broker-subscriber.ts';
import { startEmbeddedBroker } from './embedded-broker.ts';
import { ReadingBatcher } from './reading-batcher.ts';

/** The slice of a pino/Fastify logger the telemetry side uses. */
export interface TelemetryLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface TelemetrySettings {
  /** `SHIAN_MQTT_URL`: a standard broker to subscribe to; unset → the embedded broker. */
  mqttUrl: string | undefined;
  /** `SHIAN_MQTT_PORT`: the embedded broker's port (0 = any free port). */
  mqttPort: number;
  /** `SHIAN_MQTT_CLIENT_ID`: the platform's persistent-session client id at the standard broker. */
  mqttClientId: string;
  mqttUsername?: string | undefined;
  mqttPassword?: string | undefined;
}

export interface TelemetryListener {
  batcher: ReadingBatcher;
  /** `embedded` with its port, or `subscriber` to the configured broker. */
  mode: 'embedded' | 'subscriber';
  port: number | null;
  /** Resolves once listening (embedded) or connected and subscribed (subscriber). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts telemetry (遥测) intake: the embedded MQTT broker by default, or a subscriber of a standard broker
 * when `SHIAN_MQTT_URL` is set. Both feed one `ReadingBatcher`, which the HTTPS batch endpoint shares.
 * `close()` stops taking messages, then writes what is queued.
 */
export async function startTelemetry(db: Db, settings: TelemetrySettings, log: TelemetryLog, batcher = new ReadingBatcher(db)): Promise<TelemetryListener> {
  if (settings.mqttUrl) {
    const subscriber = startBrokerSubscriber(db, batcher, { url: settings.mqttUrl, clientId: settings.mqttClientId, username: settings.mqttUsername, password: settings.mqttPassword, log });
    return {
      batcher,
      mode: 'subscriber',
      port: null,
      ready: subscriber.ready,
      close: async () => {
        await subscriber.close();
        await batcher.close();
      },
    };
  }
  const broker = await startEmbeddedBroker(db, batcher, { port: settings.mqttPort, log });
  return {
    batcher,
    mode: 'embedded',
    port: broker.port,
    ready: Promise.resolve(),
    close: async () => {
      await broker.close();
      await batcher.close();
    },
  };
}
