// Electron: the preload exposes `window.schakelApi`, one function per operation, already unwrapping the
// envelope. Errors crossing contextBridge may lose their fields, so they are normalised here.
import type { OperationName, WorkbenchApi } from '../../../contract/api';
import { WorkbenchClientError, isApiErrorBody, toClientError } from './client-error';
import { RENDERER_OPERATIONS, bindOperations } from './operations';

export type PreloadApi = Record<OperationName, (request: unknown) => Promise<unknown>>;

/** The preload's object when running inside Schakel's Electron window. */
export function findPreloadApi(host: unknown): PreloadApi | undefined {
  const candidate = (host as { schakelApi?: unknown } | undefined)?.schakelApi;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const api = candidate as Record<string, unknown>;
  return RENDERER_OPERATIONS.every((op) => typeof api[op] === 'function') ? (api as PreloadApi) : undefined;
}

export function createElectronApi(preload: PreloadApi): WorkbenchApi {
  return bindOperations(async (operation, request) => {
    let value: unknown;
    try {
      value = await preload[operation](request);
    } catch (error) {
      throw toClientError(error);
    }
    return unwrapIfEnvelope(value) as never;
  });
}

/** Tolerates a preload that hands back the raw envelope instead of unwrapping it. */
function unwrapIfEnvelope(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return value;
  const envelope = value as { ok: unknown; result?: unknown; error?: unknown };
  if (envelope.ok === true && 'result' in envelope) return envelope.result;
  if (envelope.ok === false && isApiErrorBody(envelope.error)) throw new WorkbenchClientError(envelope.error);
  return value;
}
