// Saved query templates on a real Neo4j: shared between two analysts, deleted only by whoever saved them,
// audited, and each reviewed shape answering what the demo generator's own records say it should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { generateDemo } from '../../demo-data/generate';
import type { DemoData } from '../../demo-data/demo-records';
import { seedDemo } from '../../demo-data/seed';
import { AUDIT_ENTRY_LABEL } from '../../graph-queries/audit';
import { QUERY_TEMPLATE_LABEL } from '../../graph-queries/query-templates';
import { call, refusal } from './annotations-support';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

let driver: Driver;
let alice: Workbench;
let bram: Workbench;
let demo: DemoData;

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  demo = generateDemo({ scale: 1 });
  alice = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined, identity: { name: 'Alice Templates', role: 'analyst' } });
  bram = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined, identity: { name: 'Bram Templates', role: 'analyst' } });
  await alice.start();
  await bram.start();
}, 240_000);

afterAll(async () => {
  await alice?.shutdown();
  await bram?.shutdown();
  await driver?.close();
});

const relationships = (type: string) => demo.relationships.filter((rel) => rel.type === type);

describe('saved query templates', () => {
  it('stores a template in Neo4j with its creator, shares it with a colleague, and lets only its creator delete it', async () => {
    const vehicleId = relationships('OWNS')[0].to;
    const saved = await call(alice, 'saveQueryTemplate', {
      name: 'Personen bij voertuig',
      description: 'Houders en bestuurders van een voertuig',
      query: { shape: 'persons-linked-to-vehicle', parameters: { vehicleId } },
    });
    expect(saved).toMatchObject({ name: 'Personen bij voertuig', createdBy: 'Alice Templates', mine: true });

    const { records } = await driver.executeQuery(`MATCH (t:${QUERY_TEMPLATE_LABEL} {id: $id}) RETURN t.createdBy AS by, t.shape AS shape`, { id: saved.id });
    expect(records.map((r) => [r.get('by'), r.get('shape')])).toEqual([['Alice Templates', 'persons-linked-to-vehicle']]);

    const seenByBram = (await call(bram, 'listQueryTemplates', {})).templates.find((t) => t.id === saved.id);
    expect(seenByBram).toMatchObject({ name: 'Personen bij voertuig', createdBy: 'Alice Templates', mine: false, query: { parameters: { vehicleId } } });

    const refused = await refusal(bram, 'deleteQueryTemplate', { id: saved.id });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('Alice Templates');
    expect((await call(bram, 'listQueryTemplates', {})).templates.map((t) => t.id)).toContain(saved.id);

    expect(await call(alice, 'deleteQueryTemplate', { id: saved.id })).toEqual({ deleted: true });
    expect((await call(bram, 'listQueryTemplates', {})).templates.map((t) => t.id)).not.toContain(saved.id);
    expect((await refusal(alice, 'deleteQueryTemplate', { id: saved.id })).code).toBe('NOT_FOUND');

    // Each analyst's entries are durable in their own journal before the answer and reach Neo4j shortly
    // after; opening the audit viewer ships what waits. Two writers ship in any order: sort by time of the act.
    await call(alice, 'listAuditEntries', { limit: 1 });
    await call(bram, 'listAuditEntries', { limit: 1 });
    const { records: audit } = await driver.executeQuery(
      `MATCH (e:${AUDIT_ENTRY_LABEL}) WHERE e.operation IN ['saveQueryTemplate', 'deleteQueryTemplate'] RETURN e.operation AS operation, e.user AS user, e.category AS category ORDER BY e.at, e.seq`,
    );
    expect(audit.map((r) => [r.get('operation'), r.get('user'), r.get('category')])).toEqual([
      ['saveQueryTemplate', 'Alice Templates', 'alteration'],
      ['deleteQueryTemplate', 'Bram Templates', 'erasure'],
      ['deleteQueryTemplate', 'Alice Templates', 'erasure'],
      ['deleteQueryTemplate', 'Alice Templates', 'erasure'],
    ]);
  });

  it('refuses Cypher, unknown shapes, wrong parameter types and a period that ends before it starts, with a 4xx', async () => {
    const cypher = await refusal(alice, 'saveQueryTemplate', { name: 'x', query: { shape: 'MATCH (n) DETACH DELETE n', parameters: {} } as never });
    expect(cypher.code).toBe('BAD_REQUEST');
    const extra = await refusal(alice, 'runQueryTemplate', { query: { shape: 'persons-linked-to-vehicle', parameters: { vehicleId: 'V-1', cypher: 'MATCH (n) RETURN n' } } as never });
    expect(extra.code).toBe('BAD_REQUEST');
    const days = await refusal(alice, 'runQueryTemplate', { query: { shape: 'gang-phones-seen', parameters: { gangId: 'G-1', days: '30' } } as never });
    expect(days.invalid?.field).toBe('query.parameters.days');
    const backwards = await refusal(alice, 'runQueryTemplate', {
      query: { shape: 'calls-between-persons', parameters: { personAId: 'P-1', personBId: 'P-2', from: '2024-03-01', until: '2024-01-01' } },
    });
    expect(backwards).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('ends before it starts') });
  });

  it('runs "persons linked to vehicle X" to the owners and drivers the records name', async () => {
    const vehicleId = relationships('OWNS')[0].to;
    const expected = demo.relationships.filter((rel) => (rel.type === 'OWNS' || rel.type === 'DRIVES') && rel.to === vehicleId).map((rel) => rel.from);
    const result = await call(alice, 'runQueryTemplate', { query: { shape: 'persons-linked-to-vehicle', parameters: { vehicleId } } });
    expect(result.nodes.map((n) => n.id).sort()).toEqual([...new Set([vehicleId, ...expected])].sort());
    expect(result.links.every((link) => link.target === vehicleId && (link.type === 'OWNS' || link.type === 'DRIVES'))).toBe(true);
  });

  it('runs "phones of members of gang X seen in the last N days" on the call records, and N narrows it', async () => {
    const gangId = relationships('MEMBER_OF')[0].to;
    const members = new Set(relationships('MEMBER_OF').filter((rel) => rel.to === gangId).map((rel) => rel.from));
    const phones = new Set(relationships('USES').filter((rel) => members.has(rel.from)).map((rel) => rel.to));
    const lastCall = new Map<string, number>();
    for (const call of relationships('CALLED')) {
      const time = Date.parse(String(call.props.until ?? call.props.from));
      for (const end of [call.from, call.to]) lastCall.set(end, Math.max(lastCall.get(end) ?? 0, time));
    }
    const seenWithin = (days: number) => [...phones].filter((phone) => lastCall.has(phone) && lastCall.get(phone)! >= Date.now() - days * 86_400_000).sort();
    const everything = 36_500;
    expect(seenWithin(everything).length).toBeGreaterThan(0);
    const all = await call(alice, 'runQueryTemplate', { query: { shape: 'gang-phones-seen', parameters: { gangId, days: everything } } });
    expect(all.nodes.filter((n) => n.type === 'Phone').map((n) => n.id).sort()).toEqual(seenWithin(everything));
    expect(all.nodes.filter((n) => n.type === 'Gang').map((n) => n.id)).toEqual([gangId]);
    const recent = await call(alice, 'runQueryTemplate', { query: { shape: 'gang-phones-seen', parameters: { gangId, days: 1 } } });
    expect(recent.nodes.filter((n) => n.type === 'Phone').map((n) => n.id).sort()).toEqual(seenWithin(1));
  });

  it('runs "calls between two persons in a period" to the calls between their phones in that period only', async () => {
    const usersOf = new Map<string, string[]>();
    for (const rel of relationships('USES')) usersOf.set(rel.to, [...(usersOf.get(rel.to) ?? []), rel.from]);
    const call0 = relationships('CALLED').find((rel) => usersOf.get(rel.from)?.length && usersOf.get(rel.to)?.length && usersOf.get(rel.from)![0] !== usersOf.get(rel.to)![0])!;
    const [personAId, personBId] = [usersOf.get(call0.from)![0], usersOf.get(call0.to)![0]];
    const phonesOf = (person: string) => new Set(relationships('USES').filter((rel) => rel.from === person).map((rel) => rel.to));
    const [phonesA, phonesB] = [phonesOf(personAId), phonesOf(personBId)];
    const between = relationships('CALLED').filter((rel) => (phonesA.has(rel.from) && phonesB.has(rel.to)) || (phonesB.has(rel.from) && phonesA.has(rel.to)));
    const first = String(call0.props.from).slice(0, 10);

    const whole = await call(alice, 'runQueryTemplate', { query: { shape: 'calls-between-persons', parameters: { personAId, personBId, from: '1990-01-01', until: '2099-12-31' } } });
    expect(whole.links.filter((l) => l.type === 'CALLED').map((l) => l.id).sort()).toEqual(between.map((rel) => rel.id).sort());
    expect(whole.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([personAId, personBId]));

    const before = await call(alice, 'runQueryTemplate', { query: { shape: 'calls-between-persons', parameters: { personAId, personBId, from: '1990-01-01', until: '1990-12-31' } } });
    expect(before).toEqual({ nodes: [], links: [], omitted: 0 });
    const onFirstDay = await call(alice, 'runQueryTemplate', { query: { shape: 'calls-between-persons', parameters: { personAId, personBId, from: first, until: first } } });
    expect(onFirstDay.links.map((l) => l.id)).toContain(call0.id);
  });
});
