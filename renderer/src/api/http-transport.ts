// Browser mode: each operation is `POST /api/<operation>` with the JSON request, authorised by the
// per-launch token. The server always answers with an ApiEnvelope, whatever the HTTP status.
import type { WorkbenchApi } from '../../../contract/api';
import { WorkbenchClientError, serverNotReachable } from './client-error';
import { unwrapEnvelope } from './envelope';
import { bindOperations } from './operations';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  token: string | undefined;
  fetch?: FetchLike;
  /** Prefix before /api, for tests or a page served from elsewhere; '' means same origin. */
  baseUrl?: string;
}

export function createHttpApi(options: HttpTransportOptions): WorkbenchApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  return bindOperations(async (operation, request) => {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/${operation}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(options.token ? { 'X-Schakel-Token': options.token } : {}),
        },
        body: JSON.stringify(request ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw serverNotReachable();
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw fallbackError(response.status);
    }
    return unwrapEnvelope(body, () => fallbackError(response.status));
  });
}

/** When the answer is not an envelope (a proxy page, a crash): say so by status. */
function fallbackError(status: number): WorkbenchClientError {
  if (status === 401 || status === 403) {
    return new WorkbenchClientError({
      code: 'UNAUTHORIZED',
      message: 'This browser tab is not authorised to use the Schakel server.',
      hint: 'Open the full address printed by "npm run web", including the #token=… part.',
    });
  }
  return new WorkbenchClientError({
    code: 'INTERNAL',
    message: `The Schakel server sent an answer that could not be read (HTTP ${status}).`,
    hint: 'Try again; if it keeps happening, restart "npm run web".',
  });
}
