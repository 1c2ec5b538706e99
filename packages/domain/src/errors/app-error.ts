import { ERROR_STATUS, type ErrorCode } from './error-codes.ts';

/** One invalid field: a dotted path (`licences.0.number`, `row 3 / B`) and a message already in the user's language, or a message key. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Every invalid field, when the error is about input. */
  details?: ErrorDetail[];
  /** Values interpolated into the catalogue message (`{{name}}`). */
  params?: Record<string, string | number>;
  /** Extra machine-readable data for the client (e.g. the expected check character). */
  data?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type of the platform: a stable code, optional field details, and parameters for the message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly params: Record<string, string | number>;
  readonly data: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? [];
    this.params = options.params ?? {};
    this.data = options.data;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/** The 400 of a request with bad fields: every one named (`details`), counted for the message. */
export const invalidRequest = (details: ErrorDetail[]): AppError => new AppError('request.invalid', { details, params: { count: details.length } });
