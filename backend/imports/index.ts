// The import operations of the contract, bound to an ImportJobs instance. The workbench spreads
// these into its handler table; the read-only guard and the audit wrapper apply there (backend/audit/classify.ts).
import path from 'node:path';
import type { ParsedRequestOf } from '../../contract/api';
import type { ImportResponseTypes } from '../../contract/imports';
import { resolveDataDir } from '../../local-neo4j/paths';
import { ImportJobs, type ImportJobsOptions } from './import-jobs';

export { ImportJobs } from './import-jobs';
export type { ImportJobsOptions } from './import-jobs';

export type ImportHandlers = {
  [K in keyof ImportResponseTypes]: (request: ParsedRequestOf<K>) => Promise<ImportResponseTypes[K]>;
};

/** `<data dir>/imports`: the data dir the managed Neo4j and the audit journal use. */
export function defaultImportsDir(dataDir: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.join(path.resolve(dataDir ?? resolveDataDir(env)), 'imports');
}

export function createImportHandlers(jobs: ImportJobs): ImportHandlers {
  return {
    previewImport: (request) => jobs.preview(request.name, request.base64, request.language),
    startImport: (request) => jobs.start(request),
    getImportStatus: async (request) => jobs.status(request.importId),
    cancelImport: async (request) => jobs.cancel(request.importId),
  };
}

export function createImports(options: ImportJobsOptions): { jobs: ImportJobs; handlers: ImportHandlers } {
  const jobs = new ImportJobs(options);
  return { jobs, handlers: createImportHandlers(jobs) };
}
