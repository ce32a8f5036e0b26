// Entity resolution in Neo4j: read Person/Vehicle/Phone records with their graph context, store the scored
// pairs as (:MatchCandidate) review items, and turn an analyst's decision into a reversible SAME_AS link.
// MatchCandidate nodes hold the two record ids as properties (indexed), not relationships, so expansions and
// neighbour counts of the records never see the queue.
import { addressKey, type ResolutionRecord, type ResolvableType, type ScoredPair, type Sighting } from './resolution-records';
import type { BulkDecisionResult, MatchCandidateView, MatchHistoryEntry, MatchStatus, MatchType, ResolutionRunMark } from '../contract/resolution';
import { randomUUID } from 'node:crypto';
import { readMatchEvidence } from '../shared-values/match-evidence';
import { ApiError } from '../contract/api';
import { getEntityDetails } from './entity';
import type { Relationship } from 'neo4j-driver';
import type { LinkSummary } from '../contract/model';
import { toLink, toPlain } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, plainNumber, readRows, writeRows, type QueryContext } from './run';

type Plain = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

/** What each type's record returns, given the node `n`: its properties and the graph context resolution uses. */
const PROJECTIONS: Record<ResolvableType, string> = {
  Person: `
    RETURN n.id AS id, n.sourceId AS sourceId, n.caseId AS caseId, n.country AS country,
      n.givenName AS givenName, n.familyName AS familyName, n.fullName AS fullName, toString(n.dateOfBirth) AS dateOfBirth,
      n.gender AS gender, n.nationalNumber AS nationalNumber, n.bsn AS bsn, n.identifierValid AS identifierValid,
      [(n)-[:USES]->(p:Phone) WHERE p.e164 IS NOT NULL | p.e164] AS phones,
      [(n)-[:OWNS|DRIVES]->(v:Vehicle) WHERE v.plateNormalized IS NOT NULL | v.plateNormalized] AS plates,
      [(n)-[:LIVES_AT]->(l:Location) WHERE l.postcode IS NOT NULL AND l.street IS NOT NULL | [l.postcode, l.street]] AS addresses`,
  Vehicle: `
    RETURN n.id AS id, n.sourceId AS sourceId, n.caseId AS caseId, n.country AS country,
      n.plate AS plate, n.plateNormalized AS plateNormalized, n.plateCountry AS plateCountry, n.vin AS vin,
      n.make AS make, n.model AS model, n.colour AS colour, n.stolen AS stolen,
      [(n)-[s:SIGHTED_AT]->(l:Location) WHERE s.at IS NOT NULL AND l.lat IS NOT NULL AND l.lon IS NOT NULL
        | {at: toString(s.at), lat: l.lat, lon: l.lon}] AS sightings`,
  Phone: `
    RETURN n.id AS id, n.sourceId AS sourceId, n.caseId AS caseId, n.country AS country,
      n.number AS number, n.e164 AS e164, n.imei AS imei, n.imsi AS imsi, n.identifierValid AS identifierValid`,
};

function toRecord(type: ResolvableType, row: Plain): ResolutionRecord {
  const base = { id: String(row.id), sourceId: str(row.sourceId), caseId: str(row.caseId), country: str(row.country) };
  const bool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
  switch (type) {
    case 'Person':
      return {
        ...base,
        type,
        givenName: str(row.givenName),
        familyName: str(row.familyName),
        fullName: str(row.fullName),
        dateOfBirth: str(row.dateOfBirth),
        gender: str(row.gender),
        nationalNumber: str(row.nationalNumber),
        bsn: str(row.bsn),
        identifierValid: bool(row.identifierValid),
        phones: strings(row.phones),
        plates: strings(row.plates),
        addresses: (Array.isArray(row.addresses) ? row.addresses : []).map((pair) => addressKey((pair as unknown[])[0], (pair as unknown[])[1])).filter((key): key is string => !!key),
      };
    case 'Vehicle':
      return {
        ...base,
        type,
        plate: str(row.plate),
        plateNormalized: str(row.plateNormalized),
        plateCountry: str(row.plateCountry),
        vin: str(row.vin),
        make: str(row.make),
        model: str(row.model),
        colour: str(row.colour),
        stolen: bool(row.stolen),
        sightings: (Array.isArray(row.sightings) ? row.sightings : []) as Sighting[],
      };
    case 'Phone':
      return { ...base, type, number: str(row.number), e164: str(row.e164), imei: str(row.imei), imsi: str(row.imsi), identifierValid: bool(row.identifierValid) };
  }
}

/** How many records of a type there are (from the count store: no scan). */
export async function countResolutionRecords(ctx: QueryContext, type: ResolvableType): Promise<number> {
  const [row] = await readRows(ctx, `MATCH (n:${type}) RETURN count(n) AS total`);
  return plainNumber(row?.total);
}

/**
 * One page of records of a type with their graph context, in id order after `afterId` (keyset pagination on
 * the unique id index: every page costs the same, however deep into the database).
 */
export async function readResolutionRecordsPage(ctx: QueryContext, type: ResolvableType, afterId: string, limit: number): Promise<ResolutionRecord[]> {
  const rows = await readRows(ctx, `MATCH (n:${type}) WHERE n.id > $afterId WITH n ORDER BY n.id LIMIT $limit ${PROJECTIONS[type]}`, { afterId, limit: int(limit) });
  return rows.map((row) => toRecord(type, toPlain(row) as Plain));
}

/** The records of a type with these ids (looked up one by one on the id index), with their graph context. */
export async function readResolutionRecordsByIds(ctx: QueryContext, type: ResolvableType, ids: readonly string[]): Promise<ResolutionRecord[]> {
  const records: ResolutionRecord[] = [];
  for (let start = 0; start < ids.length; start += READ_BATCH) {
    const rows = await readRows(ctx, `UNWIND $ids AS wanted MATCH (n:${type} {id: wanted}) ${PROJECTIONS[type]}`, { ids: ids.slice(start, start + READ_BATCH) });
    for (const row of rows) records.push(toRecord(type, toPlain(row) as Plain));
  }
  return records;
}

const READ_BATCH = 5_000;

/** Stable id of the review item for a pair: re-running resolution updates it instead of adding another. */
export function candidateIdFor(leftId: string, rightId: string): string {
  return leftId < rightId ? `MC:${leftId}:${rightId}` : `MC:${rightId}:${leftId}`;
}

const WRITE_BATCH = 2_000;

/**
 * Upserts the proposed pairs. Decided items keep their decision (only score and evidence are refreshed);
 * pending items of these types that this run no longer proposes are withdrawn, unless `keepOthers`.
 */
export async function writeMatchCandidates(
  ctx: QueryContext,
  pairs: readonly ScoredPair[],
  options: { runId: string; types: readonly ResolvableType[]; keepOthers?: boolean },
): Promise<{ added: number; addedByType: Partial<Record<ResolvableType, number>>; withdrawn: number }> {
  const addedByType: Partial<Record<ResolvableType, number>> = {};
  let added = 0;
  for (let start = 0; start < pairs.length; start += WRITE_BATCH) {
    const rows = pairs.slice(start, start + WRITE_BATCH).map((pair) => ({
      id: candidateIdFor(pair.leftId, pair.rightId),
      type: pair.type,
      leftId: pair.leftId,
      rightId: pair.rightId,
      score: pair.score,
      evidence: JSON.stringify(pair.evidence),
    }));
    const result = await writeRows(
      ctx,
      `UNWIND $rows AS row
       MERGE (m:MatchCandidate {id: row.id})
       ON CREATE SET m.status = 'pending', m.type = row.type, m.leftId = row.leftId, m.rightId = row.rightId,
                     m.createdAt = datetime(), m.firstRunId = $runId, m.history = []
       SET m.score = row.score, m.evidence = row.evidence, m.runId = $runId, m.updatedAt = datetime()
       WITH m WHERE m.firstRunId = $runId
       RETURN m.type AS type, count(*) AS added`,
      { rows, runId: options.runId },
    );
    for (const row of result) {
      const type = String(row.type) as ResolvableType;
      const count = plainNumber(row.added);
      addedByType[type] = (addedByType[type] ?? 0) + count;
      added += count;
    }
  }
  const withdrawn = options.keepOthers ? 0 : await withdrawStaleCandidates(ctx, options.types, options.runId);
  return { added, addedByType, withdrawn };
}

/** Takes out of the queue the pending items of these types that run `runId` no longer proposes. */
export async function withdrawStaleCandidates(ctx: QueryContext, types: readonly ResolvableType[], runId: string): Promise<number> {
  const [row] = await writeRows(
    ctx,
    `MATCH (m:MatchCandidate) WHERE m.status = 'pending' AND m.type IN $types AND m.runId <> $runId
     DETACH DELETE m RETURN count(*) AS withdrawn`,
    { types: [...types], runId },
  );
  return plainNumber(row?.withdrawn);
}

export async function markResolutionRun(ctx: QueryContext, run: Omit<ResolutionRunMark, 'at'>): Promise<void> {
  await writeRows(ctx, `MERGE (r:ResolutionRun {id: 'latest'}) SET r.at = datetime(), r.mode = $mode, r.proposed = $proposed, r.added = $added`, {
    mode: run.mode,
    proposed: int(run.proposed),
    added: int(run.added),
  });
}

export async function readLastResolutionRun(ctx: QueryContext): Promise<ResolutionRunMark | undefined> {
  const [row] = await readRows(ctx, `MATCH (r:ResolutionRun {id: 'latest'}) RETURN toString(r.at) AS at, r.mode AS mode, r.proposed AS proposed, r.added AS added`);
  if (!row) return undefined;
  return { at: String(row.at), mode: row.mode === 'new-records' ? 'new-records' : 'full', proposed: plainNumber(row.proposed), added: plainNumber(row.added) };
}

function parseJsonList<T>(value: unknown): T[] {
  const list = Array.isArray(value) ? value : [];
  return list.flatMap((item) => {
    try {
      return [JSON.parse(String(item)) as T];
    } catch {
      return [];
    }
  });
}

async function viewOf(ctx: QueryContext, m: Plain): Promise<MatchCandidateView | null> {
  const [left, right] = await Promise.all([getEntityDetails(ctx, String(m.leftId)), getEntityDetails(ctx, String(m.rightId))]);
  if (!left || !right) return null; // a record was deleted since the run: the pair is moot
  // Candidates written before evidence had message codes come back with their English detail only.
  const evidence = readMatchEvidence(m.evidence);
  return {
    id: String(m.id),
    type: String(m.type) as MatchType,
    score: Number(m.score ?? 0),
    status: String(m.status) as MatchStatus,
    evidence,
    left: { entity: left.entity, provenance: left.provenance },
    right: { entity: right.entity, provenance: right.provenance },
    createdAt: str(m.createdAt),
    decidedBy: str(m.decidedBy),
    decidedAt: str(m.decidedAt),
    reason: str(m.reason),
    history: parseJsonList<MatchHistoryEntry>(m.history),
  };
}

const CANDIDATE_FIELDS = `{ id: m.id, type: m.type, score: m.score, status: m.status, evidence: m.evidence, leftId: m.leftId,
  rightId: m.rightId, createdAt: toString(m.createdAt), decidedBy: m.decidedBy, decidedAt: toString(m.decidedAt),
  reason: m.reason, history: m.history }`;

/** The WHERE clause for a queue filter, built from what is given (no "$x IS NULL OR" that defeats the index). */
function candidateFilter(filter: { status: MatchStatus; type?: MatchType; minScore?: number }): { where: string; params: Record<string, unknown> } {
  const conditions = ['m.status = $inStatus'];
  const params: Record<string, unknown> = { inStatus: filter.status };
  if (filter.type) {
    conditions.push('m.type = $type');
    params.type = filter.type;
  }
  if (filter.minScore !== undefined) {
    conditions.push('m.score >= $minScore');
    params.minScore = filter.minScore;
  }
  return { where: conditions.join(' AND '), params };
}

export async function listMatchCandidates(
  ctx: QueryContext,
  options: { status: MatchStatus; type?: MatchType; minScore?: number; limit: number; offset: number },
): Promise<{ candidates: MatchCandidateView[]; total: number; lastRun?: ResolutionRunMark }> {
  const { where, params } = candidateFilter(options);
  const paging = { ...params, limit: int(options.limit), offset: int(options.offset) };
  const [countRow] = await readRows(ctx, `MATCH (m:MatchCandidate) WHERE ${where} RETURN count(m) AS total`, params);
  // Strongest first; decided items most recent first.
  const order = options.status === 'pending' ? 'm.score DESC, m.id' : 'm.decidedAt DESC, m.id';
  const rows = await readRows(ctx, `MATCH (m:MatchCandidate) WHERE ${where} WITH m ORDER BY ${order} SKIP $offset LIMIT $limit RETURN ${CANDIDATE_FIELDS} AS m`, paging);
  const [views, lastRun] = await Promise.all([Promise.all(rows.map((row) => viewOf(ctx, toPlain(row.m) as Plain))), readLastResolutionRun(ctx)]);
  return { candidates: views.filter((view): view is MatchCandidateView => view !== null), total: plainNumber(countRow?.total), ...(lastRun ? { lastRun } : {}) };
}

export async function getMatchCandidate(ctx: QueryContext, id: string): Promise<MatchCandidateView | null> {
  const [row] = await readRows(ctx, `MATCH (m:MatchCandidate {id: $id}) RETURN ${CANDIDATE_FIELDS} AS m`, { id });
  return row ? viewOf(ctx, toPlain(row.m) as Plain) : null;
}

const STATUS_OF = { confirm: 'confirmed', reject: 'rejected', defer: 'deferred' } as const;

/**
 * Decides the candidates bound to `m` (both records must still exist): sets the status, who, when and why,
 * appends the history entry, and for a confirmation links the records with a stamped SAME_AS.
 */
const DECIDE = `
  OPTIONAL MATCH (a:${ENTITY_LABEL} {id: m.leftId})
  OPTIONAL MATCH (b:${ENTITY_LABEL} {id: m.rightId})
  WITH m, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  SET m.status = $status, m.decidedBy = $user, m.decidedAt = datetime(), m.reason = $reason,
      m.history = coalesce(m.history, []) + $history
  FOREACH (_ IN CASE WHEN $status = 'confirmed' THEN [1] ELSE [] END |
    MERGE (a)-[s:SAME_AS {candidateId: m.id}]->(b)
    SET s.id = 'SAME-AS:' + m.id, s.status = 'confirmed', s.by = $user, s.at = datetime(), s.score = m.score,
        s.evidence = m.evidence, s.reason = $reason, s.matchType = m.type)
  RETURN m.id AS id`;

/**
 * One decision over many candidates (strongest first, at most `limit`): those of a status and type scoring at
 * least `minScore`, or the listed ones still undecided. Every decision carries the justification and the
 * batch id in its history, so each can be undone on its own.
 */
export async function decideMatches(
  ctx: QueryContext,
  request: { decision: 'confirm' | 'reject'; justification: string; user: string; status: 'pending' | 'deferred'; type?: MatchType; minScore?: number; ids?: readonly string[]; limit: number },
): Promise<BulkDecisionResult> {
  const batchId = randomUUID();
  const status = STATUS_OF[request.decision];
  const history = JSON.stringify({ action: status, by: request.user, at: new Date().toISOString(), reason: request.justification, batchId });
  const { where, params } = candidateFilter({ status: request.status, type: request.type, minScore: request.minScore });
  const select = request.ids
    ? `UNWIND $ids AS wanted MATCH (m:MatchCandidate {id: wanted}) WHERE ${where}`
    : `MATCH (m:MatchCandidate) WHERE ${where}`;
  const rows = await writeRows(ctx, `${select} WITH m ORDER BY m.score DESC, m.id LIMIT $limit ${DECIDE}`, {
    ...params,
    ...(request.ids ? { ids: [...request.ids] } : {}),
    limit: int(request.limit),
    status,
    user: request.user,
    reason: request.justification,
    history,
  });
  const candidateIds = rows.map((row) => String(row.id));
  return { batchId, decision: request.decision, decided: candidateIds.length, candidateIds };
}

function notFound(id: string): ApiError {
  return new ApiError({ code: 'NOT_FOUND', message: `No match candidate "${id}" exists.`, hint: 'Run entity resolution again to refresh the review queue.' });
}

/**
 * Records an analyst's decision. Confirm creates (record)-[:SAME_AS]->(record) stamped with who, when, the score,
 * the evidence and the reason: a link, never a merge, so undo restores exactly what was there.
 */
export async function decideMatch(
  ctx: QueryContext,
  request: { id: string; decision: keyof typeof STATUS_OF; reason: string; user: string },
): Promise<MatchCandidateView> {
  const status = STATUS_OF[request.decision];
  const history = JSON.stringify({ action: status, by: request.user, at: new Date().toISOString(), ...(request.reason ? { reason: request.reason } : {}) });
  const rows = await writeRows(ctx, `MATCH (m:MatchCandidate {id: $id}) WHERE m.status IN ['pending', 'deferred'] ${DECIDE}`, {
    id: request.id,
    status,
    user: request.user,
    reason: request.reason,
    history,
  });
  if (rows.length === 0) {
    const existing = await getMatchCandidate(ctx, request.id);
    if (!existing) throw notFound(request.id);
    throw new ApiError({
      code: 'CONFLICT',
      message: `This pair was already ${existing.status}${existing.decidedBy ? ` by ${existing.decidedBy}` : ''}${existing.decidedAt ? ` on ${existing.decidedAt.slice(0, 16).replace('T', ' ')}` : ''}.`,
      hint: 'Undo that decision first if it should change.',
    });
  }
  const view = await getMatchCandidate(ctx, request.id);
  if (!view) throw notFound(request.id);
  return view;
}

/** Takes a decision back: the pair is pending again and the SAME_AS link it made (if any) is removed. */
export async function undoMatchDecision(ctx: QueryContext, request: { id: string; reason: string; user: string }): Promise<MatchCandidateView> {
  const history = JSON.stringify({ action: 'undone', by: request.user, at: new Date().toISOString(), ...(request.reason ? { reason: request.reason } : {}) });
  const rows = await writeRows(
    ctx,
    `MATCH (m:MatchCandidate {id: $id}) WHERE m.status <> 'pending'
     OPTIONAL MATCH ()-[s:SAME_AS {candidateId: m.id}]->()
     DELETE s
     WITH DISTINCT m
     SET m.status = 'pending', m.history = coalesce(m.history, []) + $history
     REMOVE m.decidedBy, m.decidedAt, m.reason
     RETURN m.id AS id`,
    { id: request.id, history },
  );
  if (rows.length === 0) {
    const existing = await getMatchCandidate(ctx, request.id);
    if (!existing) throw notFound(request.id);
    throw new ApiError({ code: 'CONFLICT', message: 'This pair has no decision to undo: it is pending.', hint: 'Confirm, reject or defer it instead.' });
  }
  const view = await getMatchCandidate(ctx, request.id);
  if (!view) throw notFound(request.id);
  return view;
}

/**
 * Confirmed SAME_AS links between any two of `ids`, as the chart draws links. Starts from the entities by
 * their id (the Entity id constraint's index) and follows only their own SAME_AS relationships.
 */
export async function confirmedSameAsAmong(ctx: QueryContext, ids: readonly string[]): Promise<LinkSummary[]> {
  const rows = await readRows(
    ctx,
    `MATCH (a:${ENTITY_LABEL}) WHERE a.id IN $ids
     MATCH (a)-[s:SAME_AS]->(b:${ENTITY_LABEL})
     WHERE b.id IN $ids AND coalesce(s.status, 'confirmed') = 'confirmed'
     RETURN s, a.id AS source, b.id AS target`,
    { ids: [...new Set(ids)] },
  );
  return rows.map((row) => toLink(row.s as Relationship, String(row.source), String(row.target)));
}
