import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@shian/domain';
import { cameraSnapshot, listCameraEvents, receiveCameraEvent, type DeviceIdentity } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { deviceOfRequest } from './request-parties.ts';
import { CAMERA_EVENT_BODY_LIMIT, cameraEventAcceptedSchema, cameraEventInSchema, cameraEventListQuerySchema, cameraEventSchema, presentCameraEvent } from './camera-events.contract.ts';

/** The snapshot's bytes (JPEG or PNG) as the response body. */
const binarySchema = z.unknown().meta({ description: 'Binary content: the snapshot (image/jpeg or image/png)' });

/** The camera of each webhook request, found before its body is validated (so a stranger gets 401, not 400). */
const cameras = new WeakMap<FastifyRequest, DeviceIdentity>();

/**
 * AI camera events (AI 视频识别事件): the vendor's webhook posts one event with its snapshot as the camera
 * (`Authorization: Device {deviceId}:{secret}`, the camera's own credential; a session is not one); it is
 * stored once (a retry with the same `eventId` answers `duplicate`) and opens or extends the one alert of
 * (camera, kind). Regulators and the enterprise read the events of an alert or a device and their snapshots.
 */
export function registerMonitoringCameraEventRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/monitoring/camera-events',
    {
      bodyLimit: CAMERA_EVENT_BODY_LIMIT,
      preValidation: async (request) => {
        const camera = await deviceOfRequest(deps.database.db, request);
        if (!camera) throw new AppError('auth.unauthenticated');
        cameras.set(request, camera);
      },
      schema: {
        tags: ['monitoring'],
        summary: "An AI camera event with its snapshot (webhook): `Authorization: Device {deviceId}:{secret}` of the camera; 202 once stored, a vendor's retry answers `duplicate`",
        body: cameraEventInSchema,
        response: { 202: cameraEventAcceptedSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const camera = cameras.get(request);
      if (!camera) throw new AppError('auth.unauthenticated');
      const { snapshot, ...body } = request.body;
      const receipt = await receiveCameraEvent(deps.database.db, camera, {
        ...body,
        occurredAt: new Date(body.occurredAt),
        snapshot: snapshot ? { contentType: snapshot.contentType, bytes: Buffer.from(snapshot.base64, 'base64') } : null,
      });
      return reply.status(202).send({ eventId: receipt.event.id, alertId: receipt.event.alertId, duplicate: receipt.duplicate });
    },
  );

  api.get(
    '/monitoring/camera-events',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'AI camera events in scope, of one alert or one device, newest first (at most 500), each with its snapshot link',
        querystring: cameraEventListQuerySchema,
        response: { 200: z.object({ items: z.array(cameraEventSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listCameraEvents(request.ctx, request.query)).map(presentCameraEvent) }),
  );

  api.get(
    '/monitoring/camera-events/:id/snapshot',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'The snapshot of an AI camera event (JPEG or PNG)',
        params: idParamsSchema,
        response: { 200: binarySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const snapshot = await cameraSnapshot(request.ctx, request.params.id);
      return reply.header('content-type', snapshot.contentType).header('cache-control', 'private, max-age=3600').send(Buffer.from(snapshot.bytes));
    },
  );
}
