// Path finding for the selection on the chart: shortest path, all shortest paths, connecting network, with a
// hop limit and the link types a path may use. Disabled (with the reason) until two entities are selected.
import { useEffect, useId, useRef, useState } from 'react';
import type { RelationshipType } from '../../../../contract/model';
import { linkTypeLabel } from '../../../../shared-values/chart-style';
import { plural } from './path-messages';
import { DEFAULT_MAX_HOPS, DEFAULT_PATH_TYPES, MAX_PATH_HOPS, PATH_RELATIONSHIP_TYPES, type PathMode } from './path-options';
import type { PathSearch } from './use-path-search';
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

  useEffect(() => {
    if (!typesOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!typesRef.current?.contains(event.target as Node)) setTypesOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [typesOpen]);

  const enoughSelected = selectedIds.length >= 2;
  const why = !enoughSelected ? 'Select two or more entities on the chart (Shift+click or drag a box)' : types.length === 0 ? 'Allow at least one link type' : undefined;
  const disabled = why !== undefined || search.running !== undefined;
  const run = (mode: PathMode) => void search.run({ mode, ids: selectedIds, maxHops, relationshipTypes: types });
  const toggle = (type: RelationshipType) => setTypes((current) => (current.includes(type) ? current.filter((t) => t !== type) : [...current, type]));

  return (
    <div className="paths-bar" role="toolbar" aria-label="Paths">
      <span className="paths-label">{enoughSelected ? `Paths between ${plural(selectedIds.length, 'selected entity', 'selected entities')}` : 'Paths'}</span>
      <button type="button" disabled={disabled} title={why} onClick={() => run('shortest')}>
        {search.running === 'shortest' ? 'Finding…' : 'Find shortest path'}
      </button>
      <button type="button" disabled={disabled} title={why} onClick={() => run('all-shortest')}>
        {search.running === 'all-shortest' ? 'Finding…' : 'Find all shortest paths'}
      </button>
      <button type="button" disabled={disabled} title={why ?? 'Everything on the shortest routes between the selected entities (at most 4 hops)'} onClick={() => run('network')}>
        {search.running === 'network' ? 'Finding…' : 'Connecting network'}
      </button>
      <label htmlFor={`${ids}-hops`} className="paths-hops-label">
        Max hops
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
          Link types ({types.length}/{PATH_RELATIONSHIP_TYPES.length}) ▾
        </button>
        {typesOpen ? (
          <fieldset className="paths-types-popup">
            <legend>Paths may use</legend>
            {PATH_RELATIONSHIP_TYPES.map((type) => (
              <label key={type}>
                <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} />
                {linkTypeLabel(type)}
              </label>
            ))}
            <div className="paths-types-buttons">
              <button type="button" onClick={() => setTypes(DEFAULT_PATH_TYPES)}>
                Defaults
              </button>
              <button type="button" onClick={() => setTypes([...PATH_RELATIONSHIP_TYPES])}>
                All
              </button>
            </div>
          </fieldset>
        ) : null}
      </div>
      {search.highlighted ? (
        <>
          <span className="paths-highlighted" role="status" aria-label="Highlighted path">
            {`Highlighted: ${plural(search.highlighted.entities, 'entity', 'entities')}, ${plural(search.highlighted.links, 'link')}`}
          </span>
          <button type="button" onClick={search.clearHighlight}>
            Clear highlight
          </button>
        </>
      ) : null}
    </div>
  );
}
