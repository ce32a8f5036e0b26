// Binds every contract operation to an ipcMain handler. The renderer reaches these only through the named
// functions of the preload; each call is checked to come from our own app:// page, then validated and run
// by the same dispatch() the browser-mode server uses.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { OPERATION_NAMES, ipcChannel, type ApiEnvelope, type WorkbenchHandlers } from '../contract/api';
import { dispatch } from '../backend/dispatch';
import { isAppUrl } from './security-policy';

const REFUSED: ApiEnvelope<never> = {
  ok: false,
  error: {
    code: 'UNAUTHORIZED',
    message: 'Schakel refused a request that did not come from its own window.',
    hint: 'Reload the window (View → Reload); if this keeps happening, restart Schakel.',
  },
};

/** The sender is our page only if its frame is still alive and shows an app://schakel/ URL. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

/** Registers one handler per operation; returns a function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMain, handlers: WorkbenchHandlers): () => void {
  for (const operation of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(operation), async (event, request: unknown) => {
      if (!isTrustedSender(event)) {
        console.warn(`[schakel] refused IPC ${operation} from`, String(event.senderFrame?.url ?? 'a closed frame'));
        return REFUSED;
      }
      return dispatch(handlers, operation, request);
    });
  }
  return () => {
    for (const operation of OPERATION_NAMES) ipcMain.removeHandler(ipcChannel(operation));
  };
}
