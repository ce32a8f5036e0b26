// The search filters under the search field: entity type, country, case, date range. Collapsed, it shows a
// one-line summary of what is active; every control is a native checkbox or date field, so Tab and Space
// work as everywhere else.
import { useEffect, useId, useState } from 'react';
import type { CaseSummary, WorkbenchApi } from '../../../contract/api';
import { ENTITY_TYPES } from '../../../shared-values/model';
import { activeFilterCount, describeFilters, FILTER_COUNTRIES, filterProblem, NO_FILTERS, toggled, type SearchFilters } from './search-filters';
import { useTranslation } from 'react-i18next';
import { entityTypeName } from '../i18n/vocabulary';
import './search-filters.css';

interface Props {
  api: WorkbenchApi;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  onError: (error: unknown) => void;
}

export function SearchFiltersPanel({ api, filters, onChange, onError }: Props) {
  const [open, setOpen] = useState(false);
  const [cases, setCases] = useState<CaseSummary[]>();
  const ids = useId();
  const { t } = useTranslation('search');
  const count = activeFilterCount(filters);
  const problem = filterProblem(filters);

  // Cases are listed once, the first time the filters are opened.
  useEffect(() => {
    if (!open || cases) return;
    let current = true;
    api.listCases({}).then(
      (result) => current && setCases(result.cases),
      (error: unknown) => {
        if (!current) return;
        setCases([]);
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [open, cases, api, onError]);

  return (
    <div className="search-filters">
      <div className="search-filters-bar">
        <button type="button" aria-expanded={open} aria-controls={`${ids}-panel`} onClick={() => setOpen((value) => !value)}>
          {count ? t('filters.buttonCount', { count }) : t('filters.button')} {open ? '▴' : '▾'}
        </button>
        {count ? (
          <>
            <span className="search-filters-summary" title={describeFilters(filters, cases)}>
              {describeFilters(filters, cases)}
            </span>
            <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
              {t('filters.clear')}
            </button>
          </>
        ) : null}
      </div>
      {problem ? (
        <div className="search-filters-problem" role="alert">
          {problem}
        </div>
      ) : null}
      {open ? (
        <div id={`${ids}-panel`} className="search-filters-panel" role="group" aria-label={t('filters.group')}>
          <fieldset>
            <legend>{t('filters.type')}</legend>
            <div className="filter-chips">
              {ENTITY_TYPES.map((type) => (
                <label key={type} className="filter-chip">
                  <input type="checkbox" checked={filters.types.includes(type)} onChange={() => onChange({ ...filters, types: toggled(filters.types, type) })} />
                  {entityTypeName(type)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('filters.country')}</legend>
            <div className="filter-chips">
              {FILTER_COUNTRIES.map((country) => (
                <label key={country} className="filter-chip">
                  <input
                    type="checkbox"
                    checked={filters.countries.includes(country)}
                    onChange={() => onChange({ ...filters, countries: toggled(filters.countries, country) })}
                  />
                  {t(`common:countryWithCode.${country}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('filters.case')}</legend>
            {cases === undefined ? <p className="muted">{t('filters.loadingCases')}</p> : null}
            {cases?.length === 0 ? <p className="muted">{t('filters.noCases')}</p> : null}
            {cases?.length ? (
              <div className="filter-cases">
                {cases.map((c) => (
                  <label key={c.id} className="filter-case">
                    <input type="checkbox" checked={filters.caseIds.includes(c.id)} onChange={() => onChange({ ...filters, caseIds: toggled(filters.caseIds, c.id) })} />
                    <span>
                      {c.country ? <span className="filter-case-country">{c.country}</span> : null} {c.reference}
                      {c.title ? <span className="filter-case-title"> — {c.title}</span> : null}
                    </span>
                  </label>
                ))}
              </div>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>{t('filters.dated')}</legend>
            <div className="filter-dates">
              <label htmlFor={`${ids}-from`}>{t('filters.from')}</label>
              <input id={`${ids}-from`} type="date" value={filters.from} onChange={(event) => onChange({ ...filters, from: event.target.value })} />
              <label htmlFor={`${ids}-until`}>{t('filters.until')}</label>
              <input id={`${ids}-until`} type="date" value={filters.until} onChange={(event) => onChange({ ...filters, until: event.target.value })} />
            </div>
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
