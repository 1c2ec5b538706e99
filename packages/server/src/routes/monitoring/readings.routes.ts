import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, hasGrant, invalidRequest } from '@shian/domain';
import { ingestReadings, type Db, type IncomingReading } from '@shian/core';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { deviceOfRequest } from './request-parties.ts';
import { readingsAcceptedSchema, readingsBatchSchema } from './readings.contract.ts';

/** Who sends the batch: one device by its credential, or an enterprise user for devices of its enterprise. */
type Sender = { kind: 'device'; deviceId: string } | { kind: 'enterprise'; enterpriseId: string };

/**
 * The HTTPS telemetry batch (遥测批量上报): up to 10,000 readings in one request, stored in one transaction
 * (`ingestReadings`, idempotent per device and time) and answered 202 once committed. A 400 names every bad
 * reading by its path (`readings.{i}.field`).
 */
export function registerMonitoringReadingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/monitoring/readings',
    {
      bodyLimit: 4 * 1_048_576,
      schema: {
        tags: ['monitoring'],
        summary: 'Send a batch of readings (遥测): `Authorization: Device {deviceId}:{secret}` for one device, or a session of the devices\' enterprise',
        body: readingsBatchSchema,
        response: { 202: readingsAcceptedSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const sender = await senderOf(deps.database.db, request);
      const details: { path: string; message: string }[] = [];
      const readings: IncomingReading[] = request.body.readings.map((r, i) => {
        const deviceId = sender.kind === 'device' ? sender.deviceId : (r.deviceId ?? '');
        if (sender.kind === 'device' ? r.deviceId !== undefined && r.deviceId !== sender.deviceId : !r.deviceId) details.push({ path: `readings.${i}.deviceId`, message: sender.kind === 'device' ? 'field.monitoring_device_unknown' : 'field.required' });
        return { deviceId, at: new Date(r.at), value: r.value };
      });
      if (sender.kind === 'enterprise') details.push(...(await foreignDevices(deps.database.db, sender.enterpriseId, readings)));
      if (details.length) throw invalidRequest(details.slice(0, 100));
      const result = await ingestReadings(deps.database.db, readings);
      return reply.status(202).send({ received: readings.length, stored: result.stored, duplicates: result.duplicates, alertsOpened: result.opened, alertsCleared: result.cleared });
    },
  );
}

/** The device of `Authorization: Device {id}:{secret}`, else the signed-in enterprise user's enterprise. */
async function senderOf(db: Db, request: FastifyRequest): Promise<Sender> {
  const device = await deviceOfRequest(db, request);
  if (device === false) throw new AppError('auth.unauthenticated');
  if (device) return { kind: 'device', deviceId: device.id };
  const actor = request.actor;
  if (!actor.userId) throw new AppError('auth.unauthenticated');
  if (!actor.enterpriseId || !hasGrant(actor, 'monitoring.read')) throw new AppError('auth.forbidden');
  return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
}

/** Readings naming a device that is not the enterprise's (said as "no such device", revealing nothing). */
async function foreignDevices(db: Db, enterpriseId: string, readings: readonly IncomingReading[]): Promise<{ path: string; message: string }[]> {
  const ids = [...new Set(readings.map((r) => r.deviceId).filter(Boolean))];
  if (ids.length === 0) return [];
  const own = new Set((await db.selectFrom('monitoringDevices').select('id').where('id', 'in', ids).where('enterpriseId', '=', enterpriseId).execute()).map((d) => d.id));
  return readings.flatMap((r, i) => (r.deviceId && !own.has(r.deviceId) ? [{ path: `readings.${i}.deviceId`, message: 'field.monitoring_device_unknown' }] : []));
}
