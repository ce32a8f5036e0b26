// The search field, its filters and its results. Keyboard: Ctrl+F or "/" focuses the field, ArrowUp/ArrowDown
// move through the results, Enter adds the highlighted one to the chart, Escape clears the query (and, on an
// empty field, the filters); Tab moves on to the filters. Each result also has its own "Add … to chart"
// button and can be double-clicked.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit, WorkbenchApi } from '../../../contract/api';
import { useEntitySearch } from './use-entity-search';
import { NO_FILTERS, type SearchFilters } from './search-filters';
import { SearchFiltersPanel } from './SearchFiltersPanel';
import { useSearchShortcuts } from './use-search-shortcuts';
import { CountryBadge } from '../ui/CountryBadge';
import { TypeIcon } from '../ui/TypeIcon';
import { useTranslation } from 'react-i18next';
import { entityTypeName } from '../i18n/vocabulary';
import { subtitleOf } from '../ui/format';
import { i18n } from '../i18n';

interface Props {
  api: WorkbenchApi;
  onAdd: (hit: SearchHit) => void;
  onError: (error: unknown) => void;
}

/** "phone", "plate (linked)": how the backend says a hit was found, in words of the interface language. */
function matchKind(kind: string): string {
  const linked = / \(linked\)$/.exec(kind);
  const base = linked ? kind.slice(0, linked.index) : kind;
  const name = i18n.t(`search:kind.${base}`, { defaultValue: base });
  return linked ? i18n.t('search:kind.linked', { kind: name }) : name;
}

export function SearchPanel({ api, onAdd, onError }: Props) {
  const { t } = useTranslation('search');
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const inputRef = useRef<HTMLInputElement>(null);
  useSearchShortcuts(inputRef);
  const { result, answeredQuery, searching } = useEntitySearch(api, query, onError, filters);
  const hits = query.trim() ? (result?.hits ?? []) : [];
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  // New results: start at the top again.
  useEffect(() => setHighlighted(0), [result]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      setHighlighted((index) => Math.min(hits.length - 1, index + 1));
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      setHighlighted((index) => Math.max(0, index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[highlighted];
      if (hit) onAdd(hit);
    } else if (event.key === 'Escape') {
      if (query) setQuery('');
      else setFilters(NO_FILTERS);
    }
  };

  useEffect(() => {
    document.getElementById(optionId(highlighted))?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]); // optionId only depends on the stable useId() value

  const showEmpty = !searching && query.trim() !== '' && answeredQuery === query.trim() && hits.length === 0;

  return (
    <section className="search-panel" aria-label={t('panel')}>
      <div className="search-box">
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label={t('field')}
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length ? optionId(highlighted) : undefined}
          placeholder={t('placeholder')}
          aria-keyshortcuts="Control+F /"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          autoFocus
        />
      </div>
      <SearchFiltersPanel api={api} filters={filters} onChange={setFilters} onError={onError} />
      <div className="search-meta" aria-live="polite">
        {searching ? t('searching') : null}
        {!searching && result && query.trim() && hits.length > 0 ? t('resultCount', { count: hits.length }) : null}
        {!searching && result?.interpretations.length && query.trim()
          ? t('readAs', { interpretations: result.interpretations.map((i) => `${matchKind(i.kind)} ${i.value}`).join(', ') })
          : null}
        {showEmpty ? t('noMatch', { query: query.trim() }) : null}
      </div>
      <ul id={listId} role="listbox" aria-label={t('results')} className="result-list">
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === highlighted}
            className={index === highlighted ? 'result highlighted' : 'result'}
            onMouseEnter={() => setHighlighted(index)}
            onDoubleClick={() => onAdd(hit)}
            title={t('doubleClickToAdd')}
          >
            <TypeIcon type={hit.type} />
            <div className="result-body">
              <div className="result-title">
                <span className="result-label">{hit.label}</span>
                <CountryBadge country={hit.country} />
              </div>
              <div className="result-sub">
                <span>{subtitleOf(hit) ?? entityTypeName(hit.type)}</span>
                <span className="matched-on">{t('matchedOn', { field: matchKind(hit.matchedOn) })}</span>
              </div>
            </div>
            <button
              type="button"
              className="add-button"
              aria-label={t('addNamed', { label: hit.label })}
              title={t('add')}
              onClick={() => onAdd(hit)}
              onDoubleClick={(event) => event.stopPropagation()}
            >
              +
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
