// The top bar's overflow: commands used now and then (duplicates, imports, connection, language) live in
// one "More ▾" panel, so the bar fits from 1280 px wide up in every language and never scrolls sideways.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../ui/Popover';
import { LanguagePicker } from './LanguagePicker';

interface Props {
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  onImport: () => void;
  onConnection: () => void;
  onQueryTemplates: () => void;
}

export function MoreMenu({ collapsed, onCollapsedChange, onImport, onConnection, onQueryTemplates }: Props) {
  const { t } = useTranslation('app');
  const [open, setOpen] = useState(false);
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <Popover name={t('more')} label={`${t('more')} ▾`} title={t('moreTitle')} open={open} onOpenChange={setOpen} role="dialog" panelLabel={t('moreTitle')} className="top-more">
      <label className="collapse-toggle">
        <input type="checkbox" checked={collapsed} onChange={(e) => onCollapsedChange(e.target.checked)} /> {t('collapseDuplicates')}
      </label>
      <button type="button" onClick={run(onImport)}>
        {t('importRecords')}
      </button>
      <button type="button" onClick={run(onQueryTemplates)}>
        {t('queries:open')}
      </button>
      <button type="button" onClick={run(onConnection)}>
        {t('connectionButton')}
      </button>
      <LanguagePicker />
    </Popover>
  );
}
