// Polls getConnectionStatus so the top bar follows the database (local instance starting, server gone).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConnectionStatus, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';

export const STATUS_POLL_INTERVAL_MS = 4000;

export interface ConnectionStatusState {
  status: ConnectionStatus | undefined;
  /** Set when the status itself could not be fetched (server unreachable, token refused). */
  error: WorkbenchClientError | undefined;
  /** Replace the shown status right away (after connect / use local). */
  setStatus: (status: ConnectionStatus) => void;
}

export function useConnectionStatus(
  api: WorkbenchApi,
  onError: (error: WorkbenchClientError) => void,
  onRecovered: () => void,
): ConnectionStatusState {
  const [status, setStatusState] = useState<ConnectionStatus>();
  const [error, setError] = useState<WorkbenchClientError>();
  const callbacks = useRef({ onError, onRecovered });
  callbacks.current = { onError, onRecovered };

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.getConnectionStatus({});
        if (cancelled) return;
        setStatusState(next);
        setError(undefined);
        callbacks.current.onRecovered();
      } catch (caught) {
        if (cancelled) return;
        const clientError = toClientError(caught);
        setError(clientError);
        callbacks.current.onError(clientError);
      }
      if (!cancelled) timer = setTimeout(poll, STATUS_POLL_INTERVAL_MS);
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api]);

  const setStatus = useCallback((next: ConnectionStatus) => {
    setStatusState(next);
    setError(undefined);
  }, []);

  return { status, error, setStatus };
}

/** The top bar's one-line summary. */
export function describeConnection(status: ConnectionStatus | undefined, error: WorkbenchClientError | undefined): {
  text: string;
  tone: 'ok' | 'busy' | 'error';
} {
  if (error) return { text: joinHint(error.message, error.hint), tone: 'error' };
  if (!status) return { text: 'Checking the database connection…', tone: 'busy' };
  const where = status.kind === 'local' ? 'local Neo4j' : 'Neo4j';
  const uri = status.uri ? ` ${status.uri}` : '';
  switch (status.state) {
    case 'connected':
      return { text: `Connected: ${where}${uri}${status.readOnly ? ' (read-only)' : ''}`, tone: 'ok' };
    case 'connecting':
      return { text: `Connecting to ${where}${uri}…`, tone: 'busy' };
    case 'starting-local':
      return { text: 'Starting the local Neo4j database…', tone: 'busy' };
    case 'disconnected':
      return { text: joinHint(status.message ?? 'Not connected to a database.', status.hint ?? 'Use "Connection…" to choose one.'), tone: 'error' };
    case 'error':
      return { text: joinHint(status.message ?? `Cannot use ${where}${uri}.`, status.hint), tone: 'error' };
  }
}

function joinHint(message: string, hint: string | undefined): string {
  return hint ? `${message} ${hint}` : message;
}
