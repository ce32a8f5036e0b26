// The filters a search can carry, and how they turn into the search request. Pure: tested without a page.
import type { CaseSummary, RequestOf } from '../../../contract/api';
import type { Country, EntityType } from '../../../contract/model';
import { COUNTRIES } from '../../../shared-values/model';
import { t } from '../i18n';
import { entityTypeName } from '../i18n/vocabulary';
import { formatDate } from '../ui/format';

export interface SearchFilters {
  types: EntityType[];
  countries: Country[];
  caseIds: string[];
  /** YYYY-MM-DD, from <input type="date">; '' when unset. */
  from: string;
  until: string;
}

export const NO_FILTERS: SearchFilters = { types: [], countries: [], caseIds: [], from: '', until: '' };

export const FILTER_COUNTRIES: readonly Country[] = COUNTRIES;

/** Only what is set goes into the request: an empty list would mean "nothing", not "anything". */
export function filtersToRequest(filters: SearchFilters): Omit<RequestOf<'search'>, 'query' | 'limit'> {
  return {
    ...(filters.types.length ? { types: filters.types } : {}),
    ...(filters.countries.length ? { countries: filters.countries } : {}),
    ...(filters.caseIds.length ? { caseIds: filters.caseIds } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.until ? { until: filters.until } : {}),
  };
}

export function activeFilterCount(filters: SearchFilters): number {
  return filters.types.length + filters.countries.length + filters.caseIds.length + (filters.from ? 1 : 0) + (filters.until ? 1 : 0);
}

/** "Person, Phone · NL · 2 cases · from 2024-01-01" for the collapsed filter bar. */
export function describeFilters(filters: SearchFilters, cases: readonly CaseSummary[] = []): string {
  const parts: string[] = [];
  if (filters.types.length) parts.push(filters.types.map(entityTypeName).join(', '));
  if (filters.countries.length) parts.push(filters.countries.join(', '));
  if (filters.caseIds.length === 1) {
    const only = cases.find((c) => c.id === filters.caseIds[0]);
    parts.push(t('search:filters.summaryCase', { reference: only?.reference ?? filters.caseIds[0] }));
  } else if (filters.caseIds.length > 1) {
    parts.push(t('search:filters.summaryCases', { count: filters.caseIds.length }));
  }
  if (filters.from && filters.until) parts.push(`${formatDate(filters.from)} – ${formatDate(filters.until)}`);
  else if (filters.from) parts.push(t('search:filters.summaryFrom', { date: formatDate(filters.from) }));
  else if (filters.until) parts.push(t('search:filters.summaryUntil', { date: formatDate(filters.until) }));
  return parts.join(' · ');
}

/** A date range the wrong way round finds nothing; say so instead of searching. */
export function filterProblem(filters: SearchFilters): string | undefined {
  if (filters.from && filters.until && filters.from > filters.until) return t('search:filters.datesReversed');
  return undefined;
}

export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}
