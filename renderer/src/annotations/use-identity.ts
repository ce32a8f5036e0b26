// Who is working (name, role, grading scheme), loaded once and updated when the analyst sets their name.
import { useCallback, useEffect, useState } from 'react';
import type { IdentityInfo } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';

export function useIdentity(api: WorkbenchApi, connectionKey: unknown) {
  const [identity, setIdentity] = useState<IdentityInfo>();
  useEffect(() => {
    let current = true;
    api.getIdentity({}).then(
      (result) => current && setIdentity(result),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, connectionKey]);
  const save = useCallback(async (name: string) => setIdentity(await api.setIdentity({ name })), [api]);
  return { identity, save };
}
