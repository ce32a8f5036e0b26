// The export operations as the workbench binds them: where exports go (`<data dir>/exports`, or a folder
// given by the caller), which audit sink records the disclosures, and which data versions the manifest
// names.
import type { ConnectionStatus, DatabaseSummary } from '../../contract/api';
import { resolveDataDir } from '../../local-neo4j/paths';
import type { AuditSink } from '../audit-sink';
import { disclosureJournal } from './disclosure-journal';
import { exportsRootIn } from './export-folder';
import { createExportService, type ExportOperations } from './export-service';

export type { ExportOperations } from './export-service';
export { createExportService } from './export-service';

export interface WorkbenchExportsOptions {
  /** Explicit exports folder; otherwise `<dataDir>/exports`. */
  exportsDir?: string;
  /** Otherwise SCHAKEL_DATA_DIR or the per-user data folder, read at export time. */
  dataDir?: string;
  env: NodeJS.ProcessEnv;
  /** Who is exporting, asked at each export. */
  currentUser: () => string | Promise<string>;
  /** Without one, disclosures go to `<exports folder>/disclosures.jsonl`. */
  audit?: AuditSink;
  database?: () => Promise<{ summary: DatabaseSummary; status: ConnectionStatus }>;
  applicationVersion?: string;
}

export function createWorkbenchExports(options: WorkbenchExportsOptions): ExportOperations {
  const exportsRoot = () => options.exportsDir ?? exportsRootIn(options.dataDir ?? resolveDataDir(options.env));
  return createExportService({
    exportsRoot,
    currentUser: options.currentUser,
    audit: options.audit ?? disclosureJournal(exportsRoot, options.currentUser),
    ...(options.applicationVersion ? { applicationVersion: options.applicationVersion } : {}),
    dataVersions: async () => (options.database ? describeDataVersions(await options.database()) : {}),
  });
}

/** The data behind an export, as the manifest records it: which database, schema and datasets. */
export function describeDataVersions({ summary, status }: { summary: DatabaseSummary; status: ConnectionStatus }): Record<string, string> {
  return {
    schemaVersion: String(summary.schemaVersion),
    datasets: summary.datasets.join(', '),
    ...(status.serverVersion ? { neo4j: status.serverVersion } : {}),
    ...(status.uri ? { database: status.database ? `${status.uri} (${status.database})` : status.uri } : {}),
  };
}
