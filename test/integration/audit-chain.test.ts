// The audit log on the real Neo4j: every operation leaves a sealed, chained entry with its category, user
// and the entities concerned; a read whose entry cannot be saved is refused; `npm run audit:verify` says
// "N entries, chain intact", and names what was tampered with: a changed field, an added property, a deleted
// middle entry, deleted newest entries (through the anchors), a tail rewritten without the key.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { requestSchemas } from '../../contract/api';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { chainEntries, EMPTY_HEAD } from '../../backend/audit/chain';
import { anchorFile } from '../../backend/audit/anchors';
import { AuditLog } from '../../backend/audit/audit-log';
import { auditKeyFile, loadOrCreateAuditKey } from '../../backend/audit/keys';
import { seedDemo } from '../../demo-data/seed';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { call, refusal, twoPeople } from './annotations-support';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the real script as a user would, on a workstation of its own (this machine's data folder, with its
 * anchors and key, stays out of it); resolves with its exit code and output.
 */
async function auditVerify(...args: string[]): Promise<{ code: number; output: string }> {
  return auditVerifyIn(tempDataDir(), ...args);
}

/** The script run on a workstation whose data folder (journal, marker) is `dataDir`. */
async function auditVerifyIn(dataDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const env = { ...process.env, NEO4J_URI: '', SCHAKEL_DATA_DIR: dataDir };
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], { cwd: ROOT, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

let driver: Driver;
let analyst: Workbench;
let reader: Workbench;
let people: [string, string];
const analystDir = tempDataDir();
const readerDir = tempDataDir();

/** The keys and anchors of both workstations, as the data protection officer would be given them. */
const keysAndAnchors = () => [analystDir, readerDir].flatMap((dir) => ['--key-file', auditKeyFile(dir, {}), ...(fs.existsSync(anchorFile(dir)) ? ['--anchors', anchorFile(dir)] : [])]);
const verifyDatabase = () => auditVerify('--uri', testNeo4jUri(), ...keysAndAnchors());

type Props = Record<string, unknown>;
async function entryProps(seqs: number[]): Promise<Props[]> {
  const { records } = await driver.executeQuery('MATCH (e:AuditEntry) WHERE e.seq IN $seqs RETURN properties(e) AS p ORDER BY e.seq', { seqs: seqs.map((seq) => neo4j.int(seq)) });
  return records.map((record) => record.get('p') as Props);
}
async function headProps(): Promise<Props> {
  const { records } = await driver.executeQuery('MATCH (h:AuditHead) RETURN properties(h) AS p');
  return records[0].get('p') as Props;
}
/** Puts entries (and the head) back exactly as they were, after a test tampered with them. */
async function restore(entries: Props[], head: Props): Promise<void> {
  await driver.executeQuery('UNWIND $entries AS p MATCH (e:AuditEntry {seq: p.seq}) DETACH DELETE e', { entries });
  await driver.executeQuery('UNWIND $entries AS p CREATE (e:AuditEntry) SET e = p', { entries });
  await driver.executeQuery('MATCH (h:AuditHead) SET h = $head', { head });
}
async function newestSeq(): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (e:AuditEntry) RETURN max(e.seq) AS last');
  return Number(records[0].get('last'));
}

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  // Other test files audit too; this file checks a chain it watched from the start.
  await driver.executeQuery('MATCH (e:AuditEntry|AuditHead) DETACH DELETE e');
  analyst = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: analystDir, identity: { name: 'Analyst Claes' } });
  reader = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: readerDir, identity: { name: 'Reader Smit', role: 'read-only' } });
  await Promise.all([analyst.start(), reader.start()]);
  people = await twoPeople(driver);
});

afterAll(async () => {
  await Promise.all([analyst?.shutdown(), reader?.shutdown()]);
  await driver?.close();
});

describe('audit log', () => {
  it('records consultation and alteration with user, entities and outcome, and the viewer filters them', async () => {
    await call(analyst, 'search', { query: 'Jansen' });
    await call(analyst, 'getEntity', { id: people[0] });
    await call(analyst, 'expand', { ids: [people[0]] });
    const { annotation } = await call(analyst, 'createAnalystLink', { fromId: people[0], toId: people[1], status: 'hypothesis', sourceReliability: 'B', informationReliability: '2', handling: 'H0' });
    await call(analyst, 'updateAnnotation', { id: annotation!.id, expectedVersion: 1, changes: { status: 'confirmed' } });
    await call(analyst, 'retractAnnotation', { id: annotation!.id, expectedVersion: 2 });
    await refusal(reader, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'attempt' });
    await call(reader, 'getEntity', { id: people[1] });
    // Each workstation ships its own journal to Neo4j; its audit viewer waits until that is done.
    await call(reader, 'listAuditEntries', { limit: 1 });

    const { entries } = await call(analyst, 'listAuditEntries', {});
    const byOperation = (operation: string) => entries.filter((e) => e.operation === operation);
    expect(byOperation('search')[0]).toMatchObject({ category: 'consultation', user: 'Analyst Claes', outcome: 'ok', details: { query: 'Jansen' } });
    expect(byOperation('getEntity').map((e) => e.user).sort()).toEqual(['Analyst Claes', 'Reader Smit']);
    expect(byOperation('expand')[0].entityIds).toContain(people[0]);
    for (const operation of ['createAnalystLink', 'updateAnnotation', 'retractAnnotation']) {
      expect(byOperation(operation)[0]).toMatchObject({ category: 'alteration', user: 'Analyst Claes', outcome: 'ok' });
      expect(byOperation(operation)[0].entityIds).toContain(annotation!.id);
    }
    expect(byOperation('createAnalystLink')[0].entityIds).toEqual(expect.arrayContaining(people));
    // The refused write is on record too, as the reader's attempt.
    expect(byOperation('addNote')[0]).toMatchObject({ user: 'Reader Smit', role: 'read-only', outcome: 'READ_ONLY' });

    // Filters: user, entity, operation, date.
    const mine = await call(analyst, 'listAuditEntries', { user: 'reader' });
    expect(new Set(mine.entries.map((e) => e.user))).toEqual(new Set(['Reader Smit']));
    const aboutLink = await call(analyst, 'listAuditEntries', { entityId: annotation!.id });
    expect(aboutLink.entries.map((e) => e.operation).sort()).toEqual(['createAnalystLink', 'retractAnnotation', 'updateAnnotation']);
    const retractions = await call(analyst, 'listAuditEntries', { operation: 'retract' });
    expect(retractions.entries).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await call(analyst, 'listAuditEntries', { from: tomorrow })).entries).toHaveLength(0);
    // Newest first, seq without gaps, each chained to the one before.
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (let i = 0; i < entries.length - 1; i++) expect(entries[i].prevHash).toBe(entries[i + 1].hash);
  });

  it('finds by user and operation every entry already in the log, also right after a burst of them', async () => {
    // The search index takes entries after their commit; the viewer must not show a log that looks shorter.
    const readerLookups = async () => (await call(analyst, 'listAuditEntries', { user: 'reader', operation: 'getEntity', limit: 1000 })).entries.length;
    const before = await readerLookups();
    await Promise.all(Array.from({ length: 40 }, (_, i) => call(reader, 'getEntity', { id: people[i % 2] })));
    await call(reader, 'listAuditEntries', { limit: 1 });
    expect(await readerLookups()).toBe(before + 40);
  });

  it('refuses a read whose audit entry cannot be serialised: nothing is returned, the refusal is on record', async () => {
    const before = await newestSeq();
    // Straight to the handlers, past the contract's own checks: the audit layer must hold by itself.
    const search = { ...requestSchemas.search.parse({ query: 'Jansen' }), query: 'Jansen\ud800' };
    await expect(analyst.handlers.search(search)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    const expand = { ...requestSchemas.expand.parse({ ids: [people[0]] }), ids: [people[0], 'P-\udc00'] };
    await expect(analyst.handlers.expand(expand)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    const { entries } = await call(analyst, 'listAuditEntries', {});
    const refused = entries.filter((e) => e.seq > before);
    expect(refused.map((e) => [e.operation, e.outcome])).toEqual([
      ['expand', 'AUDIT_UNAVAILABLE'],
      ['search', 'AUDIT_UNAVAILABLE'],
    ]);
    expect(refused[1].details).toMatchObject({ query: 'Jansen\ufffd', answerWithheld: true });
    expect(refused[1].details).not.toHaveProperty('hits');
  });

  it('audit:verify reports an intact chain, then names the changed field with exit code 1', async () => {
    const intact = await verifyDatabase();
    expect(intact.output).toMatch(/\d+ entries, chain intact/);
    expect(intact.output).toMatch(/Checked against [1-9]\d* anchors/);
    expect(intact.code).toBe(0);

    const target = Math.max(2, (await newestSeq()) - 3);
    const [original] = await entryProps([target]);
    try {
      // Someone rewrites who did it.
      await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) SET e.user = "someone else"', { seq: neo4j.int(target) });
      const tampered = await verifyDatabase();
      expect(tampered.code).toBe(1);
      expect(tampered.output).toContain(`chain BROKEN at entry seq ${target}: field "user" was changed after the entry was written`);
      expect(tampered.output).toContain(`${target - 1} entries before it are intact`);
    } finally {
      await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) SET e = $props', { seq: neo4j.int(target), props: original });
    }
    expect((await verifyDatabase()).code).toBe(0);
  });

  it('audit:verify names a property added to an entry', async () => {
    const target = Math.max(2, (await newestSeq()) - 2);
    await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) SET e.reviewedBy = "nobody"', { seq: neo4j.int(target) });
    try {
      const added = await verifyDatabase();
      expect(added.code).toBe(1);
      expect(added.output).toContain(`entry seq ${target}: field "reviewedBy" was added after the entry was written`);
    } finally {
      await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) REMOVE e.reviewedBy', { seq: neo4j.int(target) });
    }
  });

  it('audit:verify finds a deleted middle entry', async () => {
    const target = Math.max(2, (await newestSeq()) - 2);
    const saved = await entryProps([target]);
    const head = await headProps();
    await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) DETACH DELETE e', { seq: neo4j.int(target) });
    try {
      const gap = await verifyDatabase();
      expect(gap.code).toBe(1);
      expect(gap.output).toContain(`entry seq ${target + 1}: entry ${target} is missing`);
    } finally {
      await restore(saved, head);
    }
  });

  it('audit:verify detects deleted newest entries and a tail re-hashed without the key, through the anchors', async () => {
    // A workstation that anchors after every write, so the newest entries are anchored.
    const dir = tempDataDir();
    // It shares the analyst's key (as workstations given one key through SCHAKEL_AUDIT_KEY_FILE do).
    const keyFile = auditKeyFile(analystDir, {});
    const log = new AuditLog({ context: () => ({ driver }), dataDir: dir, keyFile, identity: () => ({ name: 'Analyst Peeters', role: 'analyst' }), anchorIntervalMs: 0 });
    for (let i = 0; i < 3; i++) await log.record({ category: 'consultation', action: 'search', details: { query: `q${i}` } });
    await log.close();
    const last = await newestSeq();
    const args = () => [...keysAndAnchors(), '--anchors', anchorFile(dir)];
    expect((await auditVerify('--uri', testNeo4jUri(), ...args())).code).toBe(0);

    const saved = await entryProps([last - 1, last]);
    const head = await headProps();
    try {
      // Truncation: the two newest entries go, and the head is moved back so the database looks consistent.
      await driver.executeQuery('MATCH (e:AuditEntry) WHERE e.seq >= $from DETACH DELETE e', { from: neo4j.int(last - 1) });
      const [kept] = await entryProps([last - 2]);
      await driver.executeQuery('MATCH (h:AuditHead) SET h.seq = $seq, h.hash = $hash', { seq: neo4j.int(last - 2), hash: kept.hash });
      const truncated = await auditVerify('--uri', testNeo4jUri(), ...args());
      expect(truncated.output).toContain('chain intact'); // the chain alone cannot tell
      expect(truncated.code).toBe(1);
      expect(truncated.output).toContain(`ANCHOR MISMATCH: the log ends at entry ${last - 2} but an anchor of`);
      expect(truncated.output).toContain(`entries ${last - 1}–${last} or more were deleted from the end`);
    } finally {
      await restore(saved, head);
    }

    const rewritten = await entryProps([last - 1, last]);
    try {
      // Rewrite entry last-1 and re-seal everything after it with a guessed key under the real key id.
      const [before] = await entryProps([last - 2]);
      const real = loadOrCreateAuditKey(keyFile);
      const forged = { ...real, secret: Buffer.alloc(32, 7) };
      const bodies = rewritten.map((p) => ({ at: String(p.at), user: 'Analyst Peeters', role: 'analyst', operation: 'search', category: 'consultation' as const, entityIds: [], outcome: 'ok', details: { query: 'something else' } }));
      const tail = chainEntries(bodies, { seq: last - 2, hash: String(before.hash) }, forged);
      for (const entry of tail) {
        await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) SET e = $props', {
          seq: neo4j.int(entry.seq),
          props: { ...entry, seq: neo4j.int(entry.seq), details: JSON.stringify(entry.details), seals: JSON.stringify(entry.seals) },
        });
      }
      const rehashed = await auditVerify('--uri', testNeo4jUri(), ...args());
      expect(rehashed.code).toBe(1);
      expect(rehashed.output).toContain(`chain BROKEN at entry seq ${last - 1}: none of its seals match`);
      expect(rehashed.output).toContain(`ANCHOR MISMATCH: entry ${last} is not the entry anchored on`);
    } finally {
      await restore(rewritten, await headProps());
    }
    const exported = path.join(dir, 'for-the-dpo.jsonl');
    const intact = await auditVerify('--uri', testNeo4jUri(), ...args(), '--export-anchors', exported);
    expect(intact.code).toBe(0);
    expect(fs.readFileSync(exported, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('audit:verify --journal finds every journal entry in the database, and names deleted newest entries without any anchor', async () => {
    await call(analyst, 'search', { query: 'Peeters' });
    await call(analyst, 'getEntity', { id: people[0] });
    // The viewer ships the journal first; the answers themselves went out once the entries were fsync'd locally.
    await call(analyst, 'listAuditEntries', { limit: 1 });
    const noAnchors = path.join(tempDataDir(), 'no-anchors.jsonl');
    fs.writeFileSync(noAnchors, '');
    const keysOnly = ['--key-file', auditKeyFile(analystDir, {}), '--key-file', auditKeyFile(readerDir, {}), '--anchors', noAnchors];
    const withJournal = () => auditVerifyIn(analystDir, '--uri', testNeo4jUri(), '--journal', ...keysOnly);
    const intact = await withJournal();
    expect(intact.output).toMatch(/Local journal against the database: [1-9]\d* entries found there\./);
    expect(intact.code, intact.output).toBe(0);

    const last = await newestSeq();
    const saved = await entryProps([last]);
    const head = await headProps();
    try {
      // The newest entry goes and the head is moved back: the chain alone looks intact, the journal does not.
      await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) DETACH DELETE e', { seq: neo4j.int(last) });
      const [kept] = await entryProps([last - 1]);
      await driver.executeQuery('MATCH (h:AuditHead) SET h.seq = $seq, h.hash = $hash', { seq: neo4j.int(last - 1), hash: kept.hash });
      const truncated = await withJournal();
      expect(truncated.output).toContain('chain intact');
      expect(truncated.code).toBe(1);
      expect(truncated.output).toMatch(/JOURNAL MISMATCH: .* journal entry seq \d+ \(getEntity by Analyst Claes at .*\) is not in the database: it was deleted there/);
    } finally {
      await restore(saved, head);
    }
  });

  it('commits the entry to Neo4j before answering when the local journal cannot be written', async () => {
    const dir = tempDataDir();
    // A directory where the journal file should be: the append fails as on a full or read-only disk.
    fs.mkdirSync(path.join(dir, 'audit', 'audit-journal.jsonl'), { recursive: true });
    const log = new AuditLog({ context: () => ({ driver }), dataDir: dir, keyFile: auditKeyFile(analystDir, {}), identity: () => ({ name: 'Analyst Wouters', role: 'analyst' }) });
    await log.record({ category: 'consultation', action: 'search', details: { query: 'no journal here' } });
    // Resolved: the entry is already committed, nothing waits to be shipped.
    const { records } = await driver.executeQuery(`MATCH (e:AuditEntry {user: 'Analyst Wouters'}) RETURN e.details AS details`);
    expect(records.map((r) => JSON.parse(String(r.get('details'))))).toEqual([{ query: 'no journal here' }]);
    expect(log.pendingCount()).toBe(0);
    await log.close();
    expect((await verifyDatabase()).code).toBe(0);
  });

  it('two workstations writing at once share one gapless chain (appends queue on the head lock)', async () => {
    const first = await newestSeq();
    const workstation = (name: string) => new AuditLog({ context: () => ({ driver }), dataDir: tempDataDir(), keyFile: auditKeyFile(analystDir, {}), identity: () => ({ name, role: 'analyst' }) });
    const logs = [workstation('Analyst Janssens'), workstation('Analyst De Vries')];
    await Promise.all(logs.flatMap((log, w) => Array.from({ length: 30 }, (_, i) => log.record({ category: 'consultation', action: 'search', details: { query: `w${w}-${i}` } }))));
    await Promise.all(logs.map((log) => log.close()));
    const { records } = await driver.executeQuery('MATCH (e:AuditEntry) WHERE e.seq > $first RETURN e.seq AS seq ORDER BY seq', { first: neo4j.int(first) });
    expect(records.map((r) => Number(r.get('seq')))).toEqual(Array.from({ length: 60 }, (_, i) => first + i + 1));
    const verdict = await verifyDatabase();
    expect(verdict.code, verdict.output).toBe(0);
  });

  it('entries recorded while a batch is being written wait for the next ship instead of a write each', async () => {
    // Holds the log's single-statement appends until released, as a busy database would.
    let release: () => void = () => undefined;
    let held: Promise<void> | null = null;
    let appends = 0;
    const slowDriver = new Proxy(driver, {
      get(target, property) {
        if (property === 'executeQuery') {
          return async (...args: Parameters<Driver['executeQuery']>) => {
            appends += 1;
            if (held) await held;
            return target.executeQuery(...args);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const log = new AuditLog({ context: () => ({ driver: slowDriver }), dataDir: tempDataDir(), keyFile: auditKeyFile(analystDir, {}), identity: () => ({ name: 'Analyst Verbruggen', role: 'analyst' }), shipDelayMs: 60_000 });
    const read = (i: number) => log.record({ category: 'consultation', action: 'expand', entityIds: [`P-${i}`] });
    await read(0);
    await log.catchUp();
    held = new Promise((resolve) => (release = resolve));
    appends = 0;
    await read(1);
    const shipping = log.catchUp();
    while (appends === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 2; i < 6; i++) await read(i);
    release();
    await shipping;
    // The write under way took what was there when it started; the four others wait for the ship delay.
    expect(appends).toBe(1);
    expect(log.pendingCount()).toBe(4);
    await log.close();
    const { records } = await driver.executeQuery(`MATCH (e:AuditEntry {user: 'Analyst Verbruggen'}) RETURN e.entityIds[0] AS id ORDER BY e.seq`);
    expect(records.map((r) => r.get('id'))).toEqual(['P-0', 'P-1', 'P-2', 'P-3', 'P-4', 'P-5']);
  });

  it('audit:verify finds a deleted entry and a tampered line of a JSONL file', async () => {
    const key = loadOrCreateAuditKey(auditKeyFile(analystDir, {}));
    const entries = chainEntries(
      Array.from({ length: 5 }, (_, i) => ({ at: new Date(2024, 0, i + 1).toISOString(), user: 'u', role: 'analyst', operation: 'search', category: 'consultation' as const, entityIds: [`P-${i}`], outcome: 'ok' })),
      EMPTY_HEAD,
      key,
    );
    const dir = tempDataDir();
    const file = path.join(dir, 'audit.jsonl');
    const fileArgs = () => ['--file', file, '--key-file', key.file];
    fs.writeFileSync(file, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const ok = await auditVerify(...fileArgs());
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.output).toContain('5 entries, chain intact');

    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    lines[2] = lines[2].replace('"P-2"', '"P-999"');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const tampered = await auditVerify(...fileArgs());
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain('chain BROKEN at entry seq 3, line 3: field "entityIds" was changed');

    const withoutThird = entries.filter((e) => e.seq !== 3);
    fs.writeFileSync(file, withoutThird.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const gap = await auditVerify(...fileArgs());
    expect(gap.code).toBe(1);
    expect(gap.output).toMatch(/entry seq 4, line 3: entry 3 is missing/);
  });
});
