// One import as the dialog follows it: start, poll the backend for progress until it ends, cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbenchApi } from '../../../contract/api';
import type { ImportJobStatus, ImportLanguage } from '../../../contract/imports';

const POLL_MS = 400;

export interface ImportJob {
  status: ImportJobStatus | undefined;
  start(request: { name: string; base64: string; spec: Record<string, unknown>; fromRow?: number; language?: ImportLanguage }): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export function useImportJob(api: WorkbenchApi, onError: (error: unknown) => void): ImportJob {
  const [status, setStatus] = useState<ImportJobStatus>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const importId = useRef<string>(undefined);

  const stopPolling = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
  };
  useEffect(() => stopPolling, []);

  const poll = useCallback(
    (id: string) => {
      timer.current = setTimeout(() => {
        api
          .getImportStatus({ importId: id })
          .then((next) => {
            if (importId.current !== id) return;
            setStatus(next);
            if (next.state === 'running') poll(id);
          })
          .catch(onError);
      }, POLL_MS);
    },
    [api, onError],
  );

  const start = useCallback<ImportJob['start']>(
    async (request) => {
      stopPolling();
      const { importId: id } = await api.startImport(request);
      importId.current = id;
      setStatus(await api.getImportStatus({ importId: id }));
      poll(id);
    },
    [api, poll],
  );

  const cancel = useCallback(async () => {
    if (!importId.current) return;
    try {
      setStatus(await api.cancelImport({ importId: importId.current }));
    } catch (error) {
      onError(error);
    }
  }, [api, onError]);

  const reset = useCallback(() => {
    stopPolling();
    importId.current = undefined;
    setStatus(undefined);
  }, []);

  return { status, start, cancel, reset };
}
