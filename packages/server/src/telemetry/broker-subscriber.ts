import mqtt from 'mqtt';
import type { Db } from '@shian/core';
import { ReadingsRefused, type ReadingBatcher } from './reading-batcher.ts';
import { parseTelemetryPayload, parseTelemetryTopic, TELEMETRY_TOPIC_FILTER } from './telemetry-payload.ts';
import type { TelemetryLog } from './telemetry-listener.ts';

export interface BrokerSubscriber {
  /** Resolves once connected and subscribed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** The MQTT 5 PUBACK reason code for success. */
const ACCEPTED = 0;

/**
 * The platform as a subscriber of a standard broker (e.g. Mosquitto), with MQTT.js: a fixed client id,
 * `clean: false` and a QoS 1 subscription to `shian/+/+/readings`, so the broker keeps what arrives while the
 * platform is away. Each message is acknowledged only after its readings are COMMITTED (`customHandleAcks`);
 * if storing fails the connection is dropped without the PUBACK, so the broker redelivers after reconnect.
 * The topic's enterprise must be the device's enterprise. Per-device credentials and topic ACLs are the
 * broker's own configuration.
 */
export function startBrokerSubscriber(db: Db, batcher: ReadingBatcher, options: { url: string; clientId: string; username?: string | undefined; password?: string | undefined; log: TelemetryLog }): BrokerSubscriber {
  const enterpriseOf = new Map<string, string | null>();
  const deviceEnterprise = async (deviceId: string): Promise<string | null> => {
    if (!enterpriseOf.has(deviceId)) {
      if (!/^[0-9a-f-]{36}$/i.test(deviceId)) return null;
      const row = await db.selectFrom('monitoringDevices').select('enterpriseId').where('id', '=', deviceId).executeTakeFirst();
      if (!row) return null; // unknown devices are not cached: one may be registered later
      enterpriseOf.set(deviceId, row.enterpriseId);
    }
    return enterpriseOf.get(deviceId) ?? null;
  };

  const client = mqtt.connect(options.url, {
    clientId: options.clientId,
    // MQTT 5: MQTT.js honours `customHandleAcks` only on v5; a clean start of false with a session that never
    // expires keeps the subscription and the unacknowledged messages at the broker while the platform is away.
    protocolVersion: 5,
    clean: false,
    properties: { sessionExpiryInterval: 0xffffffff },
    username: options.username,
    password: options.password,
    reconnectPeriod: 1000,
    resubscribe: true,
    customHandleAcks: (topic, message, _packet, ack) => {
      void handle(topic, message).then(
        () => ack(ACCEPTED),
        (error: unknown) => {
          options.log.error({ err: error, topic }, 'mqtt: readings not stored; dropping the connection so the broker redelivers');
          client.stream?.destroy();
          ack(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });

  /** Resolves when the message may be acknowledged (stored, or dropped as malformed or refused). */
  const handle = async (topic: string, message: Buffer): Promise<void> => {
    const names = parseTelemetryTopic(topic);
    if (!names) return options.log.warn({ topic }, 'mqtt: not a telemetry topic; acknowledged and dropped');
    if ((await deviceEnterprise(names.deviceId)) !== names.enterpriseId) return options.log.warn({ topic }, "mqtt: the topic's enterprise is not the device's; acknowledged and dropped");
    const parsed = parseTelemetryPayload(names.deviceId, message);
    if ('error' in parsed) return options.log.warn({ topic, reason: parsed.error }, 'mqtt: malformed telemetry acknowledged and dropped');
    const added = batcher.add(parsed.readings);
    // MQTT.js hands over one message at a time and waits for its ack, so waiting for more would only add delay.
    batcher.flush();
    try {
      await added;
    } catch (error) {
      if (!(error instanceof ReadingsRefused)) throw error;
      options.log.warn({ topic, refused: error.refused.slice(0, 10) }, 'mqtt: refused readings acknowledged and dropped');
    }
  };

  const ready = new Promise<void>((resolve) => {
    client.on('connect', (connack) => {
      if (connack.sessionPresent) return resolve();
      client.subscribe(TELEMETRY_TOPIC_FILTER, { qos: 1 }, (error) => {
        if (error) options.log.error({ err: error }, 'mqtt: subscription failed');
        else resolve();
      });
    });
  });
  client.on('error', (error) => options.log.error({ err: error }, 'mqtt: client error'));

  return { ready, close: () => client.endAsync() };
}
