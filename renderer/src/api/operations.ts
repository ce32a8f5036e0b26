// The operations the renderer calls, written out so both transports are plain typed objects. The type
// check below fails to compile when contract/api.ts gains an operation this list does not name.
import type { OperationName, RequestOf, ResponseOf, WorkbenchApi } from '../../../contract/api';

export const RENDERER_OPERATIONS = [
  'getConnectionStatus',
  'connect',
  'useLocalDatabase',
  'search',
  'getEntity',
  'expand',
  'getDatabaseSummary',
] as const satisfies readonly OperationName[];

type Unlisted = Exclude<OperationName, (typeof RENDERER_OPERATIONS)[number]>;
const everyOperationListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyOperationListed;

/** Sends one operation over some transport and resolves with its result (or throws WorkbenchClientError). */
export type OperationCaller = <K extends OperationName>(operation: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;

/** Binds every operation to one caller: the only place the operation list turns into an API object. */
export function bindOperations(call: OperationCaller): WorkbenchApi {
  return {
    getConnectionStatus: (request) => call('getConnectionStatus', request),
    connect: (request) => call('connect', request),
    useLocalDatabase: (request) => call('useLocalDatabase', request),
    search: (request) => call('search', request),
    getEntity: (request) => call('getEntity', request),
    expand: (request) => call('expand', request),
    getDatabaseSummary: (request) => call('getDatabaseSummary', request),
  };
}
