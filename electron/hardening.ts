// Locks the session and every web contents down, following Electron's security checklist and what Signal
// Desktop does: no permissions, no requests leaving the app, no navigation away, no new windows.
import type { Session, WebContents } from 'electron';
import { isAllowedRequestUrl, isAppUrl } from './security-policy';

export function lockDownSession(session: Session): void {
  // Camera, microphone, notifications, geolocation, clipboard-read, …: the workbench needs none of them.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  // The page may only load our own files. Anything else (a stray http:// image, an injected script tag) is
  // cancelled before it leaves the machine.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn('[schakel] blocked a request from the window:', details.url.slice(0, 200));
    callback({ cancel: !allowed });
  });
}

export function lockDownWebContents(contents: WebContents): void {
  const refuseForeignNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      console.warn('[schakel] refused navigation to', url.slice(0, 200));
    }
  };
  contents.on('will-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
