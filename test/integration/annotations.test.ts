// Analyst links and notes on the real Neo4j: two analysts editing the same link, the read-only role,
// history, mentions, and the bad input the contract must refuse.
import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { AnalystLinkRecord, NoteRecord } from '../../contract/annotations';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { seedDemo } from '../../demo-data/seed';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { call, refusal, twoPeople } from './annotations-support';

let driver: Driver;
let alice: Workbench;
let bob: Workbench;
let reader: Workbench;
let people: [string, string];

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  const open = async (identity: { name: string; role?: 'analyst' | 'read-only' }) => {
    const workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir(), identity });
    await workbench.start();
    return workbench;
  };
  alice = await open({ name: 'Alice Peeters' });
  bob = await open({ name: 'Bob de Vries' });
  reader = await open({ name: 'Rita Reader', role: 'read-only' });
  people = await twoPeople(driver);
});

afterAll(async () => {
  await Promise.all([alice?.shutdown(), bob?.shutdown(), reader?.shutdown()]);
  await driver?.close();
});

async function newLink(): Promise<AnalystLinkRecord> {
  const result = await call(alice, 'createAnalystLink', {
    fromId: people[0],
    toId: people[1],
    status: 'hypothesis',
    note: 'Seen together near the border',
    sourceReliability: 'B',
    informationReliability: '2',
    handling: 'H1',
  });
  expect(result.pending).toBe(false);
  return result.annotation as AnalystLinkRecord;
}

describe('analyst links', () => {
  it('creates a graded link stamped with the analyst, drawn as an ANALYST_LINK with its status', async () => {
    const result = await call(alice, 'createAnalystLink', {
      fromId: people[0],
      toId: people[1],
      status: 'hypothesis',
      sourceReliability: 'C',
      informationReliability: '3',
      handling: 'H0',
    });
    expect(result.annotation).toMatchObject({ kind: 'link', status: 'hypothesis', createdBy: 'Alice Peeters', version: 1, gradingScheme: 'eu-4x4' });
    expect(result.link).toMatchObject({ type: 'ANALYST_LINK', source: people[0], target: people[1], sourceReliability: 'C', informationReliability: '3', handling: 'H0' });
    expect(result.link?.properties.status).toBe('hypothesis');

    // Expansion shows it like any other link.
    const expanded = await call(bob, 'expand', { ids: [people[0]], relationshipTypes: ['ANALYST_LINK'] });
    expect(expanded.links.map((link) => link.id)).toContain(result.annotation!.id);
  });

  it('keeps who changed what, when, old → new, and a retraction stays in the history', async () => {
    const link = await newLink();
    const edited = await call(bob, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { status: 'confirmed', sourceReliability: 'A' } });
    expect(edited.annotation).toMatchObject({ status: 'confirmed', sourceReliability: 'A', version: 2, updatedBy: 'Bob de Vries', createdBy: 'Alice Peeters' });
    await call(alice, 'retractAnnotation', { id: link.id, expectedVersion: 2, reason: 'Different person' });

    const { revisions } = await call(alice, 'getAnnotationHistory', { id: link.id });
    expect(revisions.map((r) => [r.version, r.action, r.by])).toEqual([
      [1, 'create', 'Alice Peeters'],
      [2, 'update', 'Bob de Vries'],
      [3, 'retract', 'Alice Peeters'],
    ]);
    expect(revisions[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'hypothesis', after: 'confirmed' },
        { field: 'sourceReliability', before: 'B', after: 'A' },
      ]),
    );
    expect(revisions[2]).toMatchObject({ reason: 'Different person', changes: [{ field: 'status', before: 'confirmed', after: 'retracted' }] });

    // Gone from the graph, listed as retracted on both entities, and no longer editable.
    const { records } = await driver.executeQuery('MATCH ()-[r:ANALYST_LINK {id: $id}]->() RETURN count(r) AS n', { id: link.id });
    expect(Number(records[0].get('n'))).toBe(0);
    const listed = await call(bob, 'listAnnotations', { targetId: people[1] });
    expect(listed.links.map((l) => l.id)).not.toContain(link.id);
    expect(listed.retracted.map((r) => r.annotationId)).toContain(link.id);
    const again = await refusal(bob, 'updateAnnotation', { id: link.id, expectedVersion: 3, changes: { status: 'associate' } });
    expect(again.code).toBe('NOT_FOUND');
    expect(again.message).toMatch(/retracted by Alice Peeters/);
  });

  it('stores a kind from the vocabulary and a free label, changes and clears them with history and audit', async () => {
    const created = await call(alice, 'createAnalystLink', {
      fromId: people[0],
      toId: people[1],
      status: 'associate',
      linkKind: 'co-offender',
      linkLabel: 'Drove him to the port',
      sourceReliability: 'B',
      informationReliability: '2',
      handling: 'H0',
    });
    const link = created.annotation as AnalystLinkRecord;
    expect(link).toMatchObject({ linkKind: 'co-offender', linkLabel: 'Drove him to the port' });
    expect(created.link?.properties).toMatchObject({ linkKind: 'co-offender', linkLabel: 'Drove him to the port' });

    const edited = await call(bob, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { linkKind: 'family', linkLabel: '' } });
    expect(edited.annotation).toMatchObject({ linkKind: 'family', version: 2 });
    expect((edited.annotation as AnalystLinkRecord).linkLabel).toBeUndefined();
    const { records } = await driver.executeQuery('MATCH ()-[r:ANALYST_LINK {id: $id}]->() RETURN r.linkKind AS kind, r.linkLabel AS label', { id: link.id });
    expect([records[0].get('kind'), records[0].get('label')]).toEqual(['family', null]);

    const { revisions } = await call(alice, 'getAnnotationHistory', { id: link.id });
    expect(revisions[0].changes).toEqual(expect.arrayContaining([{ field: 'linkKind', before: null, after: 'co-offender' }, { field: 'linkLabel', before: null, after: 'Drove him to the port' }]));
    expect(revisions[1].changes).toEqual(expect.arrayContaining([{ field: 'linkKind', before: 'co-offender', after: 'family' }, { field: 'linkLabel', before: 'Drove him to the port', after: '' }]));
    // Bob's entry is shipped from Bob's journal: his viewer is the one that waits for it.
    const audit = await call(bob, 'listAuditEntries', { operation: 'updateAnnotation', entityId: link.id, limit: 5 });
    expect(audit.entries[0]?.details?.changed).toEqual(['linkKind', 'linkLabel']);

    expect((await refusal(alice, 'createAnalystLink', { fromId: people[0], toId: people[1], status: 'associate', linkKind: 'neighbour' as 'family', sourceReliability: 'B', informationReliability: '2', handling: 'H0' })).code).toBe('BAD_REQUEST');
    expect((await refusal(alice, 'updateAnnotation', { id: link.id, expectedVersion: 2, changes: { linkLabel: 'x'.repeat(81) } })).code).toBe('BAD_REQUEST');
  });
});

describe('concurrent editing', () => {
  it('never loses an update silently: the second writer gets CONFLICT with both versions', async () => {
    const link = await newLink();
    // Both opened version 1; Alice saves first.
    const first = await call(alice, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { text: 'Alice: same car twice' } });
    expect(first.annotation?.version).toBe(2);
    const conflict = await refusal(bob, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { text: 'Bob: phone contact', handling: 'H2' } });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/Alice Peeters changed this analyst link .*now version 2.* you opened version 1/);
    expect(conflict.conflict?.theirs).toMatchObject({ id: link.id, version: 2, note: 'Alice: same car twice', updatedBy: 'Alice Peeters' });
    expect(conflict.conflict?.yours).toEqual({ expectedVersion: 1, changes: { text: 'Bob: phone contact', handling: 'H2' } });

    // Alice's text survived; Bob can apply his change on top of hers.
    const after = await call(bob, 'updateAnnotation', { id: link.id, expectedVersion: 2, changes: { text: 'Alice: same car twice. Bob: phone contact', handling: 'H2' } });
    expect(after.annotation).toMatchObject({ version: 3, note: 'Alice: same car twice. Bob: phone contact', handling: 'H2' });
  });

  it('lets exactly one of two simultaneous writers win', async () => {
    const link = await newLink();
    const outcomes = await Promise.allSettled([
      call(alice, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { status: 'associate' } }),
      call(bob, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { status: 'confirmed' } }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason.code).toBe('CONFLICT');
    const { revisions } = await call(alice, 'getAnnotationHistory', { id: link.id });
    expect(revisions.filter((r) => r.action === 'update')).toHaveLength(1);
  });
});

describe('notes', () => {
  it('stores mentions as ids and keeps markup as literal text', async () => {
    const text = `Met @[Second person](${people[1]}) <script>alert(1)</script> at the petrol station`;
    const result = await call(alice, 'addNote', { targetId: people[0], targetKind: 'entity', text, sourceReliability: 'B', informationReliability: '2', handling: 'H0' });
    const note = result.annotation as NoteRecord;
    expect(note).toMatchObject({ kind: 'note', text, mentions: [people[1]], createdBy: 'Alice Peeters', handling: 'H0' });
    const listed = await call(bob, 'listAnnotations', { targetId: people[0] });
    expect(listed.notes.find((n) => n.id === note.id)?.text).toBe(text);
    expect(listed.mentionLabels[people[1]]).toBeTruthy();
  });

  it('takes notes on links too, and edits them with a version check', async () => {
    const link = await newLink();
    const { annotation } = await call(bob, 'addNote', { targetId: link.id, targetKind: 'link', text: 'Checked the ANPR hits' });
    const edited = await call(alice, 'updateAnnotation', { id: annotation!.id, expectedVersion: 1, changes: { text: 'Checked the ANPR hits: 3 matches' } });
    expect(edited.annotation).toMatchObject({ kind: 'note', version: 2, text: 'Checked the ANPR hits: 3 matches' });
    expect((await call(bob, 'listAnnotations', { targetId: link.id })).notes.map((n) => n.id)).toContain(annotation!.id);
  });
});

describe('bad input', () => {
  const base = () => ({ fromId: people[0], toId: people[1], status: 'hypothesis' as const, sourceReliability: 'B', informationReliability: '2', handling: 'H1' });

  it('refuses over-long notes, control characters and an empty note', async () => {
    const long = await refusal(alice, 'createAnalystLink', { ...base(), note: 'x'.repeat(4_001) });
    expect(long).toMatchObject({ code: 'BAD_REQUEST' });
    expect(long.message).toMatch(/too long: at most 4,000 characters/);
    const control = await refusal(alice, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'bell \u0007 here' });
    expect(control.message).toMatch(/control characters/);
    const empty = await refusal(alice, 'addNote', { targetId: people[0], targetKind: 'entity', text: '   ' });
    expect(empty.message).toMatch(/empty/);
  });

  it('refuses a grading outside the scheme, naming the allowed codes', async () => {
    const unknown = await refusal(alice, 'createAnalystLink', { ...base(), sourceReliability: 'Z' });
    expect(unknown.code).toBe('BAD_REQUEST');
    // 'E' exists in the UK 3x5x2 scheme, not in the EU 4x4 this workbench uses.
    const otherScheme = await refusal(alice, 'createAnalystLink', { ...base(), informationReliability: 'E' });
    expect(otherScheme.code).toBe('BAD_REQUEST');
    expect(otherScheme.message).toMatch(/"E" is not a information reliability in the EU 4x4 grading scheme.*1, 2, 3, 4/);
  });

  it('refuses a mention of an entity that does not exist, and a link to itself', async () => {
    const mention = await refusal(alice, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'See @[Ghost](P-XX-NOPE)' });
    expect(mention.message).toMatch(/P-XX-NOPE, which does not exist/);
    const self = await refusal(alice, 'createAnalystLink', { ...base(), toId: people[0] });
    expect(self.message).toMatch(/two different entities/);
  });
});

describe('read-only role', () => {
  it('is enforced in the backend: every write is refused with READ_ONLY, reads work', async () => {
    const link = await newLink();
    const attempts = [
      refusal(reader, 'createAnalystLink', { fromId: people[0], toId: people[1], status: 'hypothesis', sourceReliability: 'B', informationReliability: '2', handling: 'H1' }),
      refusal(reader, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { status: 'confirmed' } }),
      refusal(reader, 'retractAnnotation', { id: link.id, expectedVersion: 1 }),
      refusal(reader, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'not allowed' }),
      refusal(reader, 'deleteChart', { id: 'chart-anything' }),
    ];
    for (const error of await Promise.all(attempts)) {
      expect(error.code).toBe('READ_ONLY');
      expect(error.message).toMatch(/read-only role/);
    }
    // Nothing changed.
    const { revisions } = await call(reader, 'getAnnotationHistory', { id: link.id });
    expect(revisions).toHaveLength(1);
    expect((await call(reader, 'getEntity', { id: people[0] })).entity.id).toBe(people[0]);
    const status = await call(reader, 'getConnectionStatus', {});
    expect(status).toMatchObject({ readOnly: true, user: 'Rita Reader' });
    expect(await call(alice, 'getConnectionStatus', {})).toMatchObject({ readOnly: false, user: 'Alice Peeters' });
  });

  it('comes from SCHAKEL_ROLE too, and an unknown role value means read-only', async () => {
    for (const role of ['read-only', 'superuser']) {
      const workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir(), env: { SCHAKEL_ROLE: role } });
      try {
        await workbench.start();
        expect((await call(workbench, 'getIdentity', {})).role).toBe('read-only');
        const error = await refusal(workbench, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'no' });
        expect(error.code).toBe('READ_ONLY');
      } finally {
        await workbench.shutdown();
      }
    }
  });
});

describe('identity', () => {
  it('is the computer account on a database without authentication: shown, recorded, and not typed over', async () => {
    const workbench = createWorkbench({ neo4j: { uri: testNeo4jUri(), user: 'someone-else', password: 'x' }, log: () => undefined, localDataDir: tempDataDir(), env: {} });
    const account = userInfo().username;
    try {
      await workbench.start();
      // A user name sent to a server without authentication proves nothing: the computer account counts.
      expect(await call(workbench, 'getIdentity', {})).toMatchObject({ name: account, source: 'os-user', confirmed: true, role: 'analyst', roleSource: 'environment' });
      const error = await refusal(workbench, 'setIdentity', { name: 'Inspecteur Janssens' });
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/cannot be typed over/);
      expect((await call(workbench, 'getConnectionStatus', {})).user).toBe(account);
      const { annotation } = await call(workbench, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'first note' });
      expect(annotation?.createdBy).toBe(account);
    } finally {
      await workbench.shutdown();
    }
  });
});
