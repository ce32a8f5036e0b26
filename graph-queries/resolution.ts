// Entity resolution in Neo4j: read Person/Vehicle/Phone records with their graph context, store the scored
// pairs as (:MatchCandidate) review items, and turn an analyst's decision into a reversible SAME_AS link.
// MatchCandidate nodes hold the two record ids as properties (indexed), not relationships, so expansions and
// neighbour counts of the records never see the queue.
import { addressKey, type ResolutionRecord, type ResolvableType, type ScoredPair, type Sighting } from './resolution-records';
import type { MatchCandidateView, MatchHistoryEntry, MatchStatus, MatchType } from '../contract/resolution';
import { ApiError } from '../contract/api';
import { getEntityDetails } from './entity';
import { toPlain } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, plainNumber, readRows, writeRows, type QueryContext } from './run';

type Plain = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

const QUERIES: Record<ResolvableType, string> = {
  Person: `
    MATCH (n:Person) WHERE $ids IS NULL OR n.id IN $ids
    RETURN n.id AS id, n.sourceId AS sourceId, n.caseId AS caseId, n.country AS country,
      n.givenName AS givenName, n.familyName AS familyName, n.fullName AS fullName, toString(n.dateOfBirth) AS dateOfBirth,
      n.gender AS gender, n.nationalNumber AS nationalNumber, n.bsn AS bsn, n.identifierValid AS identifierValid,
      [(n)-[:USES]->(p:Phone) WHERE p.e164 IS NOT NULL | p.e164] AS phones,
      [(n)-[:OWNS|DRIVES]->(v:Vehicle) WHERE v.plateNormalized IS NOT NULL | v.plateNormalized] AS plates,
      [(n)-[:LIVES_AT]->(l:Location) WHERE l.postcode IS NOT NULL AND l.street IS NOT NULL | [l.postcode, l.street]] AS addresses`,
  Vehicle: `
    MATCH (n:Vehicle) WHERE $ids IS NULL OR n.id IN $ids
    RETURN n.id AS id, n.sourceId AS sourceId, n.caseId AS caseId, n.country AS country,
      n.plate AS plate, n.plateNormalized AS plateNormalized, n.plateCountry AS plateCountry, n.vin AS vin,
      n.make AS make, n.model AS model, n.colour AS colour, n.stolen AS stolen,
      [(n)-[s:SIGHTED_AT]->(l:Location) WHERE s.at IS NOT NULL AND l.lat IS NOT NULL AND l.lon IS NOT NULL
        | {at: toString(s.at), lat: l.lat, lon: l.lon}] AS sightings`,
  Phone: `
    MATCH (n:Phone) WHERE $ids IS NULL OR n.id IN $ids
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

/** Every record of the given types with its graph context; `ids` limits it (e.g. to one data set's records). */
export async function readResolutionRecords(ctx: QueryContext, types: readonly ResolvableType[], ids?: readonly string[]): Promise<ResolutionRecord[]> {
  const records: ResolutionRecord[] = [];
  for (const type of types) {
    const rows = await readRows(ctx, QUERIES[type], { ids: ids ? [...ids] : null });
    for (const row of rows) records.push(toRecord(type, toPlain(row) as Plain));
  }
  return records;
}

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
  let withdrawn = 0;
  if (!options.keepOthers) {
    const [row] = await writeRows(
      ctx,
      `MATCH (m:MatchCandidate) WHERE m.status = 'pending' AND m.type IN $types AND m.runId <> $runId
       DETACH DELETE m RETURN count(*) AS withdrawn`,
      { types: [...options.types], runId: options.runId },
    );
    withdrawn = plainNumber(row?.withdrawn);
  }
  return { added, addedByType, withdrawn };
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
  let evidence: MatchCandidateView['evidence'] = [];
  try {
    evidence = JSON.parse(String(m.evidence ?? '[]')) as MatchCandidateView['evidence'];
  } catch {
    evidence = [];
  }
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

export async function listMatchCandidates(
  ctx: QueryContext,
  options: { status: MatchStatus; type?: MatchType; limit: number; offset: number },
): Promise<{ candidates: MatchCandidateView[]; total: number }> {
  const params = { status: options.status, type: options.type ?? null, limit: int(options.limit), offset: int(options.offset) };
  const where = 'm.status = $status AND ($type IS NULL OR m.type = $type)';
  const [countRow] = await readRows(ctx, `MATCH (m:MatchCandidate) WHERE ${where} RETURN count(m) AS total`, params);
  // Strongest first; decided items most recent first.
  const order = options.status === 'pending' ? 'm.score DESC, m.id' : 'm.decidedAt DESC, m.id';
  const rows = await readRows(ctx, `MATCH (m:MatchCandidate) WHERE ${where} WITH m ORDER BY ${order} SKIP $offset LIMIT $limit RETURN ${CANDIDATE_FIELDS} AS m`, params);
  const views = await Promise.all(rows.map((row) => viewOf(ctx, toPlain(row.m) as Plain)));
  return { candidates: views.filter((view): view is MatchCandidateView => view !== null), total: plainNumber(countRow?.total) };
}

export async function getMatchCandidate(ctx: QueryContext, id: string): Promise<MatchCandidateView | null> {
  const [row] = await readRows(ctx, `MATCH (m:MatchCandidate {id: $id}) RETURN ${CANDIDATE_FIELDS} AS m`, { id });
  return row ? viewOf(ctx, toPlain(row.m) as Plain) : null;
}

const STATUS_OF = { confirm: 'confirmed', reject: 'rejected', defer: 'deferred' } as const;

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
  const rows = await writeRows(
    ctx,
    `MATCH (m:MatchCandidate {id: $id}) WHERE m.status IN ['pending', 'deferred']
     OPTIONAL MATCH (a:${ENTITY_LABEL} {id: m.leftId})
     OPTIONAL MATCH (b:${ENTITY_LABEL} {id: m.rightId})
     WITH m, a, b WHERE a IS NOT NULL AND b IS NOT NULL
     SET m.status = $status, m.decidedBy = $user, m.decidedAt = datetime(), m.reason = $reason,
         m.history = coalesce(m.history, []) + $history
     FOREACH (_ IN CASE WHEN $status = 'confirmed' THEN [1] ELSE [] END |
       MERGE (a)-[s:SAME_AS {candidateId: m.id}]->(b)
       SET s.id = 'SAME-AS:' + m.id, s.status = 'confirmed', s.by = $user, s.at = datetime(), s.score = m.score,
           s.evidence = m.evidence, s.reason = $reason, s.matchType = m.type)
     RETURN m.id AS id`,
    { id: request.id, status, user: request.user, reason: request.reason, history },
  );
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
