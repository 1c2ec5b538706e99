import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { verifyDeviceCredential, type Db, type DeviceIdentity } from '@shian/core';
import { ReadingsRefused, type ReadingBatcher } from './reading-batcher.ts';
import { parseTelemetryPayload, telemetryTopic } from './telemetry-payload.ts';
import type { TelemetryLog } from './telemetry-listener.ts';

export interface EmbeddedBroker {
  /** The TCP port it listens on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/** MQTT CONNACK return code 4 (bad user name or password); aedes' const enum is not usable under type stripping. */
const BAD_USERNAME_OR_PASSWORD = 4;

/**
 * The embedded MQTT broker (aedes, in this process). A device connects with its id as user name and its
 * secret as password, and may only publish to its own topic `shian/{enterpriseId}/{deviceId}/readings`;
 * it may subscribe to nothing. A publish is authorised only once its readings are COMMITTED, so the broker's
 * PUBACK to a QoS 1 publisher means "stored": a device that got no PUBACK (platform stopped, database
 * failing) resends after reconnecting, and repeats are ignored by `ingestReadings`. A malformed payload or
 * a refused reading is acknowledged and logged, never left to be redelivered forever.
 */
export async function startEmbeddedBroker(db: Db, batcher: ReadingBatcher, options: { port: number; host?: string; log: TelemetryLog }): Promise<EmbeddedBroker> {
  const devices = new WeakMap<Client, DeviceIdentity>();
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      verifyDeviceCredential(db, username ?? '', password?.toString() ?? '').then(
        (device) => {
          if (!device) return done(Object.assign(new Error('bad device credentials'), { returnCode: BAD_USERNAME_OR_PASSWORD }) as AuthenticateError, false);
          devices.set(client, device);
          done(null, true);
        },
        (error: unknown) => {
          options.log.error({ err: error }, 'mqtt: credential check failed');
          done(Object.assign(new Error('server unavailable'), { returnCode: 3 }) as AuthenticateError, false);
        },
      );
    },
    authorizeSubscribe: (_client, _subscription, callback) => callback(new Error('devices publish only')),
    authorizePublish: (client, packet, callback) => {
      const device = client ? devices.get(client) : undefined;
      if (!device || packet.topic !== telemetryTopic(device.enterpriseId, device.id)) return callback(new Error('not this device\'s topic'));
      const parsed = parseTelemetryPayload(device.id, packet.payload);
      if ('error' in parsed) {
        options.log.warn({ deviceId: device.id, reason: parsed.error }, 'mqtt: malformed telemetry acknowledged and dropped');
        return callback(null);
      }
      batcher.add(parsed.readings).then(
        () => callback(null),
        (error: unknown) => {
          if (error instanceof ReadingsRefused) {
            options.log.warn({ deviceId: device.id, refused: error.refused.slice(0, 10) }, 'mqtt: refused readings acknowledged and dropped');
            return callback(null);
          }
          // Not stored: no PUBACK, the connection closes and the device resends after reconnecting.
          options.log.error({ err: error, deviceId: device.id }, 'mqtt: readings not stored');
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port; // a TCP server's address is an AddressInfo
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
