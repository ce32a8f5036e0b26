// The chart's name, whether it is saved, and the chart-as-a-document actions: a visible Save button and a
// "Chart" menu (new, open, save as, export/open a chart file). Keyboard: Ctrl+S save, Ctrl+Shift+S save as,
// Ctrl+O open; the menu shows them.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { WorkbenchApi } from '../../../contract/api';
import { describeSaveStatus, shownTitle, UNTITLED } from './chart-session';
import type { ChartSessionControls } from './use-chart-session';
import { OpenChartDialog } from './OpenChartDialog';
import { SaveChartAsDialog } from './SaveChartAsDialog';
import { useTranslation } from 'react-i18next';
import './chart-menu.css';

interface MenuItem {
  label: string;
  shortcut?: string;
  run: () => void;
}

export function ChartMenu({ api, session }: { api: WorkbenchApi; session: ChartSessionControls }) {
  const { t } = useTranslation('savedCharts');
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<'open' | 'save-as' | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const state = session.state;

  const save = useCallback(async () => {
    if ((await session.save()) === 'needs-title') setDialog('save-as');
  }, [session]);

  const items: MenuItem[] = [
    { label: t('item.new'), run: () => session.newChart() },
    { label: t('item.open'), shortcut: 'Ctrl+O', run: () => setDialog('open') },
    { label: t('item.save'), shortcut: 'Ctrl+S', run: () => void save() },
    { label: t('item.saveAs'), shortcut: 'Ctrl+Shift+S', run: () => setDialog('save-as') },
    { label: t('item.exportFile'), run: () => session.exportChartFile() },
    { label: t('item.openFile'), run: () => fileInput.current?.click() },
  ];

  // Global shortcuts; Ctrl+S must not reach the browser's own "save page".
  const shortcuts = useRef({ save, openDialog: setDialog });
  shortcuts.current = { save, openDialog: setDialog };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        if (event.shiftKey) shortcuts.current.openDialog('save-as');
        else void shortcuts.current.save();
      } else if (key === 'o' && !event.shiftKey) {
        event.preventDefault();
        shortcuts.current.openDialog('open');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Close the menu on a click elsewhere.
  useEffect(() => {
    if (!menuOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== menuButton.current) setMenuOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [menuOpen]);

  const onMenuKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(at + step + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };

  const status = state ? describeSaveStatus(state.status) : '';
  const tone = state?.status.kind === 'saved' ? 'ok' : state?.status.kind === 'conflict' || state?.status.kind === 'failed' || state?.status.kind === 'local-only' ? 'warn' : 'plain';

  return (
    <div className="chart-menu">
      <span className="chart-title" title={shownTitle(state?.meta.title)}>
        {shownTitle(state?.meta.title)}
      </span>
      <span role="status" aria-label={t('saveStatus')} className={`save-status tone-${tone}`}>
        {status}
      </span>
      <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S" title={t('saveTitle')}>
        {t('save')}
      </button>
      <div className="menu-anchor">
        <button
          ref={menuButton}
          type="button"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('menuButton')}
        </button>
        {menuOpen ? (
          <div ref={menuRef} role="menu" aria-label={t('menu')} className="menu" onKeyDown={onMenuKeyDown}>
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                aria-keyshortcuts={item.shortcut?.replace('Ctrl', 'Control')}
                onClick={() => {
                  setMenuOpen(false);
                  item.run();
                }}
              >
                <span>{item.label}</span>
                {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label={t('fileToOpen')}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same file can be picked again after fixing it
          if (file) void session.openChartFile(file);
        }}
      />
      <OpenChartDialog api={api} session={session} open={dialog === 'open'} onClose={() => setDialog(undefined)} />
      <SaveChartAsDialog
        open={dialog === 'save-as'}
        initialTitle={state?.meta.title === UNTITLED ? '' : (state?.meta.title ?? '')}
        onClose={() => setDialog(undefined)}
        onSave={async (title) => {
          if (await session.saveAs(title)) setDialog(undefined);
        }}
      />
    </div>
  );
}
