// Wraps the workbench handlers once: write operations are refused for the read-only role (in the backend,
// whatever the UI shows), and every connection status says who is working and whether they may write.
import { ApiError, type ConnectionStatus, type OperationName, type WorkbenchHandlers } from '../../contract/api';
import { policyFor } from '../audit/classify';
import type { IdentityService } from './identity';

const STATUS_OPERATIONS = new Set<string>(['getConnectionStatus', 'connect', 'useLocalDatabase', 'openDemo']);

export function readOnlyRefusal(operation: string, role = 'read-only'): ApiError {
  return new ApiError({
    code: 'READ_ONLY',
    message: `You work with the ${role} role, so "${operation}" was refused: that role may not make this change.`,
    hint: 'Ask your administrator for the analyst role (a Neo4j role, or SCHAKEL_ROLE=analyst) if you need to make changes.',
  });
}

/** The status as the UI shows it: who is working and whether they may write. */
export function withIdentityStatus(status: ConnectionStatus, identity: IdentityService): ConnectionStatus {
  const current = identity.current();
  return { ...status, readOnly: !current.mayWrite, user: current.name };
}

export function withIdentity(handlers: WorkbenchHandlers, identity: IdentityService): WorkbenchHandlers {
  const wrapped: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [operation, handler] of Object.entries(handlers) as [OperationName, (request: unknown) => Promise<unknown>][]) {
    const writes = policyFor(operation).writes;
    wrapped[operation] = async (request: unknown) => {
      if (writes && !identity.mayRun(operation)) throw readOnlyRefusal(operation, identity.current().role);
      const result = await handler(request);
      if (STATUS_OPERATIONS.has(operation)) {
        const status = result as ConnectionStatus;
        return withIdentityStatus(status, identity);
      }
      return result;
    };
  }
  return wrapped as WorkbenchHandlers;
}
