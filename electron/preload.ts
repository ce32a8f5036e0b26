// Runs in the sandboxed, context-isolated preload of the Schakel window. It exposes exactly one object,
// window.schakelApi, with one function per contract operation — never ipcRenderer itself (a page holding
// ipcRenderer could send to any channel).
//
// A sandboxed preload may only require('electron'), so scripts/build-electron.mjs bundles this file into ONE
// CommonJS file and writes the channel names in at build time (__SCHAKEL_IPC_CHANNELS__); the contract
// module itself (and zod with it) stays out of the page. Only `import type` from the contract here.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiErrorBody, OperationName } from '../contract/api';
import { MENU_LANGUAGE_CHANNEL } from './menu';

declare const __SCHAKEL_IPC_CHANNELS__: Readonly<Record<OperationName, string>>;

/**
 * What a failed call rejects with. Deliberately a plain object, not an Error: contextBridge copies an Error
 * into the page as a new Error carrying only its message ("any custom properties on the Error object will be
 * lost", Electron's contextBridge docs), which would drop `code` and `hint`. Plain objects cross intact.
 * The renderer's client turns this into its own Error (same fields as contract ApiErrorBody).
 */
interface BridgedApiError extends ApiErrorBody {
  name: 'ApiError';
}

function bridgedError(body: ApiErrorBody): BridgedApiError {
  return {
    name: 'ApiError',
    code: body.code,
    message: body.message,
    ...(body.hint ? { hint: body.hint } : {}),
  };
}

function isEnvelope(value: unknown): value is { ok: boolean; result?: unknown; error?: ApiErrorBody } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function call(channel: string, request: unknown): Promise<unknown> {
  let envelope: unknown;
  try {
    envelope = await ipcRenderer.invoke(channel, request ?? {});
  } catch {
    // Only happens when the main process has no handler (still starting, or crashed): not the user's fault.
    throw bridgedError({
      code: 'INTERNAL',
      message: "Schakel's background process did not answer.",
      hint: 'Wait a moment and try again; if it keeps happening, restart Schakel.',
    });
  }
  if (!isEnvelope(envelope)) {
    throw bridgedError({
      code: 'INTERNAL',
      message: "Schakel's background process sent an answer the window does not understand.",
      hint: 'Restart Schakel.',
    });
  }
  if (envelope.ok) return envelope.result;
  throw bridgedError(
    envelope.error ?? { code: 'INTERNAL', message: 'The request failed without a reason.', hint: 'Try again.' },
  );
}

const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
for (const [operation, channel] of Object.entries(__SCHAKEL_IPC_CHANNELS__)) {
  api[operation] = (request?: unknown) => call(channel, request);
}

contextBridge.exposeInMainWorld('schakelApi', Object.freeze(api));

// The app menu's Language items: the page gets only the chosen language tag, never the IPC event.
contextBridge.exposeInMainWorld(
  'schakelMenu',
  Object.freeze({
    onLanguage: (listener: (language: string) => void) => {
      ipcRenderer.on(MENU_LANGUAGE_CHANNEL, (_event, language: unknown) => {
        if (typeof language === 'string') listener(language);
      });
    },
  }),
);
