// The one typed contract between the renderer and the backend. Both transports (Electron IPC and the
// browser-mode HTTP server) bind exactly these operations; the backend validates every request with the
// schemas below before doing anything. No Node or DOM imports: the renderer bundles this file.
import { z } from 'zod';
import { chartDocumentSchema, type ChartDocument } from './chart';
import { exportRequestSchemas, type ExportResponseTypes } from './export-requests';
import { annotationRequestSchemas, type AnnotationResponseTypes, type ConflictVersions } from './annotations';
import { resolutionRequestSchemas, type ResolutionResponseTypes } from './resolution';
import { importRequestSchemas, type ImportLanguage, type ImportResponseTypes } from './imports';
import { queryTemplateRequestSchemas, type QueryTemplateResponseTypes } from './query-templates';
import { mapRequestSchemas, type MapResponseTypes } from './map';
import {
  COUNTRIES,
  ENTITY_TYPES,
  RELATIONSHIP_TYPES,
  type EntitySummary,
  type LinkSummary,
  type Properties,
} from './model';
import {
  DEFAULT_EXPAND_LIMIT,
  DEFAULT_NETWORK_HOPS,
  DEFAULT_PATH_HOPS,
  MAX_EXPAND_IDS,
  MAX_EXPAND_LIMIT,
  MAX_NETWORK_HOPS,
  MAX_NETWORK_IDS,
  MAX_PATH_HOPS,
  MAX_PATH_IDS,
} from '../shared-values/request-limits';
import { freeText, identifier, isoDate, dataText, type FieldRule } from './text';

const entityId = identifier(200);
const entityType = z.enum(ENTITY_TYPES);
const relationshipType = z.enum(RELATIONSHIP_TYPES);
const chartId = identifier(200);
const chartTitle = freeText({ min: 1, max: 300 });

export { DEFAULT_EXPAND_LIMIT, MAX_EXPAND_LIMIT };

export const requestSchemas = {
  getConnectionStatus: z.object({}).strict(),
  /** Switch to any Neo4j 5 (server, cluster, Aura) by URI. */
  connect: z
    .object({
      uri: freeText({ min: 1, max: 500 }),
      user: freeText({ max: 200 }).default('neo4j'),
      /** Anything the user chose, but well-formed (the driver cannot send a broken character). */
      password: dataText(500).default(''),
      database: freeText({ max: 200 }).optional(),
      rememberPassword: z.boolean().default(false),
    })
    .strict(),
  /** Go back to the managed local Neo4j. */
  useLocalDatabase: z.object({}).strict(),
  /** Switch to the demo investigation in its own database (its own data folder); never into one with other data. */
  openDemo: z.object({}).strict(),
  search: z
    .object({
      query: freeText({ min: 1, max: 200 }),
      types: z.array(entityType).max(ENTITY_TYPES.length).optional(),
      countries: z.array(z.enum(COUNTRIES)).max(2).optional(),
      /** Only records belonging to these cases. */
      caseIds: z.array(entityId).max(100).optional(),
      /** Only records dated (incident time, date of record) inside this window; ISO-8601. */
      from: isoDate.optional(),
      until: isoDate.optional(),
      limit: z.number().int().min(1).max(200).default(25),
    })
    .strict(),
  getEntity: z.object({ id: entityId }).strict(),
  expand: z
    .object({
      ids: z.array(entityId).min(1).max(MAX_EXPAND_IDS),
      relationshipTypes: z.array(relationshipType).max(RELATIONSHIP_TYPES.length).optional(),
      direction: z.enum(['both', 'outgoing', 'incoming']).default('both'),
      /** Ids already on the chart: not counted as new neighbours. */
      exclude: z.array(entityId).max(50_000).default([]),
      limit: z.number().int().min(1).max(MAX_EXPAND_LIMIT).default(DEFAULT_EXPAND_LIMIT),
    })
    .strict(),
  getDatabaseSummary: z.object({}).strict(),
  listCases: z.object({}).strict(),
  /** Shortest paths between every pair of the given entities, computed in Neo4j over the whole database. */
  findPaths: z
    .object({
      ids: z.array(entityId).min(2).max(MAX_PATH_IDS),
      mode: z.enum(['shortest', 'all-shortest']).default('shortest'),
      maxHops: z.number().int().min(1).max(MAX_PATH_HOPS).default(DEFAULT_PATH_HOPS),
      relationshipTypes: z.array(relationshipType).max(RELATIONSHIP_TYPES.length).optional(),
      /** Cap on paths per pair (all-shortest can explode on hubs). */
      limit: z.number().int().min(1).max(100).default(10),
    })
    .strict(),
  /** The entities and links that connect a selection to each other within maxHops. */
  connectingNetwork: z
    .object({
      ids: z.array(entityId).min(2).max(MAX_NETWORK_IDS),
      maxHops: z.number().int().min(1).max(MAX_NETWORK_HOPS).default(DEFAULT_NETWORK_HOPS),
      relationshipTypes: z.array(relationshipType).max(RELATIONSHIP_TYPES.length).optional(),
      limit: z.number().int().min(1).max(MAX_EXPAND_LIMIT).default(DEFAULT_EXPAND_LIMIT),
    })
    .strict(),
  /** Which of these ids still exist (a saved chart may mention deleted entities). */
  checkEntities: z.object({ ids: z.array(entityId).max(100_000) }).strict(),
  listCharts: z.object({}).strict(),
  /** Saves a chart in Neo4j so the team shares it; expectedVersion guards against overwriting a newer save. */
  saveChart: z.object({ chart: chartDocumentSchema, expectedVersion: z.number().int().min(0).optional() }).strict(),
  loadChart: z.object({ id: chartId }).strict(),
  renameChart: z.object({ id: chartId, title: chartTitle }).strict(),
  duplicateChart: z.object({ id: chartId, title: chartTitle }).strict(),
  deleteChart: z.object({ id: chartId }).strict(),
  /** Validates a chart file the analyst opened (untrusted input); a damaged file is refused with what is wrong. */
  parseChartFile: z.object({ text: z.string().max(200_000_000) }).strict(),
  /** Court-ready export and chart-file import: see contract/export-requests.ts. */
  ...exportRequestSchemas,
  /** Entity resolution and its review queue: see contract/resolution.ts. */
  ...resolutionRequestSchemas,
  /** Importing CSV/XLSX records from the app: see contract/imports.ts. */
  ...importRequestSchemas,
  /** Analyst links, notes, their history, identity and the audit log: see contract/annotations.ts. */
  ...annotationRequestSchemas,
  /** Saved, parameterised query templates over reviewed shapes: see contract/query-templates.ts. */
  ...queryTemplateRequestSchemas,
  /** The map view's own reads (a vehicle's ANPR track): see contract/map.ts. */
  ...mapRequestSchemas,
} as const;

export type OperationName = keyof typeof requestSchemas;
export const OPERATION_NAMES = Object.keys(requestSchemas) as OperationName[];

export type ConnectionState = 'connected' | 'connecting' | 'starting-local' | 'disconnected' | 'error';

export interface ConnectionStatus {
  state: ConnectionState;
  /** The URI in use, e.g. bolt://127.0.0.1:7687. */
  uri?: string;
  /** 'local' is the managed embedded default. */
  kind: 'local' | 'remote';
  database?: string;
  serverVersion?: string;
  /** What went wrong and what to do about it, when state is 'error'. */
  message?: string;
  hint?: string;
  readOnly: boolean;
  user?: string;
  /** True while the synthetic demo investigation is shown (its own database): the UI marks it "DEMO". */
  demo?: boolean;
}

export interface SearchHit extends EntitySummary {
  /** Why it matched: 'name', 'phone', 'plate', 'national-number', … */
  matchedOn: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How the query was read, e.g. { kind: 'phone', value: '+31612345678' }. */
  interpretations: { kind: string; value: string }[];
}

export interface ProvenanceRecord {
  sourceId: string;
  kind?: string;
  file?: string;
  row?: number;
  caseId?: string;
  caseReference?: string;
  country?: string;
  agency?: string;
  recordedAt?: string;
  sourceReliability?: string;
  informationReliability?: string;
  handling?: string;
}

export interface EntityDetails {
  entity: EntitySummary;
  /** Where this record came from (its Source → Case → country, agency). */
  provenance: ProvenanceRecord[];
  /** Counts of relationships by type, to show what an expansion would bring. */
  neighbourCounts: { type: string; direction: 'outgoing' | 'incoming'; count: number }[];
}

export interface ExpandResult {
  nodes: EntitySummary[];
  links: LinkSummary[];
  /** Neighbours not returned because of the limit. */
  omitted: number;
}

export interface DatabaseSummary {
  nodesByType: Record<string, number>;
  relationshipsByType: Record<string, number>;
  schemaVersion: number;
  datasets: string[];
}

export interface CaseSummary {
  id: string;
  reference: string;
  title?: string;
  country?: string;
  agency?: string;
}

export interface PathsResult {
  /** Each path as the ids of its entities and links, in order. */
  paths: { entityIds: string[]; linkIds: string[] }[];
  nodes: EntitySummary[];
  links: LinkSummary[];
  /** Pairs that have no path within maxHops, said plainly ("A and B are not connected within 6 hops"). */
  unconnected: { from: string; to: string }[];
}

export interface ChartListing {
  id: string;
  title: string;
  version: number;
  updatedAt: string;
  updatedBy?: string;
  entityCount: number;
  linkCount: number;
}

export interface ResponseTypes
  extends ExportResponseTypes,
    AnnotationResponseTypes,
    ResolutionResponseTypes,
    ImportResponseTypes,
    QueryTemplateResponseTypes,
    MapResponseTypes {
  getConnectionStatus: ConnectionStatus;
  connect: ConnectionStatus;
  useLocalDatabase: ConnectionStatus;
  openDemo: ConnectionStatus;
  search: SearchResult;
  getEntity: EntityDetails;
  expand: ExpandResult;
  getDatabaseSummary: DatabaseSummary;
  listCases: { cases: CaseSummary[] };
  findPaths: PathsResult;
  connectingNetwork: ExpandResult;
  checkEntities: { existing: string[]; missing: string[] };
  listCharts: { charts: ChartListing[] };
  saveChart: ChartListing;
  loadChart: { chart: ChartDocument; version: number; missing: string[] };
  renameChart: ChartListing;
  duplicateChart: ChartListing;
  deleteChart: { deleted: boolean };
  parseChartFile: { chart: ChartDocument };
}

export type RequestOf<K extends OperationName> = z.input<(typeof requestSchemas)[K]>;
export type ParsedRequestOf<K extends OperationName> = z.output<(typeof requestSchemas)[K]>;
export type ResponseOf<K extends OperationName> = ResponseTypes[K];

/** What the renderer calls, whichever transport carries it. */
export type WorkbenchApi = {
  [K in OperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>>;
};

/** What the backend implements: requests arrive already validated. */
export type WorkbenchHandlers = {
  [K in OperationName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>>;
};

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'DB_UNAVAILABLE',
  'DB_AUTH',
  'DB_STARTING',
  'DB_BAD_URI',
  /** The server answered but has no database of the name asked for. */
  'DB_NOT_FOUND',
  /** The database lacks indexes or constraints this version needs; an administrator runs npm run db:migrate. */
  'DB_SCHEMA_OUTDATED',
  'READ_ONLY',
  'CONFLICT',
  /** Allowed for its owner only (a colleague's saved query template). */
  'FORBIDDEN',
  /** A read whose audit entry could not be saved: the answer is withheld. */
  'AUDIT_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every failure crossing the boundary has this shape: what happened and what to do. Never a stack. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** CONFLICT on an annotation: both versions, so the UI can show theirs beside yours. */
  conflict?: ConflictVersions;
  /** BAD_REQUEST from the request schema: the first field refused (dotted path) and the rule it broke. */
  invalid?: { field: string; rule: FieldRule };
  /**
   * The language `message` and `hint` are written in, when the request chose one other than English (an
   * import refused before it started); absent, they are English.
   */
  language?: ImportLanguage;
}

/**
 * The one answer shape of every operation, through both transports unchanged: the IPC handler returns it,
 * the preload passes it on as it is, the HTTP server sends it as the body (whatever the status), and the
 * renderer's API layer unwraps it in one place (renderer/src/api/envelope.ts).
 */
export type ApiEnvelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly conflict?: ConflictVersions;
  readonly invalid?: ApiErrorBody['invalid'];
  readonly language?: ApiErrorBody['language'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.hint = body.hint;
    this.conflict = body.conflict;
    this.invalid = body.invalid;
    this.language = body.language;
  }
  /** Every field, as it travels in the envelope. */
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message, hint: this.hint, conflict: this.conflict, invalid: this.invalid, language: this.language };
    return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as unknown as ApiErrorBody;
  }
}

/** Electron IPC channel for an operation; the preload only ever invokes channels built here. */
export const IPC_PREFIX = 'schakel:';
export function ipcChannel(operation: OperationName): string {
  return `${IPC_PREFIX}${operation}`;
}

export type { EntitySummary, LinkSummary, Properties };
