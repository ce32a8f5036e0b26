// Saved charts end to end: real Chromium, the built renderer, the web server, the backend and a real Neo4j
// with the demo data. Save, reopen exactly, rename, duplicate, delete; a corrupt chart file; a chart whose
// entity was deleted; the local draft after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChartDocument } from '../../contract/chart';
import {
  addFromSearch,
  chartNotices,
  chartStatus,
  chooseChartMenuItem,
  exportChartFile,
  openChartFile,
  positionsOf,
  saveStatus,
  waitUntilConnected,
} from './support/chart-ui';
import { findPersonToInvestigate, type PersonFixture } from './support/demo-fixtures';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

/** Waits for the UI to catch up (the first query on a cold database can take seconds); not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

let stack: WorkbenchUnderTest;
let person: PersonFixture;
const runId = Date.now().toString(36);

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  person = await findPersonToInvestigate(stack.driver);
});

afterAll(async () => {
  await stack?.driver.executeQuery(`MATCH (c:SavedChart) WHERE c.title CONTAINS $runId DETACH DELETE c`, { runId }).catch(() => undefined);
  await stack?.close();
});

async function savedDocument(title: string): Promise<{ document: ChartDocument; version: number } | undefined> {
  const { records } = await stack.driver.executeQuery(`MATCH (c:SavedChart {title: $title}) RETURN c.document AS document, c.version AS version`, { title });
  const record = records[0];
  return record ? { document: JSON.parse(record.get('document') as string) as ChartDocument, version: Number(record.get('version')) } : undefined;
}

/** The person and their neighbours on the chart, then a zoom so the viewport is not the default one. */
async function drawChart(page: Page): Promise<void> {
  await waitUntilConnected(page);
  await addFromSearch(page, `${person.givenName} ${person.familyName}`, person.label);
  await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
  await page.getByRole('button', { name: 'Expand selected' }).click();
  await eventually(() => chartStatus(page).textContent()).toBe(`${person.neighbours + 1} entities, ${person.links} links`);
  const canvas = await page.getByTestId('chart').boundingBox();
  await page.mouse.move(canvas!.x + canvas!.width / 3, canvas!.y + canvas!.height / 3);
  await page.mouse.wheel(0, -240);
}

const openDialog = (page: Page) => page.getByRole('dialog', { name: 'Open chart' });

describe('saved charts in the browser', () => {
  it('saves, reopens exactly (positions and viewport), renames, duplicates and deletes', async () => {
    const { page, problems } = await stack.openPage();
    await drawChart(page);
    const title = `Cel ${person.familyName} ${runId}`;

    // Ctrl+S on a chart never saved asks for a title.
    await page.keyboard.press('Control+S');
    const saveAs = page.getByRole('dialog', { name: 'Save chart as' });
    await saveAs.getByLabel('Chart title').fill(title);
    await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => saveStatus(page).textContent()).toMatch(/^Saved \d\d:\d\d$/);

    const saved = await savedDocument(title);
    expect(saved?.document.entities).toHaveLength(person.neighbours + 1);
    expect(saved?.document.links).toHaveLength(person.links);
    // What the database holds is what the screen showed.
    const onScreen = await exportChartFile(page);
    expect(positionsOf(saved!.document)).toEqual(positionsOf(onScreen));
    expect(saved!.document.viewport).toEqual(onScreen.viewport);
    expect(saved!.document.viewport?.zoom).not.toBe(1);

    // A new chart, then the saved one again: exactly as it was.
    await chooseChartMenuItem(page, 'New chart');
    await eventually(() => chartStatus(page).textContent()).toBe('0 entities, 0 links');
    await page.keyboard.press('Control+O');
    await openDialog(page).getByRole('row', { name: new RegExp(title) }).waitFor();
    expect(await openDialog(page).getByRole('row', { name: new RegExp(title) }).textContent()).toContain(String(person.neighbours + 1));
    await openDialog(page).getByRole('button', { name: `Open ${title}`, exact: true }).click();
    await eventually(() => chartStatus(page).textContent()).toBe(`${person.neighbours + 1} entities, ${person.links} links`);
    const reopened = await exportChartFile(page);
    expect(positionsOf(reopened)).toEqual(positionsOf(saved!.document));
    expect(reopened.viewport).toEqual(saved!.document.viewport);
    expect(await page.locator('.chart-title').textContent()).toBe(title);

    // Rename it from the list; the title on screen follows.
    const renamed = `${title} (herzien)`;
    await page.keyboard.press('Control+O');
    await openDialog(page).getByRole('button', { name: `Rename ${title}`, exact: true }).click();
    await openDialog(page).getByLabel(`New title for ${title}`).fill(renamed);
    await openDialog(page).getByRole('button', { name: 'Save title' }).click();
    await openDialog(page).getByRole('button', { name: `Open ${renamed}`, exact: true }).waitFor();
    await eventually(() => page.locator('.chart-title').textContent()).toBe(renamed);
    expect((await savedDocument(renamed))?.document.title).toBe(renamed);

    // Duplicate, then delete the copy (with confirmation).
    await openDialog(page).getByRole('button', { name: `Duplicate ${renamed}`, exact: true }).click();
    const copy = `${renamed} (copy)`;
    await openDialog(page).getByRole('button', { name: `Open ${copy}`, exact: true }).waitFor();
    expect((await savedDocument(copy))?.document.entities).toHaveLength(person.neighbours + 1);
    await openDialog(page).getByRole('button', { name: `Delete ${copy}`, exact: true }).click();
    await openDialog(page).getByRole('group', { name: `Confirm deleting ${copy}` }).getByRole('button', { name: 'Delete' }).click();
    await eventually(() => openDialog(page).getByText(copy, { exact: true }).count()).toBe(0);
    expect(await savedDocument(copy)).toBeUndefined();
    expect(await savedDocument(renamed)).toBeDefined();
    await openDialog(page).getByRole('button', { name: 'Close' }).click();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('autosaves a saved chart after a change', async () => {
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await addFromSearch(page, `${person.givenName} ${person.familyName}`, person.label);
    const title = `Autosave ${runId}`;
    await chooseChartMenuItem(page, /^Save chart as/);
    await page.getByRole('dialog', { name: 'Save chart as' }).getByLabel('Chart title').fill(title);
    await page.getByRole('dialog', { name: 'Save chart as' }).getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => (await savedDocument(title))?.version).toBe(1);

    await page.getByRole('button', { name: 'Expand selected' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe(`${person.neighbours + 1} entities, ${person.links} links`);
    // No Save pressed: the change reaches the database by itself.
    await eventually(async () => (await savedDocument(title))?.document.entities.length).toBe(person.neighbours + 1);
    await eventually(() => saveStatus(page).textContent()).toMatch(/^Saved \d\d:\d\d$/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('refuses a corrupt chart file with a clear message and keeps the chart on screen', async () => {
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await addFromSearch(page, `${person.givenName} ${person.familyName}`, person.label);
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    await openChartFile(page, 'broken.schakel-chart.json', '{"format": "schakel-chart", "version": 1, "entities": [');
    const alert = page.getByRole('alert', { name: 'Problems' });
    await eventually(() => alert.textContent()).toMatch(/not valid JSON/);
    expect(await alert.textContent()).toMatch(/current chart was not changed/);
    expect(await chartStatus(page).textContent()).toBe('1 entity, 0 links');

    // Well-formed JSON with a damaged record is refused too, naming the field.
    const damaged = { format: 'schakel-chart', version: 1, id: 'x', title: 'x', entities: [{ id: 'A', type: 'Spaceship', label: 'A', properties: {} }], links: [] };
    await openChartFile(page, 'damaged.schakel-chart.json', JSON.stringify(damaged));
    await eventually(() => alert.textContent()).toMatch(/entities\.0\.type/);
    expect(await chartStatus(page).textContent()).toBe('1 entity, 0 links');

    // A good file opens (the round trip of an exported one).
    const exported = await exportChartFile(page);
    await chooseChartMenuItem(page, 'New chart');
    await eventually(() => chartStatus(page).textContent()).toBe('0 entities, 0 links');
    await openChartFile(page, 'good.schakel-chart.json', JSON.stringify(exported));
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    // The refusals were user-facing messages, not page errors; the failed requests are logged by Chromium.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('opens a chart whose entity was deleted with a notice naming what is missing', async () => {
    const title = `Met verwijderde ${runId}`;
    const deletedId = `P-E2E-DELETED-${runId}`;
    const chart: ChartDocument = {
      format: 'schakel-chart',
      version: 1,
      id: `chart-e2e-${runId}`,
      title,
      entities: [
        { id: person.id, type: 'Person', label: person.label, properties: {}, position: { x: 0, y: 0 } },
        { id: deletedId, type: 'Person', label: 'Verwijderde Persoon', properties: {}, position: { x: 120, y: 0 } },
      ],
      links: [{ id: `L-E2E-${runId}`, type: 'ASSOCIATE_OF', source: person.id, target: deletedId, properties: {} }],
      viewport: { zoom: 1, pan: { x: 300, y: 200 } },
    };
    // Saved through the same API a colleague's workbench would use.
    const response = await fetch(`${stack.server.origin}/api/saveChart`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Schakel-Token': stack.server.token },
      body: JSON.stringify({ chart }),
    });
    expect(response.status).toBe(200);

    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await page.keyboard.press('Control+O');
    await openDialog(page).getByRole('button', { name: `Open ${title}`, exact: true }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await eventually(() => chartNotices(page).textContent()).toContain(
      `1 entity in “${title}” no longer exists in the database and was left off the chart: Verwijderde Persoon (Person).`,
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('offers to restore an unsaved chart after the page was closed', async () => {
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await addFromSearch(page, `${person.givenName} ${person.familyName}`, person.label);
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await eventually(() => saveStatus(page).textContent()).toBe('Unsaved changes');
    // The draft lands in IndexedDB shortly after the change; read it the way the page does.
    await eventually(() =>
      page.evaluate(`new Promise((resolve) => {
        const open = indexedDB.open('schakel-drafts');
        open.onsuccess = () => {
          const request = open.result.transaction('charts').objectStore('charts').get('current-chart');
          request.onsuccess = () => resolve(request.result ? request.result.document.entities.length : 0);
          request.onerror = () => resolve(-1);
        };
        open.onerror = () => resolve(-1);
      })`),
    ).toBe(1);

    await page.reload();
    await waitUntilConnected(page);
    expect(await chartStatus(page).textContent()).toBe('0 entities, 0 links');
    await eventually(() => chartNotices(page).textContent()).toMatch(/An unsaved chart “Untitled chart” from \d\d:\d\d \(1 entity, 0 links\) was kept on this computer/);
    await chartNotices(page).getByRole('button', { name: 'Restore it' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    expect(await saveStatus(page).textContent()).toBe('Unsaved changes');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
