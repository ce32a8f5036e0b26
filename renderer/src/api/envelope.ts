// The one place the renderer opens the contract's envelope, whichever transport carried it: a result comes
// back as it is, an error becomes a WorkbenchClientError with every field the backend sent (the conflict
// payload and the refused field included).
import type { ApiErrorBody } from '../../../contract/api';
import { WorkbenchClientError, isApiErrorBody } from './client-error';

/** The result of an `{ ok: true }` envelope; throws the error of an `{ ok: false }` one, or `unreadable()`. */
export function unwrapEnvelope<T>(value: unknown, unreadable: () => WorkbenchClientError): T {
  if (typeof value === 'object' && value !== null) {
    const envelope = value as { ok?: unknown; result?: unknown; error?: unknown };
    if (envelope.ok === true) return envelope.result as T;
    if (envelope.ok === false && isApiErrorBody(envelope.error)) throw new WorkbenchClientError(envelope.error as ApiErrorBody);
  }
  throw unreadable();
}
