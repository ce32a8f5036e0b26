// Loads getEntity for the selected chart node; an answer for a node that is no longer selected is dropped.
import { useEffect, useRef, useState } from 'react';
import type { EntityDetails, WorkbenchApi } from '../../../contract/api';

export interface EntityDetailsState {
  details: EntityDetails | undefined;
  loading: boolean;
}

export function useEntityDetails(
  api: WorkbenchApi,
  entityId: string | undefined,
  onError: (error: unknown) => void,
): EntityDetailsState {
  const [state, setState] = useState<EntityDetailsState>({ details: undefined, loading: false });
  const reportError = useRef(onError);
  reportError.current = onError;

  useEffect(() => {
    if (!entityId) {
      setState({ details: undefined, loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ details: previous.details?.entity.id === entityId ? previous.details : undefined, loading: true }));
    api
      .getEntity({ id: entityId })
      .then((details) => {
        if (current) setState({ details, loading: false });
      })
      .catch((error: unknown) => {
        if (!current) return;
        setState({ details: undefined, loading: false });
        reportError.current(error);
      });
    return () => {
      current = false;
    };
  }, [api, entityId]);

  return state;
}
