// Who is working (name, role, grading scheme), loaded again whenever the connection changes (the Neo4j user
// may differ per database).
import { useEffect, useState } from 'react';
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
  return { identity };
}
