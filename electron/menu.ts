// The application menu (File / Edit / View / Help) as a template builder with no Electron runtime import,
// so its shortcuts can be checked by a unit test. Standard roles give the platform's own labels and keys.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  appName: string;
  platform: NodeJS.Platform;
  /** Off in packaged builds unless the support switch is set (support-switches.ts). */
  devTools?: boolean;
  showAbout(): void;
  openDataFolder(): void;
  /** The interface language chosen in the menu; the window's renderer switches and remembers it. */
  setLanguage(language: MenuLanguage): void;
}

/** The renderer's interface languages, each named in itself (renderer/src/i18n/languages.ts). */
export const MENU_LANGUAGES = [
  { language: 'en', label: 'English' },
  { language: 'nl-BE', label: 'Nederlands (België)' },
  { language: 'nl-NL', label: 'Nederlands (Nederland)' },
  { language: 'fr-BE', label: 'Français (Belgique)' },
] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number]['language'];

/** The channel main → renderer for a language picked in the menu (the preload listens to this one only). */
export const MENU_LANGUAGE_CHANNEL = 'schakel-menu:language';

export function applicationMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) template.push({ role: 'appMenu' });

  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { role: 'close', accelerator: 'CmdOrCtrl+W' },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', accelerator: 'Ctrl+Q' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { role: 'redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        // Only for development and for IT staff with the support switch (devtools: is the one non-app scheme allowed).
        ...(actions.devTools === false ? [] : [{ role: 'toggleDevTools', accelerator: isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } as const]),
        { type: 'separator' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
        { type: 'separator' },
        {
          label: 'Language / Taal / Langue',
          submenu: MENU_LANGUAGES.map(({ language, label }) => ({ label, click: () => actions.setLanguage(language) })),
        },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: `About ${actions.appName}`, accelerator: 'F1', click: () => actions.showAbout() },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ],
    },
  );
  return template;
}
