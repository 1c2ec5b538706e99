import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** Kept on the validation error so that the error handler can translate each issue into the user's language. */
export class RequestValidationError extends Error {
  readonly issues: z.core.$ZodIssue[];
  readonly part: string;
  constructor(issues: z.core.$ZodIssue[], part: string) {
    super('request validation failed');
    this.issues = issues;
    this.part = part;
  }
}

/** Validates a request part with its Zod schema; failures keep every issue (never only the first). */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };
};
