// The backend service on a real Neo4j with the scale-1 demo investigation: search by misspelt names and by
// identifiers typed in another format, capped expansion, provenance, and connection errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { generateDemo } from '../../demo-data/generate';
import type { DemoData, DemoNode } from '../../demo-data/demo-records';
import { seedDemo } from '../../demo-data/seed';
import { normalizePhone } from '../../identifiers';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

let workbench: Workbench;
let demo: DemoData;

beforeAll(async () => {
  const driver = createTestDriver();
  try {
    await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  } finally {
    await driver.close();
  }
  demo = generateDemo({ scale: 1 });
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined });
  await workbench.start();
});

afterAll(async () => {
  await workbench?.shutdown();
});

const api = () => workbench.handlers;

function misspell(word: string): string {
  // Swap two letters in the middle: a typical typing error one Damerau edit away.
  const i = Math.floor(word.length / 2);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

function firstEntity(type: string, predicate: (node: DemoNode) => boolean): DemoNode {
  const found = demo.entities.find((node) => node.type === type && predicate(node));
  if (!found) throw new Error(`demo data has no ${type} matching the test's needs`);
  return found;
}

describe('search', () => {
  it('finds a person by a misspelt family name', async () => {
    const person = firstEntity('Person', (node) => String(node.props.familyName ?? '').length >= 7 && !!node.props.givenName);
    const typed = `${person.props.givenName} ${misspell(String(person.props.familyName))}`;
    const { hits } = await api().search({ query: typed, limit: 50 });
    expect(hits.map((hit) => hit.id)).toContain(person.id);
  });

  it('finds a phone, and the people using it, by a number typed in another format', async () => {
    const phone = firstEntity('Phone', (node) => String(node.props.e164 ?? '').startsWith('+316'));
    const e164 = String(phone.props.e164);
    const typed = `06-${e164.slice(4)}`; // Dutch national format, whatever format the record used
    expect(normalizePhone(typed)?.e164).toBe(e164);
    const { hits, interpretations } = await api().search({ query: typed, limit: 50 });
    expect(interpretations).toContainEqual({ kind: 'phone', value: e164 });
    expect(hits[0]).toMatchObject({ type: 'Phone', matchedOn: 'phone' });
    expect(hits.map((hit) => hit.id)).toContain(phone.id);
    const users = demo.relationships.filter((rel) => rel.type === 'USES' && rel.to === phone.id).map((rel) => rel.from);
    for (const user of users.slice(0, 10)) expect(hits.map((hit) => hit.id)).toContain(user);
  });

  it('filters by type and country', async () => {
    const person = firstEntity('Person', (node) => node.props.country === 'BE' && !!node.props.familyName);
    const { hits } = await api().search({ query: String(person.props.familyName), types: ['Person'], countries: ['BE'], limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toMatchObject({ type: 'Person', country: 'BE' });
  });
});

describe('expand and details', () => {
  function neighboursOf(id: string): Set<string> {
    const ids = new Set<string>();
    for (const rel of demo.relationships) {
      if (rel.from === id && rel.to !== id) ids.add(rel.to);
      if (rel.to === id && rel.from !== id) ids.add(rel.from);
    }
    return ids;
  }

  it('returns every neighbour of an entity with the links to them', async () => {
    const person = firstEntity('Person', (node) => neighboursOf(node.id).size >= 3);
    const expected = neighboursOf(person.id);
    const result = await api().expand({ ids: [person.id], direction: 'both', exclude: [], limit: 2000 });
    expect(new Set(result.nodes.map((node) => node.id))).toEqual(expected);
    expect(result.omitted).toBe(0);
    for (const link of result.links) expect([link.source, link.target]).toContain(person.id);
  });

  it('caps an expansion and says how many neighbours were left out', async () => {
    const hub = [...new Set(demo.relationships.map((rel) => rel.to))].sort((a, b) => neighboursOf(b).size - neighboursOf(a).size)[0];
    const total = neighboursOf(hub).size;
    const result = await api().expand({ ids: [hub], direction: 'both', exclude: [], limit: 2 });
    expect(result.nodes).toHaveLength(2);
    expect(result.omitted).toBe(total - 2);
    // The same expansion always picks the same subset: the first neighbours by id.
    expect(result.nodes.map((node) => node.id)).toEqual([...neighboursOf(hub)].sort().slice(0, 2));
  });

  it('does not return again what is already on the chart', async () => {
    const person = firstEntity('Person', (node) => neighboursOf(node.id).size >= 2);
    const [onChart] = [...neighboursOf(person.id)];
    const result = await api().expand({ ids: [person.id], direction: 'both', exclude: [onChart], limit: 2000 });
    expect(result.nodes.map((node) => node.id)).not.toContain(onChart);
    // …but the link to it is returned, so the chart can draw it.
    expect(result.links.some((link) => link.source === onChart || link.target === onChart)).toBe(true);
  });

  it('shows where an entity came from', async () => {
    const person = firstEntity('Person', () => true);
    const details = await api().getEntity({ id: person.id });
    expect(details.entity).toMatchObject({ id: person.id, type: 'Person', country: person.props.country });
    expect(details.provenance.length).toBeGreaterThan(0);
    expect(details.provenance[0]).toMatchObject({ sourceId: person.props.sourceId, country: person.props.country });
    expect(details.provenance[0].caseReference).toBeTruthy();
    expect(details.provenance[0].agency).toBeTruthy();
  });

  it('says plainly when an entity does not exist', async () => {
    await expect(api().getEntity({ id: 'P-NOWHERE-0' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('connection settings', () => {
  it.each([
    ['bolt://127.0.0.1:1', 'DB_UNAVAILABLE', /No Neo4j answered/],
    ['http://127.0.0.1:7474', 'DB_BAD_URI', /scheme "http"/],
    ['bolt+s://127.0.0.1:PORT', 'DB_UNAVAILABLE', /encrypted/],
  ])('%s gets a clear message and keeps the working connection', async (uri, code, message) => {
    const port = new URL(testNeo4jUri()).port;
    const error = await api()
      .connect({ uri: uri.replace('PORT', port), user: 'neo4j', password: 'x', rememberPassword: false })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code });
    expect((error as ApiError).message).toMatch(message);
    expect((error as ApiError).hint).toBeTruthy();
    expect((await api().getConnectionStatus({})).state).toBe('connected');
  });

  it('refuses to remember a password where there is no keychain', async () => {
    await expect(
      api().connect({ uri: testNeo4jUri(), user: 'neo4j', password: 'secret', rememberPassword: true }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not remembered/) });
  });
});
