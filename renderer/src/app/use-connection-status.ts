// Polls getConnectionStatus so the top bar follows the database (local instance starting, server gone).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConnectionStatus, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { localiseError } from '../i18n/errors';
import { currentLanguage, t } from '../i18n';

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
  if (error) {
    const text = localiseError(error);
    return { text: joinHint(text.message, text.hint), tone: 'error' };
  }
  if (!status) return { text: t('app:connection.checking'), tone: 'busy' };
  const where = status.kind === 'local' ? t('app:connection.localNeo4j') : t('app:connection.neo4j');
  const uri = status.uri ? ` ${status.uri}` : '';
  switch (status.state) {
    case 'connected':
      return { text: t(status.readOnly ? 'app:connection.connectedReadOnly' : 'app:connection.connected', { where, uri }), tone: 'ok' };
    case 'connecting':
      return { text: t('app:connection.connecting', { where, uri }), tone: 'busy' };
    case 'starting-local':
      return { text: t('app:connection.startingLocal'), tone: 'busy' };
    // The server words these in English; other languages get the catalogue's sentence (the server's stays in the tooltip).
    case 'disconnected':
      return english(status)
        ? { text: joinHint(status.message ?? t('app:connection.notConnected'), status.hint ?? t('app:connection.chooseOne')), tone: 'error' }
        : { text: joinHint(t('app:connection.notConnected'), t('app:connection.chooseOne')), tone: 'error' };
    case 'error':
      return english(status)
        ? { text: joinHint(status.message ?? t('app:connection.cannotUse', { where, uri }), status.hint), tone: 'error' }
        : { text: joinHint(t('app:connection.cannotUse', { where, uri }), t('errors:DB_UNAVAILABLE.hint')), tone: 'error' };
  }
}

/** Whether to show the server's own (English) wording of a connection problem. */
function english(status: ConnectionStatus): boolean {
  return currentLanguage() === 'en' || !status.message;
}

function joinHint(message: string, hint: string | undefined): string {
  return hint ? `${message} ${hint}` : message;
}
