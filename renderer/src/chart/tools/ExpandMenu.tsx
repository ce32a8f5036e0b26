// Expansion settings: which relationship types, which direction, and the cap per action.
import type { RelationshipType } from '../../../../contract/model';
import { useTranslation } from 'react-i18next';
import { ALL_RELATIONSHIP_TYPES, MAX_EXPAND_CAP, type ExpandDirection } from './expand-settings';
import { linkTypeLongName } from '../../i18n/vocabulary';
import { formatNumber } from '../../ui/format';
import { Popover } from '../../ui/Popover';
import type { ChartTools } from './use-chart-tools';

export function ExpandMenu({ tools, selectedIds }: { tools: ChartTools; selectedIds: string[] }) {
  const { t } = useTranslation('chart');
  const { settings, updateSettings, pendingMore } = tools;
  const chosen = new Set(settings.relationshipTypes);
  const all = chosen.size === 0;
  const toggle = (type: RelationshipType) => {
    const next = all ? new Set<RelationshipType>() : new Set(chosen);
    if (all) {
      // From "all types", unticking one means: all the others.
      for (const t of ALL_RELATIONSHIP_TYPES) if (t !== type) next.add(t);
    } else if (next.has(type)) next.delete(type);
    else next.add(type);
    updateSettings({ relationshipTypes: next.size === ALL_RELATIONSHIP_TYPES.length ? [] : [...next] });
  };
  const targetIds = pendingMore?.ids ?? selectedIds;

  return (
    <Popover
      name={t('expandMenu.name')}
      title={t('expandMenu.title')}
      label="▾"
      className="expand-options"
      open={tools.expandMenuOpen}
      onOpenChange={tools.setExpandMenuOpen}
      role="dialog"
      panelLabel={t('expandMenu.name')}
    >
      {pendingMore ? <p className="popover-note">{t('expandMenu.chooseMore', { count: formatNumber(pendingMore.omitted) })}</p> : null}
      <fieldset>
        <legend>{t('expandMenu.types')}</legend>
        <label className="check">
          <input type="checkbox" checked={all} onChange={() => updateSettings({ relationshipTypes: [] })} /> {t('expandMenu.allTypes')}
        </label>
        <div className="type-grid">
          {ALL_RELATIONSHIP_TYPES.map((type) => (
            <label key={type} className="check">
              <input type="checkbox" checked={all || chosen.has(type)} onChange={() => toggle(type)} /> {linkTypeLongName(type)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="popover-row">
        <label>
          {t('expandMenu.direction')}{' '}
          <select value={settings.direction} onChange={(e) => updateSettings({ direction: e.target.value as ExpandDirection })}>
            <option value="both">{t('expandMenu.both')}</option>
            <option value="outgoing">{t('expandMenu.outgoing')}</option>
            <option value="incoming">{t('expandMenu.incoming')}</option>
          </select>
        </label>
        <label>
          {t('expandMenu.cap')}{' '}
          <input
            type="number"
            min={1}
            max={MAX_EXPAND_CAP}
            step={100}
            value={settings.cap}
            onChange={(e) => updateSettings({ cap: Number(e.target.value) })}
            className="cap-input"
          />
        </label>
      </div>
      <div className="popover-buttons">
        <button
          type="button"
          className="primary"
          disabled={targetIds.length === 0 || tools.expanding}
          onClick={() => {
            tools.setExpandMenuOpen(false);
            void tools.expand(targetIds);
          }}
        >
          {t('expandMenu.run')}
        </button>
      </div>
    </Popover>
  );
}
