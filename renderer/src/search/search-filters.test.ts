import { describe, expect, it } from 'vitest';
import { activeFilterCount, describeFilters, filterProblem, filtersToRequest, NO_FILTERS, toggled } from './search-filters';

describe('search filters', () => {
  it('sends only the filters that are set', () => {
    expect(filtersToRequest(NO_FILTERS)).toEqual({});
    expect(filtersToRequest({ ...NO_FILTERS, countries: ['BE'], caseIds: ['CASE-1'], from: '2024-01-01' })).toEqual({
      countries: ['BE'],
      caseIds: ['CASE-1'],
      from: '2024-01-01',
    });
  });

  it('counts and describes active filters', () => {
    const filters = { types: ['Person' as const], countries: ['NL' as const], caseIds: ['C1'], from: '2024-01-01', until: '' };
    expect(activeFilterCount(filters)).toBe(4);
    expect(describeFilters(filters, [{ id: 'C1', reference: '67Merel' }])).toBe('Person · NL · case 67Merel · from 01/01/2024');
  });

  it('flags a reversed date range', () => {
    expect(filterProblem({ ...NO_FILTERS, from: '2024-02-01', until: '2024-01-01' })).toMatch(/after/);
    expect(filterProblem({ ...NO_FILTERS, from: '2024-01-01', until: '2024-01-01' })).toBeUndefined();
  });

  it('toggles items in a list', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
});
