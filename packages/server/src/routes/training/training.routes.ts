import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZExamSessionCreate, ZExamSubmit, ZTrainingRecordCreate } from '@shian/domain';
import {
  computeTrainingKpis,
  createExamSession,
  findAttempt,
  findExamSession,
  listExamSessions,
  listMyExams,
  listTrainingHours,
  listTrainingRecords,
  recordTraining,
  startAttempt,
  submitAttempt,
} from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import {
  examAttemptSchema,
  examSessionDetailSchema,
  examSessionSchema,
  myExamSchema,
  presentAttempt,
  presentExamSession,
  presentExamSessionDetail,
  presentMyExam,
  presentTrainingHours,
  presentTrainingRecord,
  trainingHoursSchema,
  trainingKpisSchema,
  trainingRecordSchema,
  yearQuery,
} from './training.contract.ts';

/**
 * Training records (培训记录) of enterprise managers, and the bureau's spot-check exams (抽查考核): sessions,
 * the enterprise's exams, timed attempts and the KPIs.
 */
export function registerTrainingRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['training'];

  api.get(
    '/training/hours',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: 'Training hours per manager in a year against the yearly requirement (≥ 40 h): an enterprise its own, regulators their jurisdiction',
        querystring: z.strictObject({ year: yearQuery, enterpriseId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(trainingHoursSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listTrainingHours(request.ctx, request.query)).map(presentTrainingHours) }),
  );

  api.get(
    '/training/records',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: 'Training records of a year in scope, newest first',
        querystring: z.strictObject({ year: yearQuery, personId: z.uuid().optional(), enterpriseId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(trainingRecordSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listTrainingRecords(request.ctx, request.query)).map(presentTrainingRecord) }),
  );

  api.post(
    '/training/records',
    {
      preHandler: requireUser,
      schema: { tags, summary: "Record a course one of the enterprise's managers attended (hours, date)", body: ZTrainingRecordCreate, response: { 201: trainingRecordSchema, ...commonErrors } },
    },
    async (request, reply) => {
      const row = await recordTraining(request.ctx, request.body);
      const [view] = await listTrainingRecords(request.ctx, { year: Number(row.attendedOn.slice(0, 4)), personId: row.personId });
      return reply.status(201).send(presentTrainingRecord(view ?? { ...row, personName: '' }));
    },
  );

  api.get(
    '/training/kpis',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: 'Spot-check exam pass rate (抽查考核合格率) and training hours compliance (培训学时达标率) per district for a year, with targets and sources',
        querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema, year: yearQuery }),
        response: { 200: trainingKpisSchema, ...commonErrors },
      },
    },
    async (request) => computeTrainingKpis(request.ctx, request.query.jurisdictionCode, request.query.year),
  );

  api.get(
    '/exam-sessions',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Spot-check exam sessions in scope, newest first, with their counts', response: { 200: z.object({ items: z.array(examSessionSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: (await listExamSessions(request.ctx)).map(presentExamSession) }),
  );

  api.post(
    '/exam-sessions',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: 'Create a spot-check exam session for named enterprises of the jurisdiction or a share drawn at random; their serving managers are examined',
        body: ZExamSessionCreate,
        response: { 201: examSessionDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const session = await createExamSession(request.ctx, request.body);
      return reply.status(201).send(presentExamSessionDetail(await findExamSession(request.ctx, session.id)));
    },
  );

  api.get(
    '/exam-sessions/:id',
    {
      preHandler: requireUser,
      schema: { tags, summary: "One session with its candidates' attempts and results (an enterprise sees its own managers)", params: idParamsSchema, response: { 200: examSessionDetailSchema, ...commonErrors } },
    },
    async (request) => presentExamSessionDetail(await findExamSession(request.ctx, request.params.id)),
  );

  api.get(
    '/exams/mine',
    {
      preHandler: requireUser,
      schema: { tags, summary: "The enterprise's managers' exams: to take, running, done", response: { 200: z.object({ items: z.array(myExamSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: (await listMyExams(request.ctx)).map(presentMyExam) }),
  );

  api.post(
    '/exam-candidates/:id/attempts',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: 'Start an attempt (a new random draw, timed by the server), or resume the running one',
        params: idParamsSchema,
        response: { 201: examAttemptSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const attempt = await startAttempt(request.ctx, request.params.id);
      return reply.status(201).send(presentAttempt(await findAttempt(request.ctx, attempt.id)));
    },
  );

  api.get(
    '/exam-attempts/:id',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'One attempt: its questions (answers only once it is over) and result', params: idParamsSchema, response: { 200: examAttemptSchema, ...commonErrors } },
    },
    async (request) => presentAttempt(await findAttempt(request.ctx, request.params.id)),
  );

  api.post(
    '/exam-attempts/:id/submit',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Submit the answers: refused after the deadline; scored against the pass mark', params: idParamsSchema, body: ZExamSubmit, response: { 200: examAttemptSchema, ...commonErrors } },
    },
    async (request) => {
      await submitAttempt(request.ctx, request.params.id, request.body);
      return presentAttempt(await findAttempt(request.ctx, request.params.id));
    },
  );
}
