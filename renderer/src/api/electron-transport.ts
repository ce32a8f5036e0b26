// Electron: the preload exposes `window.schakelApi`, one function per operation, each resolving with the
// contract's envelope unchanged; it is opened in envelope.ts like the HTTP one.
import type { OperationName, WorkbenchApi } from '../../../contract/api';
import { WorkbenchClientError } from './client-error';
import { unwrapEnvelope } from './envelope';
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
    let envelope: unknown;
    try {
      envelope = await preload[operation](request);
    } catch {
      throw backgroundNotAnswering();
    }
    return unwrapEnvelope(envelope, backgroundNotAnswering);
  });
}

/** The preload always resolves with an envelope; anything else means the main process is not itself. */
function backgroundNotAnswering(): WorkbenchClientError {
  return new WorkbenchClientError({
    code: 'INTERNAL',
    message: "Schakel's background process sent an answer the window does not understand.",
    hint: 'Restart Schakel.',
  });
}
