// Analyst annotations in Neo4j. An analyst link is an (:Entity)-[:ANALYST_LINK]->(:Entity) relationship; a
// note is an (:AnalystNote {targetId}) node (not an :Entity, so search and expansion never return it).
// Every change writes an (:AnnotationRevision) with who, when and each field's old → new value; a
// retraction deletes the link or note and leaves its last revision (action 'retract') behind.
// Writes are conditional on the version the analyst saw: a newer version means a conflict, never a
// silent overwrite.
import type { Node, Relationship } from 'neo4j-driver';
import type {
  AnalystLinkRecord,
  AnnotationChange,
  AnnotationRecord,
  AnnotationRevision,
  NoteRecord,
} from '../contract/annotations';
import { RELATIONSHIP_TYPES, type LinkSummary } from '../contract/model';
import { isAnalystLinkKind } from '../shared-values/analyst-links';
import { toLink, toPlain } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, readRows, writeRows, type QueryContext } from './run';

export const NOTE_LABEL = 'AnalystNote';
export const REVISION_LABEL = 'AnnotationRevision';

type Props = Record<string, unknown>;

function str(props: Props, key: string): string | undefined {
  return typeof props[key] === 'string' ? (props[key] as string) : undefined;
}

function common(props: Props) {
  return {
    id: String(props.id),
    ...(str(props, 'sourceReliability') ? { sourceReliability: str(props, 'sourceReliability') } : {}),
    ...(str(props, 'informationReliability') ? { informationReliability: str(props, 'informationReliability') } : {}),
    ...(str(props, 'handling') ? { handling: str(props, 'handling') } : {}),
    ...(str(props, 'gradingScheme') ? { gradingScheme: str(props, 'gradingScheme') as AnalystLinkRecord['gradingScheme'] } : {}),
    mentions: Array.isArray(props.mentions) ? (props.mentions as string[]) : [],
    createdBy: String(props.createdBy ?? ''),
    createdAt: String(props.createdAt ?? ''),
    updatedBy: String(props.updatedBy ?? props.createdBy ?? ''),
    updatedAt: String(props.updatedAt ?? props.createdAt ?? ''),
    version: Number(props.version ?? 1),
  };
}

function linkRecord(rel: Relationship | { properties: Props }, fromId: string, toId: string): AnalystLinkRecord {
  const props = toPlain(rel.properties) as Props;
  return {
    kind: 'link',
    ...common(props),
    fromId,
    toId,
    status: String(props.status) as AnalystLinkRecord['status'],
    ...(isAnalystLinkKind(props.linkKind) ? { linkKind: props.linkKind } : {}),
    ...(str(props, 'linkLabel') ? { linkLabel: str(props, 'linkLabel') } : {}),
    note: String(props.note ?? ''),
  };
}

function noteRecord(node: Node | { properties: Props }): NoteRecord {
  const props = toPlain(node.properties) as Props;
  return { kind: 'note', ...common(props), targetId: String(props.targetId), targetKind: props.targetKind === 'link' ? 'link' : 'entity', text: String(props.text ?? '') };
}

function revisionOf(node: Node): AnnotationRevision {
  const props = toPlain(node.properties) as Props;
  let changes: AnnotationChange[] = [];
  try {
    changes = JSON.parse(String(props.changes ?? '[]')) as AnnotationChange[];
  } catch {
    changes = [];
  }
  return {
    annotationId: String(props.annotationId),
    kind: props.kind === 'note' ? 'note' : 'link',
    version: Number(props.version),
    action: String(props.action) as AnnotationRevision['action'],
    by: String(props.by),
    at: String(props.at),
    changes,
    ...(str(props, 'reason') ? { reason: str(props, 'reason') } : {}),
  };
}

export interface RevisionInput {
  by: string;
  at: string;
  changes: AnnotationChange[];
  reason?: string;
}

function revisionProps(record: { id: string; kind: 'link' | 'note' }, version: number, action: AnnotationRevision['action'], subjectIds: string[], input: RevisionInput): Props {
  return {
    id: `${record.id}@${version}${action === 'retract' ? '-retract' : ''}`,
    annotationId: record.id,
    kind: record.kind,
    version: int(version),
    action,
    by: input.by,
    at: input.at,
    changes: JSON.stringify(input.changes),
    subjectIds,
    ...(input.reason ? { reason: input.reason } : {}),
  };
}

// ---- Reads ------------------------------------------------------------------------------------------

export async function getAnnotation(ctx: QueryContext, id: string): Promise<{ record: AnnotationRecord; link?: LinkSummary } | null> {
  const links = await readRows(ctx, `MATCH (a)-[r:ANALYST_LINK {id: $id}]->(b) RETURN r, a.id AS source, b.id AS target LIMIT 1`, { id });
  if (links[0]) {
    const { r, source, target } = links[0];
    return { record: linkRecord(r as Relationship, String(source), String(target)), link: toLink(r as Relationship, String(source), String(target)) };
  }
  const notes = await readRows(ctx, `MATCH (n:${NOTE_LABEL} {id: $id}) RETURN n`, { id });
  return notes[0] ? { record: noteRecord(notes[0].n as Node) } : null;
}

export async function missingEntities(ctx: QueryContext, ids: string[]): Promise<string[]> {
  const rows = await readRows(ctx, `MATCH (e:${ENTITY_LABEL}) WHERE e.id IN $ids RETURN collect(e.id) AS found`, { ids });
  const found = new Set((toPlain(rows[0]?.found) as string[]) ?? []);
  return ids.filter((id) => !found.has(id));
}

/** Does a link (any type) with this id exist? Notes may be attached to any link with a stable id. */
export async function linkExists(ctx: QueryContext, id: string): Promise<boolean> {
  // One relationship-index lookup per type (every type has an index on id); a type-less match would read
  // every relationship in the database.
  const lookups = RELATIONSHIP_TYPES.map((type) => `MATCH ()-[r:${type} {id: $id}]->() RETURN r LIMIT 1`).join(' UNION ALL ');
  const rows = await readRows(ctx, `CALL () { ${lookups} } RETURN count(r) > 0 AS found`, { id });
  return rows[0]?.found === true;
}

export async function listAnnotations(ctx: QueryContext, targetId: string) {
  const linkRows = await readRows(
    ctx,
    `CALL () {
       MATCH (t:${ENTITY_LABEL} {id: $id})-[r:ANALYST_LINK]-() RETURN r
       UNION
       MATCH ()-[r:ANALYST_LINK {id: $id}]->() RETURN r
     }
     RETURN r, startNode(r).id AS source, endNode(r).id AS target ORDER BY r.createdAt`,
    { id: targetId },
  );
  const links = linkRows.map((row) => linkRecord(row.r as Relationship, String(row.source), String(row.target)));
  const noteRows = await readRows(ctx, `MATCH (n:${NOTE_LABEL} {targetId: $id}) RETURN n ORDER BY n.createdAt`, { id: targetId });
  const notes = noteRows.map((row) => noteRecord(row.n as Node));
  const retractedRows = await readRows(
    ctx,
    `MATCH (rev:${REVISION_LABEL} {action: 'retract'}) WHERE $id IN rev.subjectIds RETURN rev ORDER BY rev.at DESC LIMIT 100`,
    { id: targetId },
  );
  const mentioned = [...new Set([...links, ...notes].flatMap((record) => record.mentions))];
  const labelRows = mentioned.length
    ? await readRows(ctx, `MATCH (e:${ENTITY_LABEL}) WHERE e.id IN $ids RETURN e.id AS id, coalesce(e.label, e.id) AS label`, { ids: mentioned })
    : [];
  const mentionLabels: Record<string, string> = {};
  for (const row of labelRows) mentionLabels[String(row.id)] = String(row.label);
  return { links, notes, mentionLabels, retracted: retractedRows.map((row) => revisionOf(row.rev as Node)) };
}

export async function annotationHistory(ctx: QueryContext, id: string): Promise<AnnotationRevision[]> {
  const rows = await readRows(ctx, `MATCH (rev:${REVISION_LABEL} {annotationId: $id}) RETURN rev ORDER BY rev.version, rev.at`, { id });
  return rows.map((row) => revisionOf(row.rev as Node));
}

export async function lastRetraction(ctx: QueryContext, id: string): Promise<AnnotationRevision | null> {
  const rows = await readRows(ctx, `MATCH (rev:${REVISION_LABEL} {annotationId: $id, action: 'retract'}) RETURN rev LIMIT 1`, { id });
  return rows[0] ? revisionOf(rows[0].rev as Node) : null;
}

// ---- Writes -----------------------------------------------------------------------------------------

/**
 * Takes the write lock on the annotation BEFORE reading its version. A plain `WHERE r.version = $expected`
 * reads without a lock, so two simultaneous saves could both pass the check and the second silently
 * overwrite the first (a lost update; see Neo4j's "Concurrent data access" docs). Setting a property
 * takes the lock; once this transaction holds it, the version it reads is the latest committed one.
 */
function LOCK_THEN_CHECK(variable: string, carried: string): string {
  return `SET ${variable}._lock = true
     REMOVE ${variable}._lock
     WITH ${carried} WHERE ${variable}.version = $expected`;
}

export interface NewLinkInput {
  id: string;
  fromId: string;
  toId: string;
  props: Props;
  revision: RevisionInput;
}

/** Creates the link once: a replay with the same id (offline journal) returns the existing one. */
export async function createAnalystLink(ctx: QueryContext, input: NewLinkInput): Promise<{ record: AnalystLinkRecord; link: LinkSummary } | null> {
  const rows = await writeRows(
    ctx,
    `MATCH (a:${ENTITY_LABEL} {id: $fromId}), (b:${ENTITY_LABEL} {id: $toId})
     OPTIONAL MATCH ()-[existing:ANALYST_LINK {id: $id}]->()
     FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
       CREATE (a)-[r:ANALYST_LINK]->(b) SET r = $props
       CREATE (rev:${REVISION_LABEL}) SET rev = $revision)
     WITH $id AS id
     MATCH (x)-[r:ANALYST_LINK {id: id}]->(y)
     RETURN r, x.id AS source, y.id AS target`,
    {
      fromId: input.fromId,
      toId: input.toId,
      id: input.id,
      props: { ...input.props, id: input.id, version: int(1) },
      revision: revisionProps({ id: input.id, kind: 'link' }, 1, 'create', [input.fromId, input.toId], input.revision),
    },
  );
  if (!rows[0]) return null;
  const { r, source, target } = rows[0];
  return { record: linkRecord(r as Relationship, String(source), String(target)), link: toLink(r as Relationship, String(source), String(target)) };
}

export async function createNote(ctx: QueryContext, input: { id: string; targetId: string; props: Props; revision: RevisionInput }): Promise<NoteRecord> {
  const rows = await writeRows(
    ctx,
    `OPTIONAL MATCH (existing:${NOTE_LABEL} {id: $id})
     FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
       CREATE (n:${NOTE_LABEL}) SET n = $props
       CREATE (rev:${REVISION_LABEL}) SET rev = $revision)
     WITH $id AS id
     MATCH (n:${NOTE_LABEL} {id: id})
     RETURN n`,
    {
      id: input.id,
      props: { ...input.props, id: input.id, version: int(1) },
      revision: revisionProps({ id: input.id, kind: 'note' }, 1, 'create', [input.targetId], input.revision),
    },
  );
  return noteRecord(rows[0].n as Node);
}

/** Applies `changes` only if the stored version is still `expectedVersion`; null when it is not (conflict). */
export async function updateAnnotation(
  ctx: QueryContext,
  current: AnnotationRecord,
  changes: Props,
  revision: RevisionInput,
): Promise<{ record: AnnotationRecord; link?: LinkSummary } | null> {
  const next = current.version + 1;
  const subjects = current.kind === 'link' ? [current.fromId, current.toId] : [current.targetId];
  const params = {
    id: current.id,
    expected: int(current.version),
    next: int(next),
    changes: { ...changes, updatedBy: revision.by, updatedAt: revision.at },
    revision: revisionProps(current, next, 'update', subjects, revision),
  };
  if (current.kind === 'link') {
    const rows = await writeRows(
      ctx,
      `MATCH (a)-[r:ANALYST_LINK {id: $id}]->(b)
       ${LOCK_THEN_CHECK('r', 'a, b, r')}
       SET r += $changes, r.version = $next
       CREATE (rev:${REVISION_LABEL}) SET rev = $revision
       RETURN r, a.id AS source, b.id AS target`,
      params,
    );
    if (!rows[0]) return null;
    const { r, source, target } = rows[0];
    return { record: linkRecord(r as Relationship, String(source), String(target)), link: toLink(r as Relationship, String(source), String(target)) };
  }
  const rows = await writeRows(
    ctx,
    `MATCH (n:${NOTE_LABEL} {id: $id})
     ${LOCK_THEN_CHECK('n', 'n')}
     SET n += $changes, n.version = $next
     CREATE (rev:${REVISION_LABEL}) SET rev = $revision
     RETURN n`,
    params,
  );
  return rows[0] ? { record: noteRecord(rows[0].n as Node) } : null;
}

/** Deletes the link or note if still at `current.version`, leaving a 'retract' revision; false on conflict. */
export async function retractAnnotation(ctx: QueryContext, current: AnnotationRecord, revision: RevisionInput): Promise<boolean> {
  const next = current.version + 1;
  const subjects = current.kind === 'link' ? [current.fromId, current.toId] : [current.targetId];
  const match = current.kind === 'link' ? `MATCH ()-[x:ANALYST_LINK {id: $id}]->()` : `MATCH (x:${NOTE_LABEL} {id: $id})`;
  const rows = await writeRows(
    ctx,
    `${match}
     ${LOCK_THEN_CHECK('x', 'x')}
     CREATE (rev:${REVISION_LABEL}) SET rev = $revision
     DELETE x
     RETURN count(*) AS retracted`,
    { id: current.id, expected: int(current.version), revision: revisionProps(current, next, 'retract', subjects, revision) },
  );
  return Number(toPlain(rows[0]?.retracted ?? 0)) > 0;
}
