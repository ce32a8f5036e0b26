// Analyst links end to end in Chromium: who is working shown in the top bar, then create, grade, edit and retract a
// link from the details panel, and find each step (by that analyst) in the audit viewer; a link's kind and label,
// and mentions picked with the keyboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartStatus, exportChartFile } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';
import { tempDataDir } from '../setup/temp-data-dir';

let stack: WorkbenchUnderTest;
let people: { id: string; label: string }[];
const ANALYST = 'Inspecteur Maes';

beforeAll(async () => {
  // Settings (the analyst's name) and journals go to a fresh data directory, never the user's own.
  process.env.SCHAKEL_DATA_DIR = tempDataDir();
  stack = await startWorkbenchUnderTest(undefined, { workbench: { identity: { name: ANALYST } } });
  const { records } = await stack.driver.executeQuery(
    `MATCH (p:Person) WHERE p.dataset = 'demo' AND p.label =~ '[A-Za-z ]+'
     WITH p.label AS label, collect(p) AS same WHERE size(same) = 1
     RETURN same[0].id AS id, label ORDER BY id LIMIT 2`,
  );
  people = records.map((record) => ({ id: String(record.get('id')), label: String(record.get('label')) }));
  expect(people).toHaveLength(2);
});

afterAll(async () => {
  await stack?.close();
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

async function addToChart(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Search entities' }).fill(label);
  const add = page.getByRole('button', { name: `Add ${label} to chart`, exact: true });
  await add.first().waitFor();
  await add.first().click();
}

/** Both people on the chart, A selected, and the "New analyst link" dialog from A with B picked as the target. */
async function newLinkDialog(page: Page, a: { label: string }, b: { label: string }) {
  await addToChart(page, b.label);
  await addToChart(page, a.label);
  await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 0 links');
  const panel = details(page);
  await panel.getByRole('heading', { name: a.label }).waitFor();
  await panel.getByRole('button', { name: 'New analyst link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New analyst link' });
  await dialog.getByLabel('Link to').fill(b.label);
  await dialog.getByRole('button', { name: `Link to ${b.label}` }).first().click();
  return { panel, dialog };
}

describe('analyst links in the browser', () => {
  it('creates, grades, edits and retracts a link, and the audit viewer shows each step', async () => {
    const [a, b] = people;
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();

    // Who is working is shown, never asked (here the name the test's workbench was started for).
    await eventually(() => page.getByLabel('Working as').textContent()).toContain(ANALYST);

    // Create: from the details panel, to B, as a graded hypothesis with a note holding markup.
    const { panel, dialog } = await newLinkDialog(page, a, b);
    await dialog.getByLabel('Status').selectOption('hypothesis');
    await dialog.getByLabel('Source reliability').selectOption('B');
    await dialog.getByLabel('Information reliability').selectOption('2');
    await dialog.getByLabel('Handling code').selectOption('H1');
    await dialog.getByLabel('Note').fill('Seen together <script>alert(1)</script>');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 1 link');

    // Open it: the editor shows who asserted it; edit the status and the grading.
    await panel.getByRole('button', { name: `Open analyst link to ${b.label}` }).click();
    const editor = panel.getByRole('region', { name: 'Analyst link' });
    await editor.waitFor();
    await eventually(() => editor.textContent()).toContain(`Asserted by ${ANALYST}`);
    // The note is text: the script tag is shown literally, never run.
    expect(await editor.getByLabel('Link note').inputValue()).toBe('Seen together <script>alert(1)</script>');
    await editor.getByLabel('Status').selectOption('confirmed');
    await editor.getByLabel('Source reliability').selectOption('A');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    // The history is the durable record of the save (the "Saved as version 2." note is transient).
    const history = editor.getByRole('list', { name: 'History' });
    await eventually(() => history.textContent()).toMatch(new RegExp(`v2 · changed by ${ANALYST}.*status: hypothesis → confirmed`));
    expect(await history.textContent()).toMatch(/sourceReliability: B → A/);

    // Retract: off the chart, kept in the history.
    await editor.getByRole('button', { name: 'Retract link…' }).click();
    await editor.getByLabel('Reason for retracting (kept in the history)').fill('Wrong vehicle');
    await editor.getByRole('button', { name: 'Confirm retraction' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 0 links');

    // The audit viewer: each step, by this analyst; then filtered by operation.
    await page.getByRole('button', { name: 'Audit log' }).click();
    const viewer = page.getByRole('dialog', { name: 'Audit log' });
    const table = viewer.getByRole('table', { name: 'Audit entries' });
    const rowFor = (operation: string) => table.getByRole('row').filter({ hasText: operation }).filter({ hasText: ANALYST });
    for (const operation of ['createAnalystLink', 'updateAnnotation', 'retractAnnotation']) {
      await rowFor(operation).first().waitFor();
      expect(await rowFor(operation).first().textContent()).toMatch(/alteration.*ok/);
    }
    expect(await rowFor('updateAnnotation').first().textContent()).toMatch(/changed sourceReliability, status/);
    expect(await rowFor('getEntity').count()).toBeGreaterThan(0);
    await viewer.getByLabel('Operation').fill('retract');
    await viewer.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(async () => (await table.getByRole('row').allTextContents()).slice(1).every((text) => text.includes('retractAnnotation'))).toBe(true);
    await viewer.getByLabel('User').fill(ANALYST);
    await viewer.getByLabel('Entity or link id').fill(a.id);
    await viewer.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => table.getByRole('row').count()).toBe(2);
    // Entities by their display names (ids on hover), and the whole list as CSV for the data protection officer.
    expect(await table.getByRole('row').nth(1).textContent()).toContain(a.label);
    const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^schakel-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(ANALYST);
    expect(csv).toContain(a.label);
    expect(csv).toContain('retractAnnotation');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('mentions an entity by keyboard, "@" and part of a two-word name, storing its id and showing its name', async () => {
    const { records } = await stack.driver.executeQuery(
      `MATCH (p:Person) WHERE p.dataset = 'demo' AND p.label =~ '[A-Z][a-z]+ [A-Z][a-z]{3,}'
       WITH p.label AS label, collect(p) AS same WHERE size(same) = 1
       RETURN same[0].id AS id, label ORDER BY id SKIP 2 LIMIT 2`,
    );
    const [a, b] = records.map((record) => ({ id: String(record.get('id')), label: String(record.get('label')) }));
    const [first, last] = b.label.split(' ');
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();
    const { panel, dialog } = await newLinkDialog(page, a, b);
    await dialog.getByLabel('Kind of link').selectOption('co-offender');
    await dialog.getByLabel('Label (own words)').fill('Drove him to the port');

    // "@" and part of a name with a space in it: the list opens, the arrows move, Enter picks without a newline.
    const note = dialog.getByLabel('Note');
    await note.click();
    await note.pressSequentially(`Seen with @${first} ${last.slice(0, 2)}`);
    const list = dialog.getByRole('listbox', { name: 'Mention suggestions' });
    const option = list.getByRole('option', { name: `Mention ${b.label}` });
    await option.waitFor();
    await eventually(() => option.getAttribute('aria-selected')).toBe('true');
    await note.press('ArrowDown');
    await note.press('ArrowUp');
    await eventually(() => option.getAttribute('aria-selected')).toBe('true');
    await note.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await note.inputValue()).toBe(`Seen with @${b.label} `);

    // Esc closes the list, not the dialog; Tab picks as Enter does.
    await note.pressSequentially(`and @${a.label.slice(0, 4)}`);
    await list.getByRole('option', { name: `Mention ${a.label}` }).waitFor();
    await note.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    await note.press('Backspace');
    await list.getByRole('option', { name: `Mention ${a.label}` }).waitFor();
    await note.press('Tab');
    await list.waitFor({ state: 'detached' });
    expect(await note.inputValue()).toBe(`Seen with @${b.label} and @${a.label} `);
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 1 link');

    // Stored structured (ids), shown by name in the editor, its properties and its history.
    const stored = await stack.driver.executeQuery(
      `MATCH (:Person {id: $from})-[r:ANALYST_LINK]->(:Person {id: $to}) RETURN r.note AS note, r.mentions AS mentions, r.linkKind AS kind, r.linkLabel AS label`,
      { from: a.id, to: b.id },
    );
    const row = stored.records[0];
    expect(row.get('note')).toBe(`Seen with @[${b.label}](${b.id}) and @[${a.label}](${a.id}) `);
    expect([...row.get('mentions')].sort()).toEqual([a.id, b.id].sort());
    expect([row.get('kind'), row.get('label')]).toEqual(['co-offender', 'Drove him to the port']);

    await panel.getByRole('button', { name: `Open analyst link to ${b.label}` }).click();
    const editor = panel.getByRole('region', { name: 'Analyst link' });
    await editor.waitFor();
    expect(await editor.getByLabel('Link note').inputValue()).toBe(`Seen with @${b.label} and @${a.label} `);
    expect(await editor.getByLabel('Kind of link').inputValue()).toBe('co-offender');
    await eventually(() => panel.textContent()).toContain('Drove him to the port');
    const history = editor.getByRole('list', { name: 'History' });
    await eventually(() => history.textContent()).toContain(`@${b.label}`);
    expect(await panel.textContent()).not.toContain('](');
    expect(await history.textContent()).toContain('linkKind: — → Co-offender');

    // A click 12 px beside the thin link (beyond Cytoscape's own 8 px, within the wider hit area) takes it.
    // B is first dragged 300 px from A, so the spot is clear of both entities and of the link's label.
    const canvas = (await page.getByTestId('chart').boundingBox())!;
    const onScreen = async () => {
      const chartFile = await exportChartFile(page);
      const { zoom, pan } = chartFile.viewport!;
      const at = (id: string) => chartFile.entities.find((entity) => entity.id === id)!.position!;
      return [at(a.id), at(b.id)].map((p) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y }));
    };
    const [fromBefore, toBefore] = await onScreen();
    const target = { x: fromBefore.x + (fromBefore.x < canvas.width / 2 ? 300 : -300), y: fromBefore.y };
    await page.mouse.move(canvas.x + toBefore.x, canvas.y + toBefore.y);
    await page.mouse.down();
    await page.mouse.move(canvas.x + target.x, canvas.y + target.y, { steps: 8 });
    await page.mouse.up();
    const [from, to] = await onScreen();
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    expect(length).toBeGreaterThan(250);
    const along = { x: from.x + 0.2 * (to.x - from.x), y: from.y + 0.2 * (to.y - from.y) };
    const beside = { x: along.x - (12 * (to.y - from.y)) / length, y: along.y + (12 * (to.x - from.x)) / length };
    await page.keyboard.press('Escape'); // select none
    await editor.waitFor({ state: 'detached' });
    await page.mouse.click(canvas.x + beside.x, canvas.y + beside.y);
    await editor.waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
