import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './menu';
import { secureWebPreferences } from './security-policy';
import { devToolsAllowed } from './support-switches';

const roles = (devTools: boolean) =>
  JSON.stringify(applicationMenuTemplate({ appName: 'Schakel', platform: 'win32', devTools, showAbout: () => {}, openDataFolder: () => {}, setLanguage: () => {} }));

describe('DevTools in packaged builds', () => {
  it('are off unless the support switch is set; a checkout keeps them', () => {
    expect(devToolsAllowed(true, {})).toBe(false);
    expect(devToolsAllowed(true, { SCHAKEL_SUPPORT_DEVTOOLS: 'yes' })).toBe(false);
    expect(devToolsAllowed(true, { SCHAKEL_SUPPORT_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(false, {})).toBe(true);
  });

  it('leave neither a menu entry nor a shortcut nor the web preference when off', () => {
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('Ctrl+Shift+I');
    expect(roles(true)).toContain('toggleDevTools');
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });
});
