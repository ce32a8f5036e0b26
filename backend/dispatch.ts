// Validates a request against the contract and runs its handler. Both transports call this one function,
// so a malformed request gets the same BAD_REQUEST answer over IPC and over HTTP, and nothing a handler
// throws ever reaches the renderer as a stack trace.
import {
  ApiError,
  OPERATION_NAMES,
  requestSchemas,
  type ApiEnvelope,
  type OperationName,
  type WorkbenchHandlers,
} from '../contract/api';
import { ruleOf } from '../contract/text';
import { toApiError } from './errors';

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as string[]).includes(value);
}

export async function dispatch(
  handlers: WorkbenchHandlers,
  operation: unknown,
  rawRequest: unknown,
): Promise<ApiEnvelope<unknown>> {
  if (!isOperationName(operation)) {
    return {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `Unknown operation "${String(operation).slice(0, 80)}".`,
        hint: `Known operations: ${OPERATION_NAMES.join(', ')}.`,
      },
    };
  }
  const parsed = requestSchemas[operation].safeParse(rawRequest ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${fieldOf(issue.path)}: ${issue.message}`)
      .join('; ');
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `The ${operation} request is not valid: ${issues}.`,
        hint: 'Check the values you entered and try again.',
        invalid: { field: fieldOf(first?.path ?? []), rule: first ? ruleOf(first) : 'invalid' },
      },
    };
  }
  try {
    const handler = handlers[operation] as (request: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(error).toBody() };
  }
}

/** A field's path as the message names it ("cover.title", "ids.3"); the request itself when empty. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || 'request';
}

export { ApiError };
