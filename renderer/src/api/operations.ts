// The operations the renderer calls, written out so both transports are plain typed objects. The type
// check below fails to compile when contract/api.ts gains an operation this list does not name.
import type { OperationName, RequestOf, ResponseOf, WorkbenchApi } from '../../../contract/api';

export const RENDERER_OPERATIONS = [
  'getConnectionStatus',
  'connect',
  'useLocalDatabase',
  'openDemo',
  'search',
  'getEntity',
  'expand',
  'getDatabaseSummary',
  'listCases',
  'findPaths',
  'connectingNetwork',
  'checkEntities',
  'listCharts',
  'saveChart',
  'loadChart',
  'renameChart',
  'duplicateChart',
  'deleteChart',
  'parseChartFile',
  'getExportDefaults',
  'exportChart',
  'savePngExport',
  'readExportFile',
  'verifyExport',
  'importChartFile',
  'getIdentity',
  'setIdentity',
  'createAnalystLink',
  'addNote',
  'updateAnnotation',
  'retractAnnotation',
  'listAnnotations',
  'getAnnotationHistory',
  'getPendingWrites',
  'listAuditEntries',
  'runResolution',
  'listMatchCandidates',
  'confirmedSameAs',
  'decideMatch',
  'undoMatchDecision',
  'decideMatches',
  'previewImport',
  'startImport',
  'getImportStatus',
  'cancelImport',
  'listQueryTemplates',
  'saveQueryTemplate',
  'deleteQueryTemplate',
  'runQueryTemplate',
  'getAnprTrack',
  'getMapSettings',
] as const satisfies readonly OperationName[];

type Unlisted = Exclude<OperationName, (typeof RENDERER_OPERATIONS)[number]>;
const everyOperationListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyOperationListed;

/** Sends one operation over some transport and resolves with its result (or throws WorkbenchClientError). */
export type OperationCaller = <K extends OperationName>(operation: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;

/** Binds every operation to one caller: the only place the operation list turns into an API object. */
export function bindOperations(call: OperationCaller): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const operation of RENDERER_OPERATIONS) api[operation] = (request: RequestOf<typeof operation>) => call(operation, request);
  return api as WorkbenchApi;
}
