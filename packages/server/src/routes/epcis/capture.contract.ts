import { z } from 'zod';

/** Shapes of the EPCIS 2.0 capture interface (采集): capture jobs and RFC 7807 problem bodies. */

/** One error of a capture, as an RFC 7807 problem with the JSON pointer of the bad field. */
export const captureProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().meta({ description: 'The bad field as a URI fragment: #/epcisBody/eventList/3/bizStep' }),
    pointer: z.string().meta({ description: 'JSON pointer (RFC 6901) into the document' }),
    message: z.string(),
    code: z.string(),
    eventIndex: z.number().int().nullable(),
  })
  .meta({ id: 'EPCISCaptureError' });

/** The standard's CaptureJob, with the counts of this platform. */
export const captureJobSchema = z
  .object({
    captureID: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    running: z.boolean(),
    success: z.boolean(),
    captureErrorBehaviour: z.enum(['rollback', 'proceed']),
    errors: z.array(captureProblemSchema),
    status: z.enum(['queued', 'running', 'done', 'failed']).meta({ description: 'The platform’s own state of the job (running covers queued and running)' }),
    eventCount: z.number().int(),
    capturedCount: z.number().int().meta({ description: 'Events stored (a retry of an event already stored counts); 0 until the job has finished' }),
  })
  .meta({ id: 'EPCISCaptureJob' });

/** An RFC 7807 problem body of the /epcis routes (`application/problem+json`), in the user's language. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ pointer: z.string(), message: z.string() })),
  })
  .meta({ id: 'EPCISProblem' });

/** The error answers of the /epcis routes. */
export const problemErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema };

export const captureIdParamsSchema = z.strictObject({ captureID: z.uuid() });

export const captureHeadersSchema = z.object({
  'gs1-capture-error-behaviour': z
    .enum(['rollback', 'proceed'])
    .optional()
    .meta({ description: 'rollback (default): any error stores nothing; proceed: the valid events are stored, the others listed' }),
});

export const captureListQuerySchema = z.strictObject({ perPage: z.coerce.number().int().min(1).max(200).default(50) });
