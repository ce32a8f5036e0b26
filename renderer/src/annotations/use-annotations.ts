// Loads the annotations of the selected entity or link, and reloads them after a change.
import { useCallback, useEffect, useState } from 'react';
import type { AnnotationList } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';

export function useAnnotations(api: WorkbenchApi, targetId: string | undefined, onError: (error: unknown) => void) {
  const [list, setList] = useState<AnnotationList>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    setList(undefined);
    if (!targetId) return;
    let current = true;
    api.listAnnotations({ targetId }).then(
      (result) => current && setList(result),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [api, targetId, generation, onError]);

  return { list, reload };
}
