// Picks the transport once at start-up; everything else in the renderer sees only WorkbenchApi.
import type { WorkbenchApi } from '../../../contract/api';
import { createElectronApi, findPreloadApi } from './electron-transport';
import { createHttpApi } from './http-transport';
import { adoptSessionToken } from './session-token';

export function createWorkbenchApi(win: Window = window): WorkbenchApi {
  const preload = findPreloadApi(win);
  if (preload) return createElectronApi(preload);
  const token = adoptSessionToken({ location: win.location, storage: win.sessionStorage, history: win.history });
  return createHttpApi({ token });
}
