// What each operation is, for the audit log (EU Directive 2016/680 Art. 25 categories) and for the
// read-only role. Operations are listed by name; one this table does not know yet is classified by its
// name, so a new operation is never left unaudited or open to a read-only user by accident.
import type { AuditCategory } from '../audit-sink';

export interface OperationPolicy {
  /** null: not audited (status polls, the user's own settings, reading the audit log itself). */
  category: AuditCategory | null;
  /** Changes stored data: refused for the read-only role. */
  writes: boolean;
  /** The handler writes its own, richer entry on success (exports); the wrapper logs only failures. */
  selfAudited?: boolean;
}

const consult: OperationPolicy = { category: 'consultation', writes: false };
const alter: OperationPolicy = { category: 'alteration', writes: true };
const quiet: OperationPolicy = { category: null, writes: false };

export const OPERATION_POLICIES: Record<string, OperationPolicy> = {
  getConnectionStatus: quiet,
  connect: quiet,
  useLocalDatabase: quiet,
  getDatabaseSummary: quiet,
  getIdentity: quiet,
  getPendingWrites: quiet,
  listAuditEntries: quiet,
  getExportDefaults: quiet,
  setIdentity: { category: 'alteration', writes: false },

  search: consult,
  getEntity: consult,
  expand: consult,
  findPaths: consult,
  connectingNetwork: consult,
  checkEntities: consult,
  listCases: consult,
  listCharts: consult,
  loadChart: consult,
  listAnnotations: consult,
  getAnnotationHistory: consult,
  parseChartFile: consult,
  readExportFile: consult,
  verifyExport: consult,

  saveChart: alter,
  renameChart: alter,
  duplicateChart: alter,
  createAnalystLink: alter,
  addNote: alter,
  updateAnnotation: alter,
  retractAnnotation: alter,
  deleteChart: { category: 'erasure', writes: true },

  exportChart: { category: 'disclosure', writes: false, selfAudited: true },
  savePngExport: { category: 'disclosure', writes: false, selfAudited: true },
  importChartFile: { category: 'collection', writes: false },

  // Entity resolution (issue 4): linking records of two cases is 'combination' under Art. 25.
  listMatchCandidates: consult,
  runResolution: { category: 'combination', writes: true },
  decideMatch: { category: 'combination', writes: true },
  undoMatchDecision: { category: 'combination', writes: true },
  decideMatches: { category: 'combination', writes: true },

  // Importing records (issue 4): the file preview only reads the uploaded file; the import collects data.
  previewImport: { category: null, writes: false },
  getImportStatus: quiet,
  startImport: { category: 'collection', writes: true },
  cancelImport: { category: 'collection', writes: true },
};

/** By name, for operations added after this table: imports collect, exports disclose, deletes erase. */
export function policyFor(operation: string): OperationPolicy {
  const known = OPERATION_POLICIES[operation];
  if (known) return known;
  const name = operation.toLowerCase();
  if (/^(import|ingest|load(data|file|records))/.test(name)) return { category: 'collection', writes: true };
  if (/^(export|share|disclose|send|transfer)/.test(name)) return { category: 'disclosure', writes: false };
  if (/^(delete|erase|remove|purge|drop)/.test(name)) return { category: 'erasure', writes: true };
  if (/^(merge|combine|link|match|resolve)/.test(name)) return { category: 'combination', writes: true };
  if (/^(save|create|add|update|set|rename|duplicate|confirm|reject|retract|edit|write|undo|split|seed|run(import|write))/.test(name)) {
    return { category: 'alteration', writes: true };
  }
  return consult;
}
