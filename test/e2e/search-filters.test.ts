// Search filters end to end: a family name that occurs on both sides of the border, narrowed by country and
// by case; the keyboard route into the search field; how an identifier was read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartStatus, searchField, waitUntilConnected } from './support/chart-ui';
import { findPhoneToLookUp } from './support/demo-fixtures';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

/** Waits for the UI to catch up (the first query on a cold database can take seconds); not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

interface NameFixture {
  familyName: string;
  /** A case holding at least one person of that name, and every label of an entity in that case. */
  caseId: string;
  caseReference: string;
  caseLabels: Set<string>;
}

let stack: WorkbenchUnderTest;
let fixture: NameFixture;

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  const { records } = await stack.driver.executeQuery(
    `MATCH (p:Person) WHERE p.dataset = 'demo' AND p.familyName =~ '[A-Za-z]{4,}'
     WITH p.familyName AS name, collect(DISTINCT p.country) AS countries, collect(DISTINCT p.caseId) AS cases, count(*) AS people
     WHERE size(countries) = 2 AND size(cases) >= 2 AND people <= 20
     RETURN name, cases[0] AS caseId ORDER BY people DESC, name LIMIT 1`,
  );
  if (!records[0]) throw new Error('The demo data has no family name used in both countries.');
  const caseId = records[0].get('caseId') as string;
  const { records: inCase } = await stack.driver.executeQuery(
    `MATCH (c:Case {id: $caseId}) OPTIONAL MATCH (n:Entity {caseId: $caseId}) RETURN c.reference AS reference, collect(n.label) AS labels`,
    { caseId },
  );
  fixture = {
    familyName: records[0].get('name') as string,
    caseId,
    caseReference: inCase[0].get('reference') as string,
    caseLabels: new Set(inCase[0].get('labels') as string[]),
  };
});

afterAll(async () => {
  await stack?.close();
});

const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const filtersGroup = (page: Page) => page.getByRole('group', { name: 'Search filters' });

/** The labels of the hits shown now, read from their "Add … to chart" buttons. */
async function hitLabels(page: Page): Promise<string[]> {
  const buttons = await results(page).getByRole('button').all();
  const names = await Promise.all(buttons.map((button) => button.getAttribute('aria-label')));
  return names.map((name) => (name ?? '').replace(/^Add /, '').replace(/ to chart$/, ''));
}

async function badgeCount(page: Page, country: 'nl' | 'be'): Promise<number> {
  return results(page).locator(`.country-badge.country-${country}`).count();
}

describe('search filters in the browser', () => {
  it('narrows results by country and by case', async () => {
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await searchField(page).fill(fixture.familyName);
    await eventually(() => badgeCount(page, 'nl')).toBeGreaterThan(0);
    await eventually(() => badgeCount(page, 'be')).toBeGreaterThan(0);

    // Tab from the search field reaches the filters.
    await searchField(page).press('Tab');
    await page.keyboard.press('Enter');
    await filtersGroup(page).waitFor();

    await filtersGroup(page).getByLabel('Belgium (BE)').check();
    await eventually(() => badgeCount(page, 'nl')).toBe(0);
    expect(await badgeCount(page, 'be')).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Filters \(1\)/ }).count()).toBe(1);

    // Country off, one case on: every hit belongs to that case.
    await filtersGroup(page).getByLabel('Belgium (BE)').uncheck();
    await filtersGroup(page).getByLabel(new RegExp(fixture.caseReference.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).check();
    await eventually(async () => {
      const labels = await hitLabels(page);
      return labels.length > 0 && labels.every((label) => fixture.caseLabels.has(label));
    }).toBe(true);

    // Escape on an empty field clears the filters too.
    await searchField(page).fill('');
    await searchField(page).press('Escape');
    await eventually(() => page.getByRole('button', { name: /^Filters ▴/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is reachable from anywhere with "/" and Ctrl+F, and says how it read an identifier', async () => {
    const phone = await findPhoneToLookUp(stack.driver);
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    const focused = () => page.evaluate(`document.activeElement && document.activeElement.getAttribute('aria-label')`);

    await chartStatus(page).click();
    expect(await focused()).not.toBe('Search entities');
    await page.keyboard.press('/');
    expect(await focused()).toBe('Search entities');
    await chartStatus(page).click();
    await page.keyboard.press('Control+F');
    expect(await focused()).toBe('Search entities');

    await page.keyboard.type(phone.typed);
    await eventually(() => page.locator('.search-meta').textContent()).toContain(`read as phone ${phone.e164}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
