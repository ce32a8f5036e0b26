// Entity resolution on the real Neo4j with the scale-1 demo data: a run fills the review queue with explained
// pairs and their provenance, confirming one creates a SAME_AS link stamped with who and when, undo removes it,
// and precision and recall against the generator's ground truth are at least 0.95 (computed here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { applyMigrations } from '../../graph-queries/migrations';
import { confirmedSameAsAmong, decideMatch, decideMatches, getMatchCandidate, listMatchCandidates, undoMatchDecision } from '../../graph-queries/resolution';
import type { QueryContext } from '../../graph-queries/run';
import { evaluateDemo } from '../../resolution/eval-demo';
import { EVIDENCE_MESSAGES, readMatchEvidence, wordableEvidence } from '../../shared-values/match-evidence';
import { resolveNewRecords, runResolution } from '../../resolution/run-in-database';
import { clearTestDatabase, createTestDriver } from '../setup/neo4j';

let driver: Driver;
let ctx: QueryContext;
let dataDir: string;

async function one<T = number>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const { records } = await driver.executeQuery(query, params);
  const value = records[0]?.get(0);
  return (neo4j.isInt(value) ? neo4j.integer.toNumber(value) : value) as T;
}

beforeAll(async () => {
  driver = createTestDriver();
  ctx = { driver };
  await clearTestDatabase(driver);
  await applyMigrations(driver);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-resolution-test-'));
});

afterAll(async () => {
  await driver?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('entity resolution on the demo data', () => {
  it('reaches precision and recall of at least 0.95 at scale 1', { timeout: 240_000 }, async () => {
    const evaluation = await evaluateDemo(driver, { scale: 1, dataDir });
    expect(evaluation.overall.truePairs).toBeGreaterThan(10);
    expect(evaluation.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.95);
    // Transliterations, twins and fathers and sons sharing a household phone: the phones are not what carries it.
    expect(evaluation.withoutPhones.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.withoutPhones.overall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('fills the review queue with explained pairs and their sources, idempotently', { timeout: 120_000 }, async () => {
    const first = await runResolution(ctx);
    expect(first.proposed).toBeGreaterThan(10);
    expect(first.added).toBe(first.proposed);
    const again = await runResolution(ctx);
    expect(again.added).toBe(0);
    expect(await one(`MATCH (m:MatchCandidate) RETURN count(m)`)).toBe(first.proposed);

    const { candidates, total, lastRun } = await listMatchCandidates(ctx, { status: 'pending', type: 'Person', limit: 5, offset: 0 });
    expect(total).toBeGreaterThan(0);
    expect(lastRun).toMatchObject({ mode: 'full', proposed: first.proposed, added: 0 });
    const top = candidates[0];
    expect(top.left.entity.type).toBe('Person');
    expect(top.left.entity.id < top.right.entity.id).toBe(true);
    expect(top.evidence.some((e) => e.field === 'dateOfBirth' && e.weight > 0)).toBe(true);
    expect(top.score).toBeCloseTo(top.evidence.reduce((sum, e) => sum + e.weight, 0), 1);
    expect(top.left.provenance[0]?.caseId).toBeTruthy();
    expect(top.right.provenance[0]?.country).toMatch(/^(NL|BE)$/);
    // The queue stays out of the records' neighbourhoods.
    expect(await one(`MATCH (m:MatchCandidate)-[r]-() RETURN count(r)`)).toBe(0);
  });

  it('confirm creates a stamped SAME_AS link, a second decision is refused, undo removes the link', { timeout: 120_000 }, async () => {
    const [candidate] = (await listMatchCandidates(ctx, { status: 'pending', limit: 1, offset: 0 })).candidates;
    const confirmed = await decideMatch(ctx, { id: candidate.id, decision: 'confirm', reason: 'same DOB and name variant', user: 'inspecteur.jansen' });
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: 'inspecteur.jansen', reason: 'same DOB and name variant' });
    const link = await one<Record<string, unknown>>(
      `MATCH (a:Entity {id: $left})-[s:SAME_AS]->(b:Entity {id: $right}) RETURN s {.by, .status, .score, .evidence, at: toString(s.at)}`,
      { left: candidate.left.entity.id, right: candidate.right.entity.id },
    );
    expect(link).toMatchObject({ by: 'inspecteur.jansen', status: 'confirmed' });
    expect(Date.parse(String(link.at))).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(JSON.parse(String(link.evidence)).length).toBeGreaterThan(0);
    // Collapsing duplicates reads the confirmed pair from here, whether or not its link is on the chart.
    const pair = [candidate.left.entity.id, candidate.right.entity.id];
    const among = await confirmedSameAsAmong(ctx, [...pair, 'NO-SUCH-ID']);
    expect(among.map((l) => [l.type, l.source, l.target, l.properties.status])).toEqual([['SAME_AS', ...pair, 'confirmed']]);
    expect(await confirmedSameAsAmong(ctx, [pair[0]])).toEqual([]);

    await expect(decideMatch(ctx, { id: candidate.id, decision: 'reject', reason: '', user: 'someone' })).rejects.toBeInstanceOf(ApiError);
    // Running resolution again keeps the decision.
    await runResolution(ctx);
    expect((await listMatchCandidates(ctx, { status: 'confirmed', limit: 10, offset: 0 })).candidates.map((c) => c.id)).toContain(candidate.id);

    const undone = await undoMatchDecision(ctx, { id: candidate.id, reason: 'wrong pair', user: 'inspecteur.jansen' });
    expect(undone.status).toBe('pending');
    expect(undone.history.map((h) => h.action)).toEqual(['confirmed', 'undone']);
    expect(await one(`MATCH ()-[s:SAME_AS {candidateId: $id}]->() RETURN count(s)`, { id: candidate.id })).toBe(0);
    expect(await confirmedSameAsAmong(ctx, pair)).toEqual([]);
    // Both records are untouched: a link, never a merge.
    expect(await one(`MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n)`, { ids: [candidate.left.entity.id, candidate.right.entity.id] })).toBe(2);
  });

  it('reject and defer keep the records apart', async () => {
    const { candidates } = await listMatchCandidates(ctx, { status: 'pending', limit: 2, offset: 0 });
    await decideMatch(ctx, { id: candidates[0].id, decision: 'reject', reason: 'namesake', user: 'a' });
    await decideMatch(ctx, { id: candidates[1].id, decision: 'defer', reason: 'ask the Belgian colleagues', user: 'a' });
    expect(await one(`MATCH ()-[s:SAME_AS]->() WHERE s.candidateId IN $ids RETURN count(s)`, { ids: candidates.map((c) => c.id) })).toBe(0);
    expect((await listMatchCandidates(ctx, { status: 'deferred', limit: 5, offset: 0 })).total).toBe(1);
  });

  it('decides many candidates with one justification, each still undoable on its own', { timeout: 120_000 }, async () => {
    const pending = await listMatchCandidates(ctx, { status: 'pending', limit: 200, offset: 0 });
    const cut = pending.candidates[Math.min(4, pending.candidates.length - 1)].score;
    const above = await listMatchCandidates(ctx, { status: 'pending', minScore: cut, limit: 200, offset: 0 });
    expect(above.total).toBeGreaterThan(1);
    expect(above.candidates.every((c) => c.score >= cut)).toBe(true);

    const bulk = await decideMatches(ctx, { decision: 'confirm', justification: 'all score at least the cut: checked the evidence', user: 'inspecteur.jansen', status: 'pending', minScore: cut, limit: 1000 });
    expect(bulk.decided).toBe(above.total);
    expect(new Set(bulk.candidateIds)).toEqual(new Set(above.candidates.map((c) => c.id)));
    expect(await one(`MATCH ()-[s:SAME_AS]->() WHERE s.candidateId IN $ids RETURN count(s)`, { ids: bulk.candidateIds })).toBe(bulk.decided);
    expect((await listMatchCandidates(ctx, { status: 'pending', minScore: cut, limit: 5, offset: 0 })).total).toBe(0);

    const [first] = bulk.candidateIds;
    const undone = await undoMatchDecision(ctx, { id: first, reason: 'not this one', user: 'inspecteur.jansen' });
    expect(undone.status).toBe('pending');
    expect(undone.history[0]).toMatchObject({ action: 'confirmed', batchId: bulk.batchId, reason: 'all score at least the cut: checked the evidence' });
    expect(await one(`MATCH ()-[s:SAME_AS]->() WHERE s.candidateId IN $ids RETURN count(s)`, { ids: bulk.candidateIds })).toBe(bulk.decided - 1);

    const rejected = await decideMatches(ctx, { decision: 'reject', justification: 'namesakes', user: 'a', status: 'pending', ids: [first, 'MC:no:such'], limit: 1000 });
    expect(rejected.candidateIds).toEqual([first]);
  });

  it('resolves newly imported records incrementally: the pairs involving them, nothing withdrawn', { timeout: 120_000 }, async () => {
    await runResolution(ctx);
    const everything = await listMatchCandidates(ctx, { status: 'pending', limit: 200, offset: 0 });
    const fresh = new Set(everything.candidates.slice(0, 3).map((c) => c.right.entity.id));
    const expected = everything.candidates.filter((c) => fresh.has(c.left.entity.id) || fresh.has(c.right.entity.id)).map((c) => c.id);
    await driver.executeQuery(`MATCH (m:MatchCandidate {status: 'pending'}) WHERE m.id IN $ids DETACH DELETE m`, { ids: expected });
    const before = (await listMatchCandidates(ctx, { status: 'pending', limit: 1, offset: 0 })).total;

    const run = await resolveNewRecords(ctx, [...fresh]);
    expect(run.added).toBe(expected.length);
    expect(run.withdrawn).toBe(0);
    const after = await listMatchCandidates(ctx, { status: 'pending', limit: 200, offset: 0 });
    expect(after.total).toBe(before + expected.length);
    expect(after.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(expected));
    expect(after.lastRun?.mode).toBe('new-records');
  });

  it('keeps each piece of evidence\'s message code and values through the database, on candidates and SAME_AS links', { timeout: 120_000 }, async () => {
    await runResolution(ctx);
    const { candidates } = await listMatchCandidates(ctx, { status: 'pending', type: 'Phone', limit: 200, offset: 0 });
    const candidate = candidates.find((c) => c.evidence.some((e) => e.code === 'phone.sameNumber'))!;
    expect(candidate).toBeDefined();
    for (const e of candidate.evidence) expect(wordableEvidence(e), `${e.code} ${JSON.stringify(e.values)}`).toBeDefined();
    // The values are what the two records say, the left one's first, as the English detail has them.
    const sameNumber = candidate.evidence.find((e) => e.code === 'phone.sameNumber')!;
    const written = (side: typeof candidate.left) => side.entity.properties.number ?? side.entity.properties.e164;
    expect(sameNumber.values).toEqual({ number: candidate.left.entity.properties.e164, writtenLeft: written(candidate.left), writtenRight: written(candidate.right) });
    expect(sameNumber.detail).toBe(`${String(sameNumber.values?.number)} on both records (written "${String(written(candidate.left))}" and "${String(written(candidate.right))}")`);

    await decideMatch(ctx, { id: candidate.id, decision: 'confirm', reason: 'one line', user: 'inspecteur.jansen' });
    const [link] = await confirmedSameAsAmong(ctx, [candidate.left.entity.id, candidate.right.entity.id]);
    expect(readMatchEvidence(link.properties.evidence)).toEqual(candidate.evidence);
    for (const e of readMatchEvidence(link.properties.evidence)) expect(Object.keys(e.values ?? {}).sort()).toEqual(Object.keys(EVIDENCE_MESSAGES[e.code as keyof typeof EVIDENCE_MESSAGES]).sort());
  });

  it('reads candidates and SAME_AS links stored before evidence had codes with their English detail', { timeout: 120_000 }, async () => {
    const [candidate] = (await listMatchCandidates(ctx, { status: 'pending', type: 'Person', limit: 1, offset: 0 })).candidates;
    // As an earlier version wrote it: field, comparison, weight and detail only.
    const written = candidate.evidence.map(({ field, comparison, weight, detail }) => ({ field, comparison, weight, detail }));
    await driver.executeQuery(`MATCH (m:MatchCandidate {id: $id}) SET m.evidence = $evidence`, { id: candidate.id, evidence: JSON.stringify(written) });

    const read = await getMatchCandidate(ctx, candidate.id);
    expect(read?.evidence).toEqual(written);
    expect(read?.evidence.every((e) => e.code === undefined && e.values === undefined && e.detail.length > 0)).toBe(true);
    expect(read?.score).toBe(candidate.score);

    await decideMatch(ctx, { id: candidate.id, decision: 'confirm', reason: 'checked', user: 'inspecteur.jansen' });
    const [link] = await confirmedSameAsAmong(ctx, [candidate.left.entity.id, candidate.right.entity.id]);
    expect(readMatchEvidence(link.properties.evidence)).toEqual(written);
  });
});
