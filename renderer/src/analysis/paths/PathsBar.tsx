// Path finding for the selection on the chart: shortest path, all shortest paths, connecting network, with a
// hop limit and the link types a path may use. Disabled (with the reason) until two entities are selected.
import { useEffect, useId, useRef, useState } from 'react';
import type { RelationshipType } from '../../../../contract/model';
import { useTranslation } from 'react-i18next';
import { linkTypeName } from '../../i18n/vocabulary';
import { DEFAULT_MAX_HOPS, DEFAULT_PATH_TYPES, MAX_PATH_HOPS, PATH_RELATIONSHIP_TYPES, type PathMode } from './path-options';
import type { PathSearch } from './use-path-search';
import { StableLabel } from '../../ui/StableLabel';
import './paths-bar.css';

interface Props {
  selectedIds: string[];
  search: PathSearch;
}

export function PathsBar({ selectedIds, search }: Props) {
  const [maxHops, setMaxHops] = useState(DEFAULT_MAX_HOPS);
  const [types, setTypes] = useState<RelationshipType[]>(DEFAULT_PATH_TYPES);
  const [typesOpen, setTypesOpen] = useState(false);
  const typesRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const { t } = useTranslation('analysis');

  useEffect(() => {
    if (!typesOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!typesRef.current?.contains(event.target as Node)) setTypesOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [typesOpen]);

  const enoughSelected = selectedIds.length >= 2;
  const why = !enoughSelected ? t('paths.selectTwo') : types.length === 0 ? t('paths.allowOneType') : undefined;
  const disabled = why !== undefined || search.running !== undefined;
  const run = (mode: PathMode) => void search.run({ mode, ids: selectedIds, maxHops, relationshipTypes: types });
  const toggle = (type: RelationshipType) => setTypes((current) => (current.includes(type) ? current.filter((other) => other !== type) : [...current, type]));

  return (
    <div className="paths-bar" role="toolbar" aria-label={t('paths.bar')}>
      <span className="paths-label">{t('paths.label')}</span>
      <button type="button" disabled={disabled} title={why} onClick={() => run('shortest')}>
        <StableLabel shown={search.running === 'shortest' ? t('paths.finding') : t('paths.shortest')} longest={[t('paths.finding'), t('paths.shortest')]} />
      </button>
      <button type="button" disabled={disabled} title={why} onClick={() => run('all-shortest')}>
        <StableLabel shown={search.running === 'all-shortest' ? t('paths.finding') : t('paths.allShortest')} longest={[t('paths.finding'), t('paths.allShortest')]} />
      </button>
      <button type="button" disabled={disabled} title={why ?? t('paths.networkTitle')} onClick={() => run('network')}>
        <StableLabel shown={search.running === 'network' ? t('paths.finding') : t('paths.network')} longest={[t('paths.finding'), t('paths.network')]} />
      </button>
      <label htmlFor={`${ids}-hops`} className="paths-hops-label">
        {t('paths.maxHops')}
      </label>
      <input
        id={`${ids}-hops`}
        className="paths-hops"
        type="number"
        min={1}
        max={MAX_PATH_HOPS}
        value={maxHops}
        onChange={(event) => setMaxHops(Math.min(MAX_PATH_HOPS, Math.max(1, Number(event.target.value) || DEFAULT_MAX_HOPS)))}
      />
      <div className="paths-types" ref={typesRef}>
        <button type="button" aria-haspopup="true" aria-expanded={typesOpen} onClick={() => setTypesOpen((open) => !open)}>
          {t('paths.linkTypes', { chosen: types.length, total: PATH_RELATIONSHIP_TYPES.length })}
        </button>
        {typesOpen ? (
          <fieldset className="paths-types-popup">
            <legend>{t('paths.mayUse')}</legend>
            {PATH_RELATIONSHIP_TYPES.map((type) => (
              <label key={type}>
                <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} />
                {linkTypeName(type)}
              </label>
            ))}
            <div className="paths-types-buttons">
              <button type="button" onClick={() => setTypes(DEFAULT_PATH_TYPES)}>
                {t('paths.defaults')}
              </button>
              <button type="button" onClick={() => setTypes([...PATH_RELATIONSHIP_TYPES])}>
                {t('paths.all')}
              </button>
            </div>
          </fieldset>
        ) : null}
      </div>
      {/* After the controls and in whatever room is left on their row (never a row of its own), so a change of
          selection moves nothing. */}
      <span className="paths-selection" title={enoughSelected ? t('paths.between', { count: selectedIds.length }) : undefined}>
        {enoughSelected ? t('paths.between', { count: selectedIds.length }) : ''}
      </span>
      {search.highlighted ? (
        <>
          <span className="paths-highlighted" role="status" aria-label={t('paths.highlightedName')}>
            {t('paths.highlighted', { entities: t('common:entityCount', { count: search.highlighted.entities }), links: t('common:linkCount', { count: search.highlighted.links }) })}
          </span>
          <button type="button" onClick={search.clearHighlight}>
            {t('paths.clearHighlight')}
          </button>
        </>
      ) : null}
    </div>
  );
}
