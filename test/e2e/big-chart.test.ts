// The big-chart path end to end: a chart file of 50,000 entities and 100,000 links (all of them records in
// the test Neo4j) opens in the WebGL overview (sigma.js on SwiftShader, the software rasteriser of a machine
// without a GPU), which pans, selects by search and by click, filters by type, expands through the API and
// hands its selection back to the detailed Cytoscape chart as an undoable step. Without WebGL the same kind
// of chart stays on the canvas chart with a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ChartDocument, ChartEntity, ChartLink } from '../../contract/chart';
import { CHART_FORMAT, CHART_FORMAT_VERSION } from '../../shared-values/model';
import { addFromSearch, chartNotices, chartStatus, exportChartFile, openChartFile, waitUntilConnected } from './support/chart-ui';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

/** Waits for the UI to catch up (opening 150,000 elements takes seconds); not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 90_000, interval: 250 });

const NODES = 50_000;
const COLUMNS = 250;
const TYPES = ['Person', 'Phone', 'Vehicle'] as const;
const runId = Date.now().toString(36);
const idOf = (i: number) => `BIGC-${runId}-${i}`;
/** The entity the analyst looks for: a name nobody else on the chart has. */
const FOCUS = 1234;
const FOCUS_LABEL = `Kwartelkoning ${runId}`;
/** A neighbour in the database that the chart file leaves out: what expanding FOCUS brings in. */
const OUTSIDE_ID = `BIGC-${runId}-outside`;

let stack: WorkbenchUnderTest;

/** Each node links to the next one and to the one 97 further on: 2 links a node, drawn as a grid. */
function linkPairs(nodes: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < nodes; i++) {
    pairs.push([i, (i + 1) % nodes]);
    pairs.push([i, (i + 97) % nodes]);
  }
  return pairs;
}

const labelOf = (i: number) => (i === FOCUS ? FOCUS_LABEL : `Grootkaart ${i}`);
const linkTime = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000).toISOString();

async function seedBigNetwork(): Promise<void> {
  for (const type of TYPES) {
    const rows = Array.from({ length: NODES }, (_, i) => i)
      .filter((i) => i % TYPES.length === TYPES.indexOf(type))
      .map((i) => ({ id: idOf(i), label: labelOf(i), country: i % 2 === 0 ? 'NL' : 'BE' }));
    for (let start = 0; start < rows.length; start += 10_000) {
      await stack.driver.executeQuery(`UNWIND $rows AS row CREATE (n:Entity:${type} {id: row.id, label: row.label, country: row.country, bigChartRun: $runId})`, {
        rows: rows.slice(start, start + 10_000),
        runId,
      });
    }
  }
  await stack.driver.executeQuery(`CREATE (:Entity:Person {id: $id, label: $label, country: 'BE', bigChartRun: $runId})`, { id: OUTSIDE_ID, label: `Buitenstaander ${runId}`, runId });
  const rows = [
    ...linkPairs(NODES).map(([a, b], index) => ({ id: `${idOf(a)}-L${index}`, source: idOf(a), target: idOf(b), at: linkTime(index) })),
    { id: `${OUTSIDE_ID}-L`, source: idOf(FOCUS), target: OUTSIDE_ID, at: linkTime(0) },
  ];
  for (let start = 0; start < rows.length; start += 20_000) {
    await stack.driver.executeQuery(
      `UNWIND $rows AS row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target})
       CREATE (a)-[:ASSOCIATE_OF {id: row.id, at: row.at}]->(b)`,
      { rows: rows.slice(start, start + 20_000) },
    );
  }
}

/** A chart file of the first `nodes` entities (grid positions) and the links between them. */
function chartFile(nodes: number): string {
  const entities: ChartEntity[] = Array.from({ length: nodes }, (_, i) => ({
    id: idOf(i),
    type: TYPES[i % TYPES.length],
    label: labelOf(i),
    country: i % 2 === 0 ? 'NL' : 'BE',
    properties: {},
    position: { x: (i % COLUMNS) * 40, y: Math.floor(i / COLUMNS) * 40 },
  }));
  const links: ChartLink[] = linkPairs(NODES)
    .map(([a, b], index) => ({ a, b, index }))
    .filter(({ a, b }) => a < nodes && b < nodes)
    .map(({ a, b, index }) => ({ id: `${idOf(a)}-L${index}`, type: 'ASSOCIATE_OF', source: idOf(a), target: idOf(b), at: linkTime(index), properties: {} }));
  const document: ChartDocument = { format: CHART_FORMAT, version: CHART_FORMAT_VERSION, id: `chart-big-${runId}-${nodes}`, title: `Big chart ${runId}`, entities, links };
  return JSON.stringify(document);
}

/** The status line's counts without thousands separators ("50000 entities, 100000 links"). */
const statusCounts = async (page: Page) => ((await chartStatus(page).textContent()) ?? '').replace(/(\d)[,.\u202f\u00a0](?=\d{3})/g, '$1');
const rendererStatus = (page: Page) => page.getByRole('status', { name: 'Chart renderer' });
const overview = (page: Page) => page.getByTestId('big-chart');
const overviewPane = (page: Page) => page.getByRole('region', { name: 'Chart overview (WebGL)' });
const camera = async (page: Page) => {
  const element = overview(page);
  return { x: Number(await element.getAttribute('data-camera-x')), y: Number(await element.getAttribute('data-camera-y')), ratio: Number(await element.getAttribute('data-camera-ratio')) };
};

/** Entities of the saved chart with this title, as the database holds it (0 while there is none). */
async function savedEntityCount(title: string): Promise<number> {
  const { records } = await stack.driver.executeQuery('MATCH (c:SavedChart {title: $title}) RETURN c.document AS document', { title });
  return records[0] ? (JSON.parse(records[0].get('document') as string) as ChartDocument).entities.length : 0;
}

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  await seedBigNetwork();
});

afterAll(async () => {
  const session = stack?.driver.session();
  await session
    ?.run(`MATCH (n:Entity {bigChartRun: $runId}) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, { runId })
    .catch((error: unknown) => console.error('[big-chart] cleanup failed:', error));
  await session?.run('MATCH (c:SavedChart) WHERE c.title = $title DETACH DELETE c', { title: `Grote kaart ${runId}` }).catch(() => undefined);
  await session?.close();
  await stack?.close();
});

describe('a 50,000-entity chart', () => {
  it('opens in the WebGL overview, pans, selects, filters, expands and hands the selection to the detailed chart', async () => {
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await openChartFile(page, 'big.schakel.json', chartFile(NODES));

    await eventually(() => rendererStatus(page).textContent()).toBe('Drawn with sigma.js (WebGL, software rendering)');
    await eventually(() => statusCounts(page)).toBe('50000 entities, 100000 links');
    await overview(page).locator('canvas').first().waitFor();
    expect(await chartNotices(page).textContent()).toContain('150,000 entities and links');
    // The detailed chart is not drawn meanwhile, and the time bar works on the overview.
    expect(await page.getByRole('region', { name: 'Chart', exact: true }).isVisible()).toBe(false);
    const timeBar = page.getByRole('region', { name: 'Time bar' });
    const timeWindow = page.getByRole('status', { name: 'Time window' });
    const showing = async () => {
      const match = /showing ([\d,.\u202f\u00a0]+) of ([\d,.\u202f\u00a0]+) entities/.exec((await timeWindow.textContent()) ?? '');
      return match ? [Number(match[1].replace(/\D/g, '')), Number(match[2].replace(/\D/g, ''))] : undefined;
    };
    await timeBar.getByRole('button', { name: 'Step forward' }).click();
    await eventually(async () => (await showing())?.[1]).toBe(NODES);
    const inWindow = (await showing())![0];
    expect(inWindow).toBeGreaterThan(0);
    expect(inWindow).toBeLessThan(NODES);

    // Pan: drag the empty stage and the camera follows.
    const box = (await overview(page).boundingBox())!;
    const before = await camera(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2 - 120, { steps: 8 });
    await page.mouse.up();
    await eventually(async () => (await camera(page)).x).not.toBe(before.x);

    // Filter by type within the time window: the phones and vehicles go, the persons stay.
    const types = page.getByRole('group', { name: 'Show types' });
    await types.getByLabel('Phones').uncheck();
    await types.getByLabel('Vehicles').uncheck();
    await eventually(async () => (await showing())?.[0]).toBeLessThan(inWindow);
    await types.getByLabel('Phones').check();
    await types.getByLabel('Vehicles').check();
    await eventually(async () => (await showing())?.[0]).toBe(inWindow);
    await timeBar.getByRole('button', { name: 'All times' }).click();
    await eventually(() => timeWindow.textContent()).toContain('All times');

    // Search finds the entity on the overview: it is selected and brought into view.
    await addFromSearch(page, FOCUS_LABEL, FOCUS_LABEL);
    const details = page.getByRole('complementary', { name: 'Details' });
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await eventually(() => details.getByRole('heading', { name: FOCUS_LABEL }).count()).toBe(1);
    await eventually(() => overviewPane(page).getByText('1 selected').count()).toBe(1);

    // Ctrl-click on the entity (now in the centre) takes it out of the selection; a click selects it again.
    await page.keyboard.down('Control');
    await page.mouse.click(centre.x, centre.y);
    await page.keyboard.up('Control');
    await eventually(() => overviewPane(page).getByText('0 selected').count()).toBe(1);
    await page.mouse.click(centre.x, centre.y);
    await eventually(() => overviewPane(page).getByText('1 selected').count()).toBe(1);
    await eventually(() => details.getByRole('heading', { name: FOCUS_LABEL }).count()).toBe(1);

    // Expand through the API: the neighbour the file left out arrives.
    await overviewPane(page).getByRole('button', { name: 'Expand selected' }).click();
    await eventually(() => statusCounts(page)).toBe('50001 entities, 100001 links');

    // The chart's keys act on the overview: N adds the neighbours to the selection, Esc clears it; the
    // detailed chart's edits (Delete) wait for the detailed chart and change nothing here.
    const selectedCount = async () => Number(((await overviewPane(page).getByText(/ selected$/).textContent()) ?? '').replace(/\D/g, ''));
    await page.keyboard.press('n');
    await eventually(selectedCount).toBe(6);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await eventually(selectedCount).toBe(0);
    expect(await statusCounts(page)).toBe('50001 entities, 100001 links');

    // Saving from the overview saves what it holds, the expansion included, as a new chart (the title is
    // asked); a chart file and an export hold what is shown, not the hidden detailed chart.
    const savedTitle = `Grote kaart ${runId}`;
    await page.keyboard.press('Control+S');
    const saveAs = page.getByRole('dialog', { name: 'Save chart as' });
    await saveAs.getByLabel('Chart title').fill(savedTitle);
    await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => savedEntityCount(savedTitle)).toBe(NODES + 1);
    const file = await exportChartFile(page);
    expect([file.title, file.entities.length, file.links.length]).toEqual([`Big chart ${runId}`, NODES + 1, 2 * NODES + 1]);
    expect(file.entities.find((entity) => entity.id === OUTSIDE_ID)?.position).toBeDefined();

    // Shift-drag a box around the centre: the entity and its new neighbour nearby are selected.
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 150);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 150, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await eventually(selectedCount).toBeGreaterThan(1);
    const handedBack = await selectedCount();

    // Hand the selection back: the detailed chart holds exactly it, selected, as one undoable step.
    await overviewPane(page).getByRole('button', { name: 'Open selection in detailed chart' }).click();
    await eventually(() => rendererStatus(page).textContent()).toBe('Drawn with Cytoscape (canvas)');
    await eventually(() => statusCounts(page)).toMatch(new RegExp(`^${handedBack} entit`));
    expect(await overview(page).count()).toBe(0);
    const undo = page.getByRole('toolbar', { name: 'Chart tools' }).getByRole('button', { name: /Undo/ });
    await eventually(() => undo.getAttribute('title')).toMatch(/^Undo: From the overview: /);
    await undo.click();
    await eventually(() => statusCounts(page)).toBe('0 entities, 0 links');

    expect(problems).toEqual([]);
    // 150,000 elements opened, saved and written to a file twice over on a software rasteriser: minutes, not seconds.
  }, 300_000);
});

describe('without WebGL', () => {
  let browser: Browser | undefined;
  afterAll(async () => browser?.close());

  it('keeps a big chart on the canvas chart and says why', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-3d-apis'] });
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 860 } })).newPage();
    await page.goto(stack.server.url);
    await waitUntilConnected(page);
    // 7,000 entities and their 13,902 links: past the overview's threshold, still quick on the canvas.
    await openChartFile(page, 'over-threshold.schakel.json', chartFile(7_000));

    await eventually(() => statusCounts(page)).toBe('7000 entities, 13902 links');
    expect(await rendererStatus(page).textContent()).toBe('Drawn with Cytoscape (canvas)');
    await eventually(() => chartNotices(page).textContent()).toContain('WebGL is not available in this browser');
    await page.getByTestId('chart').locator('canvas').first().waitFor();
    expect(await overview(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'WebGL overview' }).isDisabled()).toBe(true);
  });
});
