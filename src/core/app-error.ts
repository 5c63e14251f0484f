/**
 * The closed set of unexpected-failure codes. HTTP maps each to a status and an
 * RFC 9457 problem type; callers branch on `code`, never on `message`.
 */
export const ERROR_CODES = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_ready: 503,
  store_failure: 500,
  internal: 500,
  config_invalid: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field: what every door reports for bad input. */
export interface FieldIssue {
  field: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  override readonly cause?: unknown;

  constructor(code: ErrorCode, message: string, opts: { issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.cause = opts.cause;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
