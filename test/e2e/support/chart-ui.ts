// Shared steps for the saved-chart, path and search-filter e2e tests: the way an analyst drives the page.
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ChartDocument } from '../../../contract/chart';

export const chartStatus = (page: Page) => page.getByRole('status', { name: 'Chart status' });
export const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
export const searchField = (page: Page) => page.getByRole('combobox', { name: 'Search entities' });
export const chartNotices = (page: Page) => page.getByLabel('Chart notices');

export async function waitUntilConnected(page: Page): Promise<void> {
  await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();
}

/** Types `query` into the search field and adds the hit labelled `label`. */
export async function addFromSearch(page: Page, query: string, label: string): Promise<void> {
  await searchField(page).fill(query);
  const add = page.getByRole('button', { name: `Add ${label} to chart`, exact: true });
  await add.first().waitFor();
  await add.first().click();
}

/** Opens the top bar's "More ▾" panel (duplicates, import, connection, language), if it is not open. */
export async function openMoreMenu(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: 'More', exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}

export async function chooseChartMenuItem(page: Page, item: RegExp | string): Promise<void> {
  await page.getByRole('button', { name: 'Chart ▾', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** "Export chart file…" and the document it downloaded. */
export async function exportChartFile(page: Page): Promise<ChartDocument> {
  const download = page.waitForEvent('download');
  await chooseChartMenuItem(page, /^Export chart file/);
  const file = await (await download).path();
  return JSON.parse(await fs.readFile(file, 'utf8')) as ChartDocument;
}

/** "Open chart file…" with a file of this content. */
export async function openChartFile(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await chooseChartMenuItem(page, /^Open chart file/);
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
}

/** Positions by entity id, for comparing two documents of the same chart. */
export function positionsOf(document: ChartDocument): Record<string, { x: number; y: number } | undefined> {
  return Object.fromEntries(document.entities.map((entity) => [entity.id, entity.position]));
}

/**
 * From now on, notes what every dialog holds at the moment it opens (its fields by label, read in the same
 * task that opened it), before anything could repaint it: a dialog must never open on an older content.
 */
export async function watchDialogOpenings(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const openings = [];
    window.dialogOpenings = openings;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const dialog = mutation.target;
        if (!(dialog instanceof HTMLDialogElement) || !dialog.open || mutation.oldValue !== null) continue;
        const titleId = dialog.getAttribute('aria-labelledby');
        const title = (titleId ? document.getElementById(titleId)?.textContent : dialog.getAttribute('aria-label')) ?? '';
        const fields = {};
        for (const field of dialog.querySelectorAll('input[id], textarea[id]')) {
          const label = dialog.querySelector('label[for="' + CSS.escape(field.id) + '"]')?.textContent?.trim();
          if (label) fields[label] = field.value;
        }
        openings.push({ title: title.trim(), fields });
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'], attributeOldValue: true });
  })()`);
}

/** The fields of the latest opening of the dialog titled `title`, as they were when it opened. */
export async function fieldsWhenOpened(page: Page, title: string): Promise<Record<string, string> | undefined> {
  const openings = await page.evaluate<{ title: string; fields: Record<string, string> }[]>('window.dialogOpenings ?? []');
  return openings.filter((opening) => opening.title === title).at(-1)?.fields;
}
