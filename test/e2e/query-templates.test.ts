// Saved query templates in Chromium against the real stack: a template is saved for the team with its
// parameter values, listed with who saved it, used again with another parameter, and its results land on
// the chart as one undoable step; its creator deletes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addFromSearch, chartStatus, openMoreMenu, waitUntilConnected } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

interface VehicleFixture {
  id: string;
  label: string;
  persons: number;
  links: number;
}

let stack: WorkbenchUnderTest;
let vehicles: VehicleFixture[];

beforeAll(async () => {
  stack = await startWorkbenchUnderTest(undefined, { workbench: { identity: { name: 'Analyst Sanne', role: 'analyst' } } });
  // Two demo vehicles with a plate no other record shares, each owned or driven by someone.
  const { records } = await stack.driver.executeQuery(
    `MATCH (v:Vehicle) WHERE v.dataset = 'demo' AND NOT EXISTS { MATCH (o:Vehicle) WHERE o.label = v.label AND o <> v }
     MATCH (v)<-[r:OWNS|DRIVES]-(p:Person)
     WITH v, count(DISTINCT p) AS persons, count(r) AS links
     RETURN v.id AS id, v.label AS label, persons, links ORDER BY persons DESC, v.id LIMIT 2`,
  );
  vehicles = records.map((record) => ({ id: record.get('id'), label: record.get('label'), persons: Number(record.get('persons')), links: Number(record.get('links')) }));
  if (vehicles.length < 2) throw new Error('The seeded demo data has no two vehicles with known holders.');
});

afterAll(async () => {
  await stack?.close();
});

/** Waits for the UI to catch up; not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
const plural = (count: number, word: string, words: string) => `${count} ${count === 1 ? word : words}`;
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Query templates' });

describe('query templates', () => {
  it('saves a template for the team, lists it, runs it with another parameter onto the chart (undoably) and deletes it', async () => {
    const [first, second] = vehicles;
    const { page, problems } = await stack.openPage();
    page.on('dialog', (confirmation) => void confirmation.accept());
    await waitUntilConnected(page);
    await addFromSearch(page, first.label, first.label);
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    await openMoreMenu(page);
    await page.getByRole('button', { name: 'Query templates…' }).click();
    await eventually(() => dialog(page).getByText('No templates saved yet.').count()).toBe(1);
    await dialog(page).getByRole('combobox', { name: 'Search' }).selectOption({ label: 'Persons linked to a vehicle' });
    // The vehicle selected on the chart fills the parameter.
    const vehicle = dialog(page).getByRole('combobox', { name: /^Vehicle/ });
    await eventually(() => vehicle.inputValue()).toBe(first.id);

    await dialog(page).getByRole('textbox', { name: 'Name' }).fill('Houders en bestuurders');
    await dialog(page).getByRole('textbox', { name: 'Description' }).fill('Wie rijdt met de wagen?');
    await dialog(page).getByRole('button', { name: 'Save template' }).click();
    await eventually(() => dialog(page).getByRole('status', { name: 'Query result' }).textContent()).toBe('Saved "Houders en bestuurders" for the team.');
    const saved = dialog(page).getByRole('listitem').filter({ hasText: 'Houders en bestuurders' });
    await eventually(() => saved.textContent()).toContain('Saved by Analyst Sanne on');
    expect(await saved.textContent()).toContain('Wie rijdt met de wagen?');

    // Used again with another vehicle: its holders and drivers land on the chart.
    await dialog(page).getByRole('button', { name: 'Use template Houders en bestuurders' }).click();
    await eventually(() => vehicle.inputValue()).toBe(first.id);
    await vehicle.fill(second.id);
    await dialog(page).getByRole('button', { name: 'Run and add to chart' }).click();
    const entities = 1 + 1 + second.persons;
    await eventually(() => dialog(page).getByRole('status', { name: 'Query result' }).textContent()).toBe(
      `Added ${plural(1 + second.persons, 'entity', 'entities')} and ${plural(second.links, 'link', 'links')} to the chart.`,
    );
    await dialog(page).getByRole('button', { name: 'Close', exact: true }).click();
    await eventually(() => chartStatus(page).textContent()).toBe(`${plural(entities, 'entity', 'entities')}, ${plural(second.links, 'link', 'links')}`);

    // One undo takes the whole result off again.
    await page.getByRole('toolbar', { name: 'Chart tools' }).getByRole('button', { name: /Undo/ }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    // A refused parameter is said plainly in the dialog.
    await openMoreMenu(page);
    await page.getByRole('button', { name: 'Query templates…' }).click();
    await dialog(page).getByRole('button', { name: 'Use template Houders en bestuurders' }).click();
    await vehicle.fill('V-\u202Eevil');
    await dialog(page).getByRole('button', { name: 'Run and add to chart' }).click();
    await eventually(() => dialog(page).getByRole('alert').textContent()).toContain('query.parameters.vehicleId: contains a right-to-left override');
    expect(await chartStatus(page).textContent()).toBe('1 entity, 0 links');

    // Its creator deletes it.
    await dialog(page).getByRole('button', { name: 'Delete template Houders en bestuurders' }).click();
    await eventually(() => dialog(page).getByText('No templates saved yet.').count()).toBe(1);
    // The one refusal above is the browser's only complaint (it logs every 4xx answer).
    expect(problems.filter((problem) => !problem.includes('status of 400 (Bad Request)'))).toEqual([]);
    expect(problems).toHaveLength(1);
    await page.context().close();
  });
});
