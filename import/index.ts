// The file import: CSV/XLSX records from Dutch and Belgian sources, and networks (edge lists, adjacency
// matrices, GraphML, GEXF), into the graph, described by a reusable import specification. Entry points for
// the backend, the CLI (scripts/import.ts) and tests.
export { runImport, defaultRejectsPath } from './engine';
export type { ImportOptions, ImportProgress, ImportStatus, ImportSummary } from './engine';
export { ImportError, describeImportError, describeNote, describeProblem } from './errors';
export type { ImportErrorCode, ImportNote, ImportProblem } from './errors';
export { loadImportSpec, parseImportSpec, saveImportSpec, importSpecSchema, IMPORT_KINDS } from './spec';
export type { ImportKind, ImportSpec, ImportSpecInput } from './spec';
export { openTabularFile, previewFile } from './tabular-file';
export type { FilePreview, ReadOptions, SourceRow, TabularFile } from './tabular-file';
export { formatSummary } from './summary';
export { COORDINATE_SYSTEMS, checkPlace, gridToWgs84 } from './coordinates';
export type { CoordinateSystem } from './coordinates';
