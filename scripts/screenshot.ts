/**
 * Takes the README's screenshot of the workbench (docs/screenshot-workbench.png) with a real expanded chart:
 * demo data, the browser-mode server and Chromium, exactly as an analyst would see it.
 *
 *   tsx scripts/screenshot.ts [--neo4j bolt://127.0.0.1:7687] [--out docs/screenshot-workbench.png]
 *   tsx scripts/screenshot.ts --languages en,nl-BE,fr-BE [--size 1366x768]
 *
 * With --languages, the same chart is shot once per interface language (switched in the running page, as an
 * analyst would), into docs/screenshot-<language>.png at --size (default 1366x768).
 *
 * Without --neo4j (or NEO4J_URI) a fresh local Neo4j is started in a temp dir and removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { busyGangMember, type ShowcaseSubject } from '../graph-queries/showcase';
import { startLocalNeo4j, stopLocalNeo4j } from '../local-neo4j/manager';
import { findFreePort } from '../local-neo4j/process-utils';
import { REPO_ROOT } from '../test/e2e/support/renderer-build';
import { startWorkbenchUnderTest } from '../test/e2e/support/workbench-under-test';

/** A gang member whose phone called several others: a chart with some story in it. */
async function pickSubject(driver: Driver): Promise<ShowcaseSubject> {
  const subject = await busyGangMember({ driver });
  if (!subject) throw new Error('No gang member with a busy phone in the demo data.');
  return subject;
}

async function addFromSearch(page: Page, query: string, label: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search entities' });
  await search.fill(query);
  const add = page.getByRole('button', { name: `Add ${label} to chart`, exact: true }).first();
  await add.waitFor({ timeout: 30_000 });
  await add.click();
}

async function expandSelected(page: Page): Promise<void> {
  const status = page.getByRole('status', { name: 'Chart status' });
  const before = (await status.textContent()) ?? '';
  await page.getByRole('button', { name: 'Expand selected' }).click();
  await status.filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Expand selected' }).and(page.locator(':not([disabled])')).waitFor();
}

/** Through the top bar's More menu, as an analyst would; the menu is closed again before the shot. */
async function switchLanguage(page: Page, language: string): Promise<void> {
  await page.locator('.top-more > button').click();
  await page.locator('.language-picker select').selectOption(language);
  await page.keyboard.press('Escape');
  await page.locator('html').and(page.locator(`[lang="${language}"]`)).waitFor();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { neo4j: { type: 'string' }, out: { type: 'string' }, languages: { type: 'string' }, size: { type: 'string' } },
  });
  const languages = values.languages?.split(',').filter(Boolean) ?? [];
  const [width, height] = (values.size ?? (languages.length ? '1366x768' : '1440x860')).split('x').map(Number);
  const out = path.resolve(values.out ?? path.join(REPO_ROOT, 'docs', 'screenshot-workbench.png'));
  let uri = values.neo4j ?? process.env.NEO4J_URI;
  let tempDataDir: string | undefined;
  if (!uri) {
    tempDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-screenshot-'));
    const local = await startLocalNeo4j({ dataDir: tempDataDir, port: await findFreePort(), onProgress: (l) => console.error(l) });
    uri = local.boltUri!;
  }
  const stack = await startWorkbenchUnderTest(uri);
  try {
    const subject = await pickSubject(stack.driver);
    const { page, problems } = await stack.openPage({ viewport: { width, height } });
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();

    await addFromSearch(page, subject.personLabel, subject.personLabel);
    await expandSelected(page);
    // Adding what is already on the chart selects it: that is how we pick the phone to expand next.
    await addFromSearch(page, subject.phoneLabel, subject.phoneLabel);
    await expandSelected(page);
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await addFromSearch(page, subject.personLabel, subject.personLabel);
    await page.getByRole('complementary', { name: 'Details' }).getByText('Where this came from').waitFor();
    await page.getByRole('complementary', { name: 'Details' }).locator('.provenance-card').first().waitFor();
    // Leave the search showing a typo-tolerant query, as an analyst would have it.
    await page.getByRole('combobox', { name: 'Search entities' }).fill(subject.personLabel.replace(/e/, 'a'));
    await page.getByRole('option').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400); // let the canvas finish its last frame
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (!languages.length) {
      await page.screenshot({ path: out });
      console.log(`Screenshot written to ${path.relative(process.cwd(), out)}`);
    }
    for (const language of languages) {
      await switchLanguage(page, language);
      await page.waitForTimeout(400);
      const file = path.join(REPO_ROOT, 'docs', `screenshot-${language}.png`);
      await page.screenshot({ path: file });
      console.log(`Screenshot written to ${path.relative(process.cwd(), file)}`);
    }
    if (problems.length) console.error(`Page problems:\n${problems.join('\n')}`);
  } finally {
    await stack.close();
    if (tempDataDir) {
      await stopLocalNeo4j({ dataDir: tempDataDir });
      fs.rmSync(tempDataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
