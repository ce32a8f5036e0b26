// Path finding end to end: two people on the chart, "Find shortest path" asks Neo4j over the whole database,
// the path's entities and links land on the chart highlighted; with a hop limit below the distance, the page
// says plainly that the two are not connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { addFromSearch, chartNotices, chartStatus, waitUntilConnected } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

/** Waits for the UI to catch up (the first query on a cold database can take seconds); not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** What a path may use by default (the backend leaves provenance links out). */
const PATH_TYPES = 'MEMBER_OF|USES|OWNS|DRIVES|CALLED|SIGHTED_AT|LIVES_AT|INVOLVED_IN|OCCURRED_AT|ASSOCIATE_OF|SAME_AS|ANALYST_LINK';

interface PersonRef {
  id: string;
  label: string;
}

interface PathFixture {
  a: PersonRef;
  b: PersonRef;
  /** Links on the shortest path, as Neo4j counts it. */
  hops: number;
}

/** Two people with unique labels, 3–5 hops apart: far enough for a path of several entities. */
async function findPairApart(driver: Driver): Promise<PathFixture> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Person) WHERE p.dataset = 'demo'
     WITH p.label AS label, collect(p) AS people WHERE size(people) = 1
     WITH people[0] AS p ORDER BY p.id LIMIT 40
     RETURN p.id AS id, p.label AS label`,
  );
  const people = records.map((r) => ({ id: r.get('id') as string, label: r.get('label') as string }));
  for (let i = 0; i < people.length; i++) {
    for (let j = people.length - 1; j > i; j--) {
      const { records: found } = await driver.executeQuery(
        `MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
         MATCH p = shortestPath((a)-[:${PATH_TYPES}*..5]-(b)) RETURN length(p) AS hops`,
        { a: people[i].id, b: people[j].id },
      );
      const hops = found[0] ? Number(found[0].get('hops')) : 0;
      if (hops >= 3) return { a: people[i], b: people[j], hops };
    }
  }
  throw new Error('The demo data has no two uniquely named people 3–5 hops apart.');
}

let stack: WorkbenchUnderTest;
let pair: PathFixture;

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  pair = await findPairApart(stack.driver);
});

afterAll(async () => {
  await stack?.close();
});

const pathsBar = (page: Page) => page.getByRole('toolbar', { name: 'Paths' });

/** Both people on the chart and both selected (Ctrl+A selects everything on the chart). */
async function putPairOnChart(page: Page): Promise<void> {
  await waitUntilConnected(page);
  await addFromSearch(page, pair.a.label, pair.a.label);
  await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
  await addFromSearch(page, pair.b.label, pair.b.label);
  await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 0 links');
  // Focus out of the search field (where Ctrl+A selects text), then select everything on the chart.
  await chartStatus(page).click();
  await page.keyboard.press('Control+A');
  await eventually(() => pathsBar(page).textContent()).toContain('Paths between 2 selected entities');
}

describe('paths in the browser', () => {
  it('adds the shortest path between two people to the chart and highlights it', async () => {
    const { page, problems } = await stack.openPage();
    await putPairOnChart(page);
    await pathsBar(page).getByRole('button', { name: 'Find shortest path' }).click();

    // Every entity and link of the path is now on the chart (none of its inner entities were there before).
    await eventually(() => chartStatus(page).textContent()).toBe(`${pair.hops + 1} entities, ${pair.hops} links`);
    await eventually(() => pathsBar(page).getByRole('status', { name: 'Highlighted path' }).textContent()).toBe(
      `Highlighted: ${pair.hops + 1} entities, ${pair.hops} links`,
    );
    const notice = await chartNotices(page).textContent();
    expect(notice).toContain(`Shortest path: ${pair.hops} links (${pair.a.label} → `);
    expect(notice).toContain(` → ${pair.b.label}).`);

    await pathsBar(page).getByRole('button', { name: 'Clear highlight' }).click();
    await eventually(() => pathsBar(page).getByRole('status', { name: 'Highlighted path' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says plainly when two people are not connected within the hop limit', async () => {
    const { page, problems } = await stack.openPage();
    await putPairOnChart(page);
    await pathsBar(page).getByLabel('Max hops').fill(String(pair.hops - 1));
    await pathsBar(page).getByRole('button', { name: 'Find shortest path' }).click();
    await eventually(() => chartNotices(page).textContent()).toContain(
      `${pair.a.label} and ${pair.b.label} are not connected within ${pair.hops - 1} hops.`,
    );
    expect(await chartStatus(page).textContent()).toBe('2 entities, 0 links');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('adds the connecting network of the selection', async () => {
    const { page, problems } = await stack.openPage();
    await putPairOnChart(page);
    await pathsBar(page).getByLabel('Max hops').fill('4');
    await pathsBar(page).getByRole('button', { name: 'Connecting network' }).click();
    await eventually(() => chartNotices(page).textContent()).toMatch(/Connecting network within 4 hops|not connected to each other within 4 hops/);
    const text = (await chartNotices(page).textContent()) ?? '';
    if (pair.hops <= 4) {
      expect(text).toMatch(/Connecting network within 4 hops/);
      await eventually(async () => Number((await chartStatus(page).textContent())?.split(' ')[0])).toBeGreaterThan(2);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
