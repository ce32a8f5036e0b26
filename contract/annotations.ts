// Analyst annotations (links, notes, their history), identity and the audit log as they cross the API.
// No Node or DOM imports: the renderer bundles this file for the same rules the backend enforces.
import { z } from 'zod';
import type { LinkSummary } from './model';
import { AUDIT_CATEGORIES, type AuditCategory } from '../shared-values/audit';
import { ANALYST_LINK_STATUSES, GRADING_SCHEMES, type AnalystLinkStatus, type Grading, type GradingSchemeName } from '../shared-values/grading';
import { MAX_NOTE_LENGTH } from '../shared-values/notes';
import { ANALYST_LINK_KINDS, MAX_LINK_LABEL_LENGTH, type AnalystLinkKind } from '../shared-values/analyst-links';
import { freeText, identifier, isoDate } from './text';

export {
  ANALYST_LINK_STATUSES,
  DEFAULT_GRADING_SCHEME,
  GRADING_SCHEMES,
  GRADING_SCHEME_NAMES,
  gradingProblem,
  type AnalystLinkStatus,
  type Grading,
  type GradingSchemeName,
} from '../shared-values/grading';
export { ANALYST_LINK_KINDS, MAX_LINK_LABEL_LENGTH, type AnalystLinkKind } from '../shared-values/analyst-links';
export { MAX_NOTE_LENGTH, MENTION_PATTERN, mentionedIds, splitMentions } from '../shared-values/notes';
export type { AuditCategory as AuditCategoryName } from '../shared-values/audit';

// ---- Text rules -------------------------------------------------------------------------------------


function noteText(what: string, { allowEmpty }: { allowEmpty: boolean }) {
  // Kept as typed (not trimmed): the analyst's layout of a note is part of it.
  return freeText({ max: MAX_NOTE_LENGTH, multiline: true, trim: false })
    .refine((text) => allowEmpty || text.trim().length > 0, { message: `The ${what} is empty; write something or cancel.` });
}

// ---- Requests ---------------------------------------------------------------------------------------

const ALL_SOURCE_CODES: string[] = [...new Set(Object.values(GRADING_SCHEMES).flatMap((s) => [...s.source]))];
const ALL_INFORMATION_CODES: string[] = [...new Set(Object.values(GRADING_SCHEMES).flatMap((s) => [...s.information]))];
const ALL_HANDLING_CODES: string[] = [...new Set(Object.values(GRADING_SCHEMES).flatMap((s) => [...s.handling]))];

/** Codes of any known scheme pass here; the backend then checks them against the workbench's own scheme. */
const gradingFields = {
  sourceReliability: z.string().refine((v) => ALL_SOURCE_CODES.includes(v), { message: `use a source reliability code such as ${GRADING_SCHEMES['eu-4x4'].source.join(', ')}` }),
  informationReliability: z.string().refine((v) => ALL_INFORMATION_CODES.includes(v), { message: `use an information reliability code such as ${GRADING_SCHEMES['eu-4x4'].information.join(', ')}` }),
  handling: z.string().refine((v) => ALL_HANDLING_CODES.includes(v), { message: `use a handling code such as ${GRADING_SCHEMES['eu-4x4'].handling.join(', ')}` }),
};

const id = identifier(200);
const linkLabel = freeText({ max: MAX_LINK_LABEL_LENGTH });
const version = z.number().int().min(1);

export const annotationRequestSchemas = {
  /** Who is working, their role and the grading scheme. */
  getIdentity: z.object({}).strict(),
  /** First start: the analyst's name (stored in the settings file of the data directory). */
  setIdentity: z
    .object({
      name: freeText({ max: 120 }).refine((text) => text.length >= 2, { message: 'Enter your name (at least two characters).' }),
    })
    .strict(),
  createAnalystLink: z
    .object({
      fromId: id,
      toId: id,
      status: z.enum(ANALYST_LINK_STATUSES),
      linkKind: z.enum(ANALYST_LINK_KINDS).optional(),
      linkLabel: linkLabel.optional(),
      note: noteText('note', { allowEmpty: true }).default(''),
      ...gradingFields,
    })
    .strict()
    .refine((request) => request.fromId !== request.toId, { message: 'A link needs two different entities.', path: ['toId'] }),
  addNote: z
    .object({
      targetId: id,
      targetKind: z.enum(['entity', 'link']),
      text: noteText('note', { allowEmpty: false }),
      sourceReliability: gradingFields.sourceReliability.optional(),
      informationReliability: gradingFields.informationReliability.optional(),
      handling: gradingFields.handling.optional(),
    })
    .strict(),
  /** Changes an analyst link or a note; refused with CONFLICT when someone saved a newer version meanwhile. */
  updateAnnotation: z
    .object({
      id,
      expectedVersion: version,
      changes: z
        .object({
          status: z.enum(ANALYST_LINK_STATUSES).optional(),
          /** Empty clears the kind or the label. */
          linkKind: z.enum([...ANALYST_LINK_KINDS, '']).optional(),
          linkLabel: linkLabel.optional(),
          /** The link's note, or the note's text. */
          text: noteText('note', { allowEmpty: true }).optional(),
          sourceReliability: gradingFields.sourceReliability.optional(),
          informationReliability: gradingFields.informationReliability.optional(),
          handling: gradingFields.handling.optional(),
        })
        .strict()
        .refine((changes) => Object.values(changes).some((value) => value !== undefined), { message: 'Nothing to change.' }),
    })
    .strict(),
  /** Deletes an analyst link or note from the chart data; it stays in the history as a retraction. */
  retractAnnotation: z
    .object({ id, expectedVersion: version, reason: noteText('reason', { allowEmpty: true }).optional() })
    .strict(),
  /** Analyst links touching an entity, and notes on an entity or link. */
  listAnnotations: z.object({ targetId: id }).strict(),
  getAnnotationHistory: z.object({ id }).strict(),
  /** Annotations kept locally while the database was unreachable, and any that could not be saved. */
  getPendingWrites: z.object({}).strict(),
  listAuditEntries: z
    .object({
      user: freeText({ max: 200 }).optional(),
      entityId: freeText({ max: 200 }).optional(),
      operation: freeText({ max: 100 }).optional(),
      category: z.enum(AUDIT_CATEGORIES).optional(),
      from: isoDate.optional(),
      until: isoDate.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    })
    .strict(),
} as const;

// ---- Responses --------------------------------------------------------------------------------------

/**
 * analyst: everything; mit-annotator: reads, and writes annotations (links, notes) only; read-only: reads;
 * auditor: reads, for checking the audit log. Refusals are enforced in the backend.
 */
export const ROLES = ['analyst', 'mit-annotator', 'read-only', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface IdentityInfo {
  name: string;
  role: Role;
  /**
   * Where the name came from: the Neo4j user the server authenticated, the operating-system account (a
   * database without authentication), or the embedding program ('option'). Never typed in by the user.
   */
  source: 'option' | 'neo4j-user' | 'os-user';
  /** Where the role came from: Neo4j roles (servers with role-based access control) or SCHAKEL_ROLE. */
  roleSource: 'option' | 'neo4j-roles' | 'environment';
  /** May change stored data at all; may add and edit annotations. */
  mayWrite: boolean;
  mayAnnotate: boolean;
  confirmed: boolean;
  gradingScheme: GradingSchemeName;
}

interface AnnotationCommon extends Partial<Grading> {
  id: string;
  gradingScheme?: GradingSchemeName;
  mentions: string[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

export interface AnalystLinkRecord extends AnnotationCommon {
  kind: 'link';
  fromId: string;
  toId: string;
  status: AnalystLinkStatus;
  linkKind?: AnalystLinkKind;
  linkLabel?: string;
  note: string;
}

export interface NoteRecord extends AnnotationCommon {
  kind: 'note';
  targetId: string;
  targetKind: 'entity' | 'link';
  text: string;
}

export type AnnotationRecord = AnalystLinkRecord | NoteRecord;

export interface AnnotationChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AnnotationRevision {
  annotationId: string;
  kind: 'link' | 'note';
  version: number;
  action: 'create' | 'update' | 'retract';
  by: string;
  at: string;
  changes: AnnotationChange[];
  reason?: string;
}

export interface AnnotationWriteResult {
  annotation: AnnotationRecord | null;
  /** The analyst link as the chart draws it (status in properties; 'hypothesis' is drawn dashed). */
  link?: LinkSummary;
  /** True when the database was unreachable: the change is kept locally and written when it is back. */
  pending: boolean;
  message?: string;
}

export interface AnnotationList {
  links: AnalystLinkRecord[];
  notes: NoteRecord[];
  /** Labels of entities mentioned in the notes (mentions of deleted entities are missing). */
  mentionLabels: Record<string, string>;
  /** Links and notes that were retracted, with who retracted them and when. */
  retracted: AnnotationRevision[];
}

export interface PendingWrite {
  id: string;
  operation: string;
  summary: string;
  queuedAt: string;
  by: string;
}

export interface NotSavedWrite extends PendingWrite {
  reason: string;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  user: string;
  role: string;
  operation: string;
  category: AuditCategory;
  entityIds: string[];
  justification?: string;
  recipient?: string;
  /** 'ok', or the error code when the operation was refused or failed. */
  outcome: string;
  details?: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

export interface AnnotationResponseTypes {
  getIdentity: IdentityInfo;
  setIdentity: IdentityInfo;
  createAnalystLink: AnnotationWriteResult;
  addNote: AnnotationWriteResult;
  updateAnnotation: AnnotationWriteResult;
  retractAnnotation: AnnotationWriteResult;
  listAnnotations: AnnotationList;
  getAnnotationHistory: { revisions: AnnotationRevision[] };
  getPendingWrites: { pending: PendingWrite[]; notSaved: NotSavedWrite[] };
  /** entityNames: the display name (label) of each entity id in the entries that still exists. */
  listAuditEntries: { entries: AuditEntryView[]; journalPending: number; entityNames: Record<string, string> };
}

/** Sent with a CONFLICT error: what is in the database now, and what the caller tried to save. */
export interface ConflictVersions {
  theirs: AnnotationRecord | null;
  yours: { expectedVersion: number; changes: Record<string, unknown> };
}
