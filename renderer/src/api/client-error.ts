// The one error type the UI shows. The contract's ApiError class cannot be imported here (the renderer takes
// only types from contract/), so the client rebuilds the same what-happened / what-to-do shape.
import type { ApiErrorBody, ErrorCode } from '../../../contract/api';

/** Contract error codes, plus NETWORK for "the Schakel server did not answer at all". */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class WorkbenchClientError extends Error {
  readonly code: ClientErrorCode;
  readonly hint?: string;
  /** CONFLICT on an annotation: what is saved now and what this analyst tried to save. */
  readonly conflict?: ApiErrorBody['conflict'];
  /** BAD_REQUEST from the request schema: which field was refused and why. */
  readonly invalid?: ApiErrorBody['invalid'];
  /** The language message and hint are in, when not English (an import refused in the analyst's language). */
  readonly language?: ApiErrorBody['language'];
  constructor(body: Omit<ApiErrorBody, 'code'> & { code: ClientErrorCode }) {
    super(body.message);
    this.name = 'WorkbenchClientError';
    this.code = body.code;
    this.hint = body.hint;
    this.conflict = body.conflict;
    this.invalid = body.invalid;
    this.language = body.language;
  }
}

export function serverNotReachable(): WorkbenchClientError {
  return new WorkbenchClientError({
    code: 'NETWORK',
    message: 'The Schakel server is not reachable.',
    hint: 'Check that "npm run web" is still running, then try again.',
  });
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/** Whatever was thrown, as something the alert area can show (never a stack trace). */
export function toClientError(error: unknown): WorkbenchClientError {
  if (error instanceof WorkbenchClientError) return error;
  if (isApiErrorBody(error)) {
    const hint = (error as { hint?: unknown }).hint;
    return new WorkbenchClientError({ ...error, code: error.code as ClientErrorCode, hint: typeof hint === 'string' ? hint : undefined });
  }
  return new WorkbenchClientError({
    code: 'INTERNAL',
    message: 'Something went wrong while talking to Schakel.',
    hint: 'Try again; if it keeps happening, restart Schakel.',
  });
}
