import { describe, expect, it } from 'vitest';
import { commandForKey, shortcutLabel } from './keyboard-shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('chart keyboard shortcuts', () => {
  it('maps keys to chart commands', () => {
    expect(commandForKey(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandForKey(key('y', { metaKey: true }))).toBe('redo');
    expect(commandForKey(key('Delete'))).toBe('remove');
    expect(commandForKey(key('h'))).toBe('hide');
    expect(commandForKey(key('H', { shiftKey: true }))).toBe('showAll');
    expect(commandForKey(key('G', { shiftKey: true }))).toBe('ungroup');
    expect(commandForKey(key('a', { ctrlKey: true }))).toBe('selectAll');
    expect(commandForKey(key('x'))).toBeUndefined();
  });

  it('labels shortcuts for tooltips', () => {
    expect(shortcutLabel('redo')).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(shortcutLabel('pin')).toBe('P');
  });
});
