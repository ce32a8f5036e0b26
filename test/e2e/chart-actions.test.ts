// The analyst's chart, end to end in Chromium against the real stack: expand, undo/redo, hide/show, the
// centrality table, the time window, layouts (one of them in the analysis worker, under the page's CSP)
// and the "more neighbours" choice when an expansion hits its cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartStatus } from './support/chart-ui';
import { loadCaviar } from '../../demo-data/caviar';
import { findPersonToInvestigate, type PersonFixture } from './support/demo-fixtures';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

let stack: WorkbenchUnderTest;
let person: PersonFixture;

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  await loadCaviar(stack.driver); // idempotent: its phases give the time bar something to play through
  person = await findPersonToInvestigate(stack.driver);
});

afterAll(async () => {
  await stack?.close();
});

/** Waits for the UI to catch up; not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
const tools = (page: Page) => page.getByRole('toolbar', { name: 'Chart tools' });

async function addFromSearch(page: Page, query: string, label: string): Promise<void> {
  await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();
  await page.getByRole('combobox', { name: 'Search entities' }).fill(query);
  const add = page.getByRole('button', { name: `Add ${label} to chart`, exact: true });
  await add.waitFor();
  await add.click();
}

async function entityCount(page: Page): Promise<number> {
  const text = (await chartStatus(page).textContent()) ?? '';
  return Number(/^(\d+) entities/.exec(text)?.[1] ?? NaN);
}

describe('chart actions in the browser', () => {
  it('expands, undoes and redoes, hides and shows, ranks by centrality and switches layouts', async () => {
    const { page, problems } = await stack.openPage();
    await addFromSearch(page, person.label, person.label);
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    // One record of one country: the cross-border highlight finds none and says why, in the legend and its tooltip.
    const crossBorder = tools(page).getByRole('button', { name: /^Highlight cross-border/ });
    await crossBorder.click();
    const none = /^No cross-border entities: every record on this chart comes from a (Dutch|Belgian) case\./;
    await eventually(() => page.getByRole('complementary', { name: 'Legend' }).getByRole('status').textContent()).toMatch(none);
    expect(await crossBorder.textContent()).toBe('Highlight cross-border (0)');
    expect(await crossBorder.getAttribute('title')).toMatch(none);
    await crossBorder.click();

    await page.getByRole('button', { name: 'Expand selected' }).click();
    const expanded = `${person.neighbours + 1} entities, ${person.links} links`;
    await eventually(() => chartStatus(page).textContent()).toBe(expanded);

    // Undo the expansion, then redo it; the buttons name the step and the shortcut.
    const undo = tools(page).getByRole('button', { name: /Undo/ });
    // The step is recorded once the expansion's layout has settled, which may trail the status line.
    await eventually(() => undo.getAttribute('title')).toMatch(/^Undo: Expand: .*\(Ctrl\+Z\)$/);
    await undo.click();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await page.keyboard.press('Control+Shift+Z');
    await eventually(() => chartStatus(page).textContent()).toBe(expanded);

    // The centrality table ranks the investigative network on the chart (its Source and Case records left out);
    // a row selects its entity, which is then hidden.
    await tools(page).getByRole('button', { name: 'Centrality' }).click();
    const ranking = page.getByRole('table', { name: 'Degree ranking' });
    await ranking.waitFor();
    // The person everyone on this chart hangs off ranks first by degree.
    const firstRow = ranking.getByRole('row').nth(1);
    await eventually(() => firstRow.textContent()).toContain(person.label);
    expect(await ranking.getByRole('row').count()).toBe(Math.min(50, person.investigativeNeighbours + 1) + 1);
    await firstRow.click(); // selects the person on the chart
    await tools(page).getByRole('button', { name: 'Hide' }).click();
    const showAll = tools(page).getByRole('button', { name: /Show all hidden/ });
    await eventually(() => showAll.textContent()).toBe('Show all hidden (1)');
    expect(await chartStatus(page).textContent()).toBe(expanded); // hidden is still on the chart
    await showAll.click();
    await eventually(() => showAll.isDisabled()).toBe(true);

    // Switch measure: the table follows.
    await page.getByRole('combobox', { name: 'Centrality measure' }).selectOption('betweenness');
    await page.getByRole('table', { name: 'Betweenness ranking' }).waitFor();

    // Layouts: circle on the page, ForceAtlas2 in the analysis worker; each is one undo step.
    await tools(page).getByRole('combobox', { name: 'Layout' }).selectOption('circle');
    await eventually(() => undo.getAttribute('title')).toBe('Undo: Layout: Circle (Ctrl+Z)');
    await tools(page).getByRole('combobox', { name: 'Layout' }).selectOption('forceatlas2');
    await eventually(() => undo.getAttribute('title')).toBe('Undo: Layout: Force-directed, large (ForceAtlas2) (Ctrl+Z)');
    // The worker loaded from our own origin under the page's CSP (a violation would be in `problems`).
    expect(page.workers().some((worker) => worker.url().includes('analysis.worker'))).toBe(true);

    // Colour by community: the legend lists the communities on the chart.
    await tools(page).getByRole('button', { name: 'Detect communities' }).click();
    await page.getByRole('complementary', { name: 'Legend' }).getByText(/Community 1 \(\d+\)/).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('narrows the chart to a time window and plays through the CAVIAR phases', async () => {
    const { page, problems } = await stack.openPage();
    await addFromSearch(page, 'Player 1', 'Player 1');
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await page.getByRole('button', { name: 'Expand selected' }).click(); // the person's line (and records)
    await eventually(() => entityCount(page)).toBeGreaterThan(1);
    await tools(page).getByRole('button', { name: 'Centrality' }).click();
    await page.getByRole('table', { name: 'Degree ranking' }).getByRole('row', { name: /Line of player 1\b/ }).click();
    await page.getByRole('button', { name: 'Expand selected' }).click(); // everyone player 1 called
    await eventually(() => entityCount(page)).toBeGreaterThan(20);
    const total = await entityCount(page);

    const timeBar = page.getByRole('region', { name: 'Time bar' });
    const window = timeBar.getByRole('status', { name: 'Time window' });
    await eventually(() => window.textContent()).toContain('All times');
    await timeBar.getByRole('button', { name: 'Step forward' }).click();
    await eventually(() => window.textContent()).toMatch(/showing \d+ of \d+ entities/);
    const shown = Number(/showing (\d+) of/.exec((await window.textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    // Hidden by time, not removed.
    expect(await entityCount(page)).toBe(total);

    // Dragging on the histogram draws a window too.
    const bars = timeBar.getByRole('img');
    const box = (await bars.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await eventually(() => window.textContent()).toMatch(/showing \d+ of \d+ entities/);

    await timeBar.getByRole('button', { name: 'All times' }).click();
    await eventually(() => window.textContent()).toContain('All times');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('offers add / filter / skip when an expansion hits its cap', async () => {
    const { page, problems } = await stack.openPage();
    await addFromSearch(page, person.label, person.label);
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    await page.getByRole('button', { name: 'Expand options' }).click();
    const options = page.getByRole('dialog', { name: 'Expand options' });
    await options.getByRole('spinbutton', { name: 'Expansion cap' }).fill('1');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Expand selected' }).click();

    const choice = page.getByRole('group', { name: 'More neighbours' });
    await eventually(() => choice.textContent()).toContain(`${person.neighbours - 1} more neighbours`);
    expect(await entityCount(page)).toBe(2);
    await choice.getByRole('button', { name: /^Add/ }).click();
    await eventually(() => chartStatus(page).textContent()).toBe(`${person.neighbours + 1} entities, ${person.links} links`);
    await eventually(() => choice.count()).toBe(0);

    // Put the cap back for whoever uses this browser profile next (settings persist).
    await page.getByRole('button', { name: 'Expand options' }).click();
    await options.getByRole('spinbutton', { name: 'Expansion cap' }).fill('2000');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
