import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueDeviceCredential, listDevices, registerDevice, setDeviceRuleSet } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { enterpriseOfWrite } from './request-parties.ts';
import { DEFAULT_RULE_SET_ID, deviceCreateSchema, deviceCredentialSchema, deviceListQuerySchema, deviceRuleSetSchema, deviceSchema, presentDevice } from './devices.contract.ts';

/** Monitoring devices (监测设备): the enterprise (or its regulator) registers them, issues their secret, sets their rule set. */
export function registerMonitoringDeviceRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/monitoring/devices',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'Devices in scope: regulators by jurisdiction, an enterprise its own',
        querystring: deviceListQuerySchema,
        response: { 200: z.object({ items: z.array(deviceSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listDevices(request.ctx, request.query)).map(presentDevice) }),
  );

  api.post(
    '/monitoring/devices',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: "Register a device at one of the enterprise's sites (an enterprise user: its own enterprise; a regulator names `enterpriseId`)",
        body: deviceCreateSchema,
        response: { 201: deviceSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { enterpriseId, ruleSetId = DEFAULT_RULE_SET_ID, ...input } = request.body;
      const device = await registerDevice(request.ctx, enterpriseOfWrite(request, enterpriseId), { ...input, ruleSetId });
      return reply.status(201).send(presentDevice(device));
    },
  );

  api.post(
    '/monitoring/devices/:id/credential',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: "Issue (or replace) the device's secret (设备凭证): shown in this answer only, never again",
        params: idParamsSchema,
        response: { 201: deviceCredentialSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const credential = await issueDeviceCredential(request.ctx, request.params.id);
      return reply.status(201).header('cache-control', 'no-store').send(credential);
    },
  );

  api.put(
    '/monitoring/devices/:id/rule-set',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: "Put the device under another rule set (a built-in one or the enterprise's override)",
        params: idParamsSchema,
        body: deviceRuleSetSchema,
        response: { 200: deviceSchema, ...commonErrors },
      },
    },
    async (request) => presentDevice(await setDeviceRuleSet(request.ctx, request.params.id, request.body.ruleSetId)),
  );
}
