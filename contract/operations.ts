// What each operation of the contract is: whether it changes stored data (refused for the read-only role)
// and which audit category it falls under (EU Directive 2016/680 Art. 25). One typed table over the operation
// names: adding an operation to the contract does not compile until it has a row here, so nothing is ever
// left unaudited or open to a read-only user by a guess from its name.
// No Node or DOM imports: the renderer may read this table too.
import type { OperationName } from './api';

import { AUDIT_CATEGORIES, type AuditCategory } from '../shared-values/audit';

export { AUDIT_CATEGORIES, type AuditCategory };

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
const combine: OperationPolicy = { category: 'combination', writes: true };

export const OPERATION_POLICIES = {
  getConnectionStatus: quiet,
  connect: quiet,
  useLocalDatabase: quiet,
  // Switches to the demo investigation's own database, like choosing the local database.
  openDemo: quiet,
  getDatabaseSummary: quiet,
  getIdentity: quiet,
  getPendingWrites: quiet,
  listAuditEntries: quiet,
  getExportDefaults: quiet,
  // The analyst's own name in the settings file: recorded, but not stored data a read-only role must not touch.
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
  // Linking records of two cases is 'combination' under Art. 25.
  listMatchCandidates: consult,
  confirmedSameAs: consult,
  runResolution: combine,
  decideMatch: combine,
  undoMatchDecision: combine,
  decideMatches: combine,
  // The file preview only reads the uploaded file; the import itself collects data.
  previewImport: quiet,
  getImportStatus: quiet,
  startImport: { category: 'collection', writes: true },
  cancelImport: { category: 'collection', writes: true },
  listQueryTemplates: consult,
  runQueryTemplate: consult,
  saveQueryTemplate: alter,
  deleteQueryTemplate: { category: 'erasure', writes: true },
  getAnprTrack: consult,
  // The map server the settings file names: configuration, not stored data.
  getMapSettings: quiet,
} as const satisfies Record<OperationName, OperationPolicy>;

/** The policy of an operation; a name outside the contract gets the strictest reading (audited, writes). */
export function policyOf(operation: string): OperationPolicy {
  return Object.prototype.hasOwnProperty.call(OPERATION_POLICIES, operation)
    ? OPERATION_POLICIES[operation as OperationName]
    : { category: 'alteration', writes: true };
}
