// Chart keyboard shortcuts: one table drives both the key handling and the hints in tooltips and menus.
import { t } from '../../i18n';

export type ChartCommand =
  | 'undo'
  | 'redo'
  | 'remove'
  | 'hide'
  | 'showAll'
  | 'pin'
  | 'expand'
  | 'group'
  | 'ungroup'
  | 'selectAll'
  | 'selectNone'
  | 'invertSelection'
  | 'selectNeighbours'
  | 'fit';

interface Shortcut {
  command: ChartCommand;
  /** What the tooltip shows. */
  label: string;
  matches: (e: KeyLike) => boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const mod = (e: KeyLike) => e.ctrlKey || e.metaKey;
const plain = (e: KeyLike) => !mod(e) && !e.altKey;
const letter = (e: KeyLike, k: string) => e.key.toLowerCase() === k;

const SHORTCUTS: Shortcut[] = [
  { command: 'redo', label: 'Ctrl+Shift+Z', matches: (e) => mod(e) && e.shiftKey && letter(e, 'z') },
  { command: 'redo', label: 'Ctrl+Y', matches: (e) => mod(e) && !e.shiftKey && letter(e, 'y') },
  { command: 'undo', label: 'Ctrl+Z', matches: (e) => mod(e) && !e.shiftKey && letter(e, 'z') },
  { command: 'selectAll', label: 'Ctrl+A', matches: (e) => mod(e) && !e.shiftKey && letter(e, 'a') },
  { command: 'invertSelection', label: 'Ctrl+I', matches: (e) => mod(e) && !e.shiftKey && letter(e, 'i') },
  { command: 'remove', label: 'Delete', matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace') },
  { command: 'showAll', label: 'Shift+H', matches: (e) => plain(e) && e.shiftKey && letter(e, 'h') },
  { command: 'hide', label: 'H', matches: (e) => plain(e) && !e.shiftKey && letter(e, 'h') },
  { command: 'pin', label: 'P', matches: (e) => plain(e) && !e.shiftKey && letter(e, 'p') },
  { command: 'expand', label: 'E', matches: (e) => plain(e) && !e.shiftKey && letter(e, 'e') },
  { command: 'ungroup', label: 'Shift+G', matches: (e) => plain(e) && e.shiftKey && letter(e, 'g') },
  { command: 'group', label: 'G', matches: (e) => plain(e) && !e.shiftKey && letter(e, 'g') },
  { command: 'selectNeighbours', label: 'N', matches: (e) => plain(e) && !e.shiftKey && letter(e, 'n') },
  { command: 'selectNone', label: 'Esc', matches: (e) => plain(e) && e.key === 'Escape' },
  { command: 'fit', label: 'F', matches: (e) => plain(e) && !e.shiftKey && letter(e, 'f') },
];

export function commandForKey(event: KeyLike): ChartCommand | undefined {
  return SHORTCUTS.find((s) => s.matches(event))?.command;
}

/** "Ctrl+Shift+Z / Ctrl+Y" for a tooltip. */
export function shortcutLabel(command: ChartCommand): string {
  return SHORTCUTS.filter((s) => s.command === command)
    .map((s) => s.label)
    .join(' / ');
}

/** "Hide (H)", in the interface language's punctuation. */
export function withShortcut(text: string, command: ChartCommand): string {
  return t('chart:withShortcut', { text, shortcut: shortcutLabel(command) });
}

/** Keys typed into a field are the field's, not the chart's. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  return Boolean(element.closest('input, textarea, select, [contenteditable="true"], dialog[open]'));
}
