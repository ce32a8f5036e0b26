// The analyst's first steps in browser mode, end to end: real Chromium, the built renderer, the web
// server, the backend and a real Neo4j with the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findPersonToInvestigate, findPhoneToLookUp, misspell, type PersonFixture } from './support/demo-fixtures';
import { chartStatus, openMoreMenu } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

let stack: WorkbenchUnderTest;
let person: PersonFixture;

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  person = await findPersonToInvestigate(stack.driver);
});

afterAll(async () => {
  await stack?.close();
});

/** Waits for the UI to catch up (the first query on a cold database can take seconds); not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

/** Search with a typo, add the person, expand: the flow the tests below check from different sides. */
async function investigatePerson(page: Page): Promise<void> {
  await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();
  const search = page.getByRole('combobox', { name: 'Search entities' });
  await search.fill(`${person.givenName} ${misspell(person.familyName)}`);
  const addButton = page.getByRole('button', { name: `Add ${person.label} to chart`, exact: true });
  await addButton.waitFor();
  await addButton.click();
  await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
  await page.getByRole('button', { name: 'Expand selected' }).click();
  await eventually(() => chartStatus(page).textContent()).not.toBe('1 entity, 0 links');
}

describe('workbench in the browser', () => {
  it('finds a person by a misspelt name, expands them, shows provenance and counts the chart right', async () => {
    const { page, problems } = await stack.openPage();
    // The token moved from the address bar into session storage.
    expect(page.url()).not.toContain('token=');

    await investigatePerson(page);

    // Every neighbour of the person in the database is now on the chart with every link to it.
    await eventually(() => chartStatus(page).textContent())
      .toBe(`${person.neighbours + 1} entities, ${person.links} links`);
    await eventually(() => page.getByText(/more neighbours not added/).count()).toBe(0);

    // The person is still selected: the details say where the record came from.
    const panel = details(page);
    await panel.getByRole('heading', { name: person.label }).waitFor();
    await panel.getByText('Where this came from').waitFor();
    await panel.getByText(person.sourceFile, { exact: false }).first().waitFor();
    expect(await panel.textContent()).toMatch(/Grading|Agency|Case/);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('finds a phone typed in another format than the one stored', async () => {
    const phone = await findPhoneToLookUp(stack.driver);
    const { page, problems } = await stack.openPage();
    await page.getByRole('combobox', { name: 'Search entities' }).fill(phone.typed);
    const option = page.getByRole('option').filter({ has: page.getByRole('button', { name: `Add ${phone.label} to chart`, exact: true }) });
    await option.first().waitFor();
    await eventually(() => option.first().textContent()).toMatch(/matched on phone/);

    // Keyboard: the first result is highlighted, Enter puts it on the chart.
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('refuses API requests without the launch token', async () => {
    const withoutToken = await fetch(`${stack.server.origin}/api/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: person.familyName }),
    });
    expect(withoutToken.status).toBe(401);
    const body = (await withoutToken.json()) as { ok: boolean; error?: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error?.code).toBe('UNAUTHORIZED');

    const wrongToken = await fetch(`${stack.server.origin}/api/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Schakel-Token': 'not-the-token' },
      body: JSON.stringify({ query: person.familyName }),
    });
    expect(wrongToken.status).toBe(401);

    // The same request with the token is answered: the refusal was about the token, nothing else.
    const withToken = await fetch(`${stack.server.origin}/api/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Schakel-Token': stack.server.token },
      body: JSON.stringify({ query: person.familyName }),
    });
    expect(withToken.status).toBe(200);
  });

  it('runs the whole flow without CSP violations or console errors', async () => {
    const { page, problems } = await stack.openPage();
    await investigatePerson(page);
    // Touch the rest of the page too: keyboard navigation, the connection dialog, fit, removal.
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill(person.familyName);
    await page.getByRole('option').first().waitFor();
    await search.press('ArrowDown');
    await search.press('ArrowUp');
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await openMoreMenu(page);
    await page.getByRole('button', { name: 'Connection…' }).click();
    await page.getByRole('dialog', { name: 'Connection' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Remove selected' }).click();
    // Status polling keeps running for a couple of cycles without complaint.
    await eventually(() => chartStatus(page).textContent()).toBe(`${person.neighbours} entities, 0 links`);

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    // The page needs no inline styles, so its policy does not allow them.
    expect(csp).toMatch(/style-src 'self';/);
    expect(problems).toEqual([]);

    // The watcher is not blind: an inline <style> is blocked by the policy and shows up as a problem.
    await page.evaluate(`document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{}' }))`);
    await eventually(() => problems.some((p) => /Content Security Policy/i.test(p))).toBe(true);
    await page.context().close();
  });
});
