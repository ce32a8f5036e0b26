// Search as you type: debounced, and only the answer to the latest query is ever shown (a slow answer to
// "jan" must not overwrite the answer to "jan de"). Changing a filter searches again like typing does.
import { useEffect, useRef, useState } from 'react';
import type { SearchResult, WorkbenchApi } from '../../../contract/api';
import { filtersToRequest, NO_FILTERS, type SearchFilters } from './search-filters';

export const SEARCH_DEBOUNCE_MS = 250;
export const SEARCH_LIMIT = 25;

export interface EntitySearchState {
  result: SearchResult | undefined;
  /** The query `result` answers. */
  answeredQuery: string;
  searching: boolean;
}

export function useEntitySearch(
  api: WorkbenchApi,
  query: string,
  onError: (error: unknown) => void,
  filters: SearchFilters = NO_FILTERS,
): EntitySearchState {
  const [state, setState] = useState<EntitySearchState>({ result: undefined, answeredQuery: '', searching: false });
  const latestRequest = useRef(0);
  const reportError = useRef(onError);
  reportError.current = onError;
  // Compared by value: a filter object rebuilt with the same content must not search again.
  const filterKey = JSON.stringify(filtersToRequest(filters));

  useEffect(() => {
    const trimmed = query.trim();
    const requestNumber = ++latestRequest.current;
    if (!trimmed) {
      setState({ result: undefined, answeredQuery: '', searching: false });
      return;
    }
    setState((current) => ({ ...current, searching: true }));
    const timer = setTimeout(async () => {
      try {
        const result = await api.search({ query: trimmed, limit: SEARCH_LIMIT, ...(JSON.parse(filterKey) as ReturnType<typeof filtersToRequest>) });
        if (requestNumber !== latestRequest.current) return; // a newer query has been typed since
        setState({ result, answeredQuery: trimmed, searching: false });
      } catch (error) {
        if (requestNumber !== latestRequest.current) return;
        setState((current) => ({ ...current, searching: false }));
        reportError.current(error);
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, query, filterKey]);

  return state;
}
