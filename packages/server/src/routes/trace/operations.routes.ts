import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { aggregate, listInboundShipments, listLotStock, receive, searchTradingPartners, ship } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import {
  aggregateBodySchema,
  inboundShipmentSchema,
  lotStockSchema,
  operationResultSchema,
  presentInbound,
  presentLotStock,
  presentOperation,
  presentPartner,
  receiveBodySchema,
  shipBodySchema,
  tradingPartnerSchema,
} from './operations.contract.ts';

/**
 * Trace operations (追溯作业) from the web pages, for enterprises without a system of their own: each builds a
 * standard EPCIS 2.0 document and captures it as the user's enterprise (the same path as `/epcis/capture`).
 */
export function registerTraceOperationRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const created = { 201: operationResultSchema, ...commonErrors };

  api.post(
    '/trace/operations/aggregate',
    {
      preHandler: requireUser,
      schema: { tags: ['trace'], summary: 'Pack scanned codes into a container, or unpack them (装箱/拆箱): an AggregationEvent', body: aggregateBodySchema, response: created },
    },
    async (request, reply) => reply.status(201).send(presentOperation(await aggregate(request.ctx, request.body, { locale: request.locale }))),
  );

  api.post(
    '/trace/operations/ship',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: "Ship scanned codes and lot quantities to an enterprise's premises (发货): ObjectEvent shipping, with a new desadv",
        body: shipBodySchema,
        response: created,
      },
    },
    async (request, reply) => reply.status(201).send(presentOperation(await ship(request.ctx, request.body, { locale: request.locale }))),
  );

  api.post(
    '/trace/operations/receive',
    {
      preHandler: requireUser,
      schema: { tags: ['trace'], summary: 'Receive a shipment addressed to your enterprise (收货): ObjectEvent receiving, same desadv', body: receiveBodySchema, response: created },
    },
    async (request, reply) => reply.status(201).send(presentOperation(await receive(request.ctx, request.body, { locale: request.locale }))),
  );

  api.get(
    '/trace/inbound',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'Shipments addressed to your enterprise not received yet (待收货), newest first',
        response: { 200: z.object({ items: z.array(inboundShipmentSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listInboundShipments(request.ctx)).map(presentInbound) }),
  );

  api.get(
    '/trace/partners',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'Enterprises to ship to, by name or credit code, with their premises (at most 20)',
        querystring: z.strictObject({ q: z.string().trim().max(100).default('') }),
        response: { 200: z.object({ items: z.array(tradingPartnerSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await searchTradingPartners(request.ctx, request.query.q)).map(presentPartner) }),
  );

  api.get(
    '/trace/lot-stock',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: "Your enterprise's lots with quantity left to ship (可发批次)",
        response: { 200: z.object({ items: z.array(lotStockSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listLotStock(request.ctx)).map(presentLotStock) }),
  );
}
