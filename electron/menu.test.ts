import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const noop = () => {};

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has File, Edit, View and Help with distinct shortcuts on ${platform}`, () => {
      const template = applicationMenuTemplate({ appName: 'Schakel', platform, showAbout: noop, openDataFolder: noop, setLanguage: noop });
      const labels = template.map((item) => item.label?.replace('&', '') ?? item.role);
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));

      const items = flatten(template);
      const roles = items.map((item) => item.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'resetZoom']));
      expect(roles).toContain(platform === 'darwin' ? 'appMenu' : 'quit');

      const accelerators = items.map((item) => item.accelerator).filter((accelerator): accelerator is string => !!accelerator);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    });
  }

  it('runs the About and data-folder actions', () => {
    const calls: string[] = [];
    const template = applicationMenuTemplate({
      appName: 'Schakel',
      platform: 'linux',
      showAbout: () => calls.push('about'),
      openDataFolder: () => calls.push('folder'),
      setLanguage: (language) => calls.push(`language ${language}`),
    });
    const items = flatten(template);
    const click = (label: string) => (items.find((item) => item.label === label)?.click as () => void)();
    click('About Schakel');
    click('Open Data Folder');
    click('Français (Belgique)');
    expect(calls).toEqual(['about', 'folder', 'language fr-BE']);
  });
});
