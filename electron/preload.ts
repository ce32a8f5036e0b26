// Runs in the sandboxed, context-isolated preload of the Schakel window. It exposes exactly one object,
// window.schakelApi, with one function per contract operation — never ipcRenderer itself (a page holding
// ipcRenderer could send to any channel).
//
// A sandboxed preload may only require('electron'), so scripts/build-electron.mjs bundles this file into ONE
// CommonJS file and writes the channel names in at build time (__SCHAKEL_IPC_CHANNELS__); the contract
// module itself (and zod with it) stays out of the page. Only `import type` from the contract here.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiEnvelope, ApiErrorBody, OperationName } from '../contract/api';
import { MENU_LANGUAGE_CHANNEL } from './menu';

declare const __SCHAKEL_IPC_CHANNELS__: Readonly<Record<OperationName, string>>;

/**
 * Every call resolves with the contract's envelope exactly as the main process sent it ({ ok, result } or
 * { ok: false, error } with every field of the error, the conflict payload included); the renderer's API layer
 * unwraps it in one place. Nothing is thrown here: contextBridge copies a thrown Error into the page with its
 * message only, while plain objects cross intact. A failure of the channel itself becomes an envelope too.
 */
function failed(error: ApiErrorBody): ApiEnvelope<never> {
  return { ok: false, error };
}

function isEnvelope(value: unknown): value is ApiEnvelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function call(channel: string, request: unknown): Promise<ApiEnvelope<unknown>> {
  let envelope: unknown;
  try {
    envelope = await ipcRenderer.invoke(channel, request ?? {});
  } catch {
    // Only happens when the main process has no handler (still starting, or crashed): not the user's fault.
    return failed({
      code: 'INTERNAL',
      message: "Schakel's background process did not answer.",
      hint: 'Wait a moment and try again; if it keeps happening, restart Schakel.',
    });
  }
  if (!isEnvelope(envelope)) {
    return failed({
      code: 'INTERNAL',
      message: "Schakel's background process sent an answer the window does not understand.",
      hint: 'Restart Schakel.',
    });
  }
  return envelope;
}

const api: Record<string, (request?: unknown) => Promise<ApiEnvelope<unknown>>> = {};
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
