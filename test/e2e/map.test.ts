// The map view, end to end in Chromium against the real stack: a getaway car from the demo's ATM gas attacks
// on the chart, its cameras and the attacked cash machine as markers on the bundled borders, selection
// shared both ways with the chart, an area drawn to filter the chart (and undone), the car's ANPR track
// played through the time bar across the border, and not one request leaving the app's own origin.
import { createServer, type Server } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { addFromSearch, chartStatus, waitUntilConnected } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';
import { tempDataDir } from '../setup/temp-data-dir';

let stack: WorkbenchUnderTest;

interface GetawayCar {
  id: string;
  plate: string;
  /** Labels of the car's neighbours that carry coordinates (its Belgian cameras). */
  placedNeighbours: string[];
  incidentLabel: string;
  atmLabel: string;
  /** Hits of every record of the plate (the Dutch and the Belgian case each keep their own). */
  plateHits: number;
}

/** A Belgian getaway-car record whose plate no other Belgian record carries, so search finds it unambiguously. */
async function findGetawayCar(): Promise<GetawayCar> {
  const { records } = await stack.driver.executeQuery(
    `MATCH (v:Vehicle)-[:INVOLVED_IN {role: 'getaway-car'}]->(i:Incident)-[:OCCURRED_AT]->(atm:Location)
     WHERE v.dataset = 'demo' AND v.country = 'BE'
     WITH v, i, atm ORDER BY i.id
     WITH v, collect(i)[0] AS incident, collect(atm)[0] AS atm
     MATCH (same:Vehicle {plateNormalized: v.plateNormalized})
     WITH v, incident, atm, count(CASE WHEN same.country = 'BE' THEN 1 END) AS belgianRecords WHERE belgianRecords = 1
     MATCH (v)--(m) WHERE m.lat IS NOT NULL
     WITH v, incident, atm, collect(DISTINCT m.label) AS placedNeighbours
     CALL (v) {
       MATCH (:Vehicle {plateNormalized: v.plateNormalized})-[r:SIGHTED_AT]->(:Location) RETURN count(r) AS plateHits
     }
     RETURN v.id AS id, v.label AS plate, placedNeighbours, incident.label AS incidentLabel, atm.label AS atmLabel, plateHits
     ORDER BY v.id LIMIT 1`,
  );
  const record = records[0];
  if (!record) throw new Error('The seeded demo data has no Belgian getaway-car record with a plate of its own.');
  return {
    id: record.get('id'),
    plate: record.get('plate'),
    placedNeighbours: record.get('placedNeighbours'),
    incidentLabel: record.get('incidentLabel'),
    atmLabel: record.get('atmLabel'),
    plateHits: Number(record.get('plateHits')),
  };
}

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
});

afterAll(async () => {
  await stack?.close();
});

/** Waits for the UI to catch up; not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
const map = (page: Page) => page.getByRole('region', { name: 'Map', exact: true });
const marker = (page: Page, label: string) => page.getByTestId('map').getByRole('button', { name: label, exact: true });
const markerLabels = async (page: Page) => (await Promise.all((await page.getByTestId('map').locator('.map-marker').all()).map(async (el) => (await el.getAttribute('aria-label')) ?? ''))).sort();
const mapStatus = (page: Page) => page.getByRole('status', { name: 'Map status' });
const detailsHeading = (page: Page) => page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 });
const chartTools = (page: Page) => page.getByRole('toolbar', { name: 'Chart tools' });

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the map view', () => {
  it('places the chart, shares its selection, filters by a drawn area and plays an ANPR track, all offline', async () => {
    const car = await findGetawayCar();
    expect(car.placedNeighbours.length).toBeGreaterThan(0);
    const { page, problems } = await stack.openPage();
    // Watch every request from a fresh load on: the app, the map and its borders come from our own origin.
    const origin = new URL(stack.server.url).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await page.reload();
    await waitUntilConnected(page);

    // The getaway car and its neighbours on the chart, then the map beside it.
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill(car.plate);
    const option = page.getByRole('option').filter({ has: page.locator('.country-be') }).filter({ hasText: car.plate });
    await option.getByRole('button', { name: `Add ${car.plate} to chart` }).click();
    await eventually(() => chartStatus(page).textContent()).toMatch(/^1 entity/);
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await eventually(() => chartStatus(page).textContent()).not.toMatch(/^1 entity/);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await map(page).waitFor();
    await eventually(() => markerLabels(page)).toEqual([...car.placedNeighbours].sort());
    await eventually(() => mapStatus(page).textContent()).toBe(`${car.placedNeighbours.length} ${car.placedNeighbours.length === 1 ? 'entity' : 'entities'} on the map`);
    // Borders of both countries are drawn from the bundled basemap.
    await eventually(() => page.getByTestId('map').locator('path.map-country-be').count()).toBeGreaterThan(0);
    await eventually(() => page.getByTestId('map').locator('path.map-country-nl').count()).toBeGreaterThan(0);

    // What has no place is listed, and the car is among it.
    const unplaced = page.getByRole('region', { name: 'Not on the map' });
    await expect(unplaced.getByRole('button', { name: `${car.plate} (Vehicle)`, exact: true }).count()).resolves.toBe(1);

    // The incident stands at the cash machine once the machine is on the chart.
    await unplaced.getByRole('button', { name: `${car.incidentLabel} (Incident)`, exact: true }).click();
    await eventually(() => detailsHeading(page).textContent()).toBe(car.incidentLabel);
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await marker(page, car.incidentLabel).waitFor();
    await marker(page, car.atmLabel).waitFor();
    await expect(unplaced.getByRole('button', { name: `${car.incidentLabel} (Incident)`, exact: true }).count()).resolves.toBe(0);

    // Selecting on the map selects on the chart (the details panel follows the chart's selection) ...
    const camera = car.placedNeighbours[0];
    await marker(page, camera).click();
    await eventually(() => detailsHeading(page).textContent()).toBe(camera);
    await eventually(() => marker(page, camera).getAttribute('aria-pressed')).toBe('true');
    await eventually(() => marker(page, car.atmLabel).getAttribute('aria-pressed')).toBe('false');
    // ... and selecting on the chart selects on the map (adding an entity already there selects it).
    await addFromSearch(page, car.atmLabel, car.atmLabel);
    await eventually(() => marker(page, car.atmLabel).getAttribute('aria-pressed')).toBe('true');
    await eventually(() => marker(page, camera).getAttribute('aria-pressed')).toBe('false');

    // Draw a square around the cash machine, filter the chart to it, and undo the filter.
    const total = (await markerLabels(page)).length;
    await map(page).getByRole('button', { name: 'Fit', exact: true }).click();
    await map(page).getByRole('button', { name: 'Draw area' }).click();
    const centre = await centreOf(marker(page, car.atmLabel));
    const half = 22;
    const canvasBox = (await page.getByTestId('map').boundingBox())!;
    expect(centre.x - half).toBeGreaterThan(canvasBox.x);
    expect(centre.x + half).toBeLessThan(canvasBox.x + canvasBox.width);
    expect(centre.y - half).toBeGreaterThan(canvasBox.y);
    expect(centre.y + half).toBeLessThan(canvasBox.y + canvasBox.height);
    const markerCentres = await Promise.all((await page.getByTestId('map').locator('.map-marker').all()).map(centreOf));
    const expectedInside = markerCentres.filter((p) => Math.abs(p.x - centre.x) < half && Math.abs(p.y - centre.y) < half).length;
    expect(expectedInside).toBeGreaterThanOrEqual(2); // the machine and the incident that stands at it
    for (const [dx, dy] of [[-half, -half], [half, -half], [half, half], [-half, half]]) await page.mouse.click(centre.x + dx, centre.y + dy);
    await map(page).getByRole('button', { name: 'Finish area' }).click();
    await eventually(() => mapStatus(page).textContent()).toContain(`${expectedInside} inside the area`);
    await map(page).getByRole('button', { name: 'Filter to area' }).click();
    const hidden = total - expectedInside;
    await eventually(() => markerLabels(page).then((labels) => labels.length)).toBe(expectedInside);
    const undo = chartTools(page).getByRole('button', { name: /Undo/ });
    await eventually(() => undo.getAttribute('title')).toMatch(new RegExp(`^Undo: Filter by area \\(hid ${hidden} entit(y|ies)\\)`));
    await undo.click();
    await eventually(() => markerLabels(page).then((labels) => labels.length)).toBe(total);

    // The car's ANPR track: every hit of its plate, played through the time bar, across the border.
    await unplaced.getByRole('button', { name: `${car.plate} (Vehicle)`, exact: true }).click();
    await map(page).getByRole('button', { name: `Show ANPR hits of ${car.plate}` }).click();
    const progress = page.getByRole('status', { name: 'Track progress' });
    await eventually(() => progress.textContent()).toMatch(new RegExp(`^${car.plateHits} hits`));
    await expect(page.getByRole('status', { name: 'Border crossing' }).textContent()).resolves.toMatch(/^Border crossing (Netherlands → Belgium|Belgium → Netherlands)/);
    const trackHits = page.getByTestId('map').locator('path.map-track-hit');
    await eventually(() => trackHits.count()).toBe(car.plateHits);

    const stepForward = page.getByRole('button', { name: 'Step forward' });
    const playedCounts: number[] = [];
    let crossingInWindow = false;
    for (let step = 0; step < 14; step++) {
      await stepForward.click();
      const text = await progress.textContent();
      const played = Number(/^(\d+) of (\d+) hits/.exec(text ?? '')?.[1]);
      if (playedCounts.length && played < playedCounts.at(-1)!) break; // the window wrapped round to the start
      playedCounts.push(played);
      await eventually(() => trackHits.count()).toBe(played);
      if ((await page.getByTestId('map').locator('path.map-track-leg.border-crossing.current').count()) > 0) crossingInWindow = true;
    }
    expect(playedCounts.length).toBeGreaterThan(1);
    expect(playedCounts).toEqual([...playedCounts].sort((a, b) => a - b));
    expect(playedCounts.at(-1)).toBeGreaterThan(playedCounts[0]);
    expect(crossingInWindow).toBe(true);
    await page.getByRole('button', { name: 'All times' }).click();
    await eventually(() => trackHits.count()).toBe(car.plateHits);

    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("uses a force's own map server only when the settings file names one, and the page's CSP admits it", async () => {
    // A tile server on another origin, standing in for PDOK or Geopunt: every tile is a 1×1 PNG.
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const tileRequests: string[] = [];
    const tiles: Server = createServer((request, response) => {
      tileRequests.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(pixel);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const port = (tiles.address() as { port: number }).port;
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ mapTiles: { url: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`, attribution: 'Kaart © Test <b>PDOK</b>' } }));
    const configured = await startWorkbenchUnderTest(undefined, { dataDir, seedDemo: false });
    try {
      const { page, problems } = await configured.openPage();
      await waitUntilConnected(page);
      await page.getByRole('button', { name: 'Map', exact: true }).click();
      await map(page).waitFor();
      await eventually(() => tileRequests.filter((url) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url)).length).toBeGreaterThan(0);
      // The configured attribution is shown as text, never as markup.
      await eventually(() => page.getByTestId('map').locator('.leaflet-control-attribution').textContent()).toContain('Kaart © Test <b>PDOK</b>');
      expect(problems).toEqual([]);
    } finally {
      await configured.close();
      await new Promise((resolve) => tiles.close(resolve));
    }
  });
});
