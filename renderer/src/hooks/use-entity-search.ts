// Search as you type: debounced, and only the answer to the latest query is ever shown (a slow answer to
// "jan" must not overwrite the answer to "jan de").
import { useEffect, useRef, useState } from 'react';
import type { SearchResult, WorkbenchApi } from '../../../contract/api';

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
): EntitySearchState {
  const [state, setState] = useState<EntitySearchState>({ result: undefined, answeredQuery: '', searching: false });
  const latestRequest = useRef(0);
  const reportError = useRef(onError);
  reportError.current = onError;

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
        const result = await api.search({ query: trimmed, limit: SEARCH_LIMIT });
        if (requestNumber !== latestRequest.current) return; // a newer query has been typed since
        setState({ result, answeredQuery: trimmed, searching: false });
      } catch (error) {
        if (requestNumber !== latestRequest.current) return;
        setState((current) => ({ ...current, searching: false }));
        reportError.current(error);
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, query]);

  return state;
}
