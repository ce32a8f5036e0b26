// The timeline (theme-line) view in Chromium against the real stack: lines and dated events for a demo
// chart, calls drawn as connectors between two lines, the time bar's window filtering it, and the
// selection following both ways (a choice on the timeline selects on the chart, and the other way round).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addFromSearch, chartStatus, waitUntilConnected } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

let stack: WorkbenchUnderTest;
let phone: { id: string; label: string; calls: { id: string; otherLabel: string }[]; neighbours: number };

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  // A demo phone with a number no other record shares, that called at least three other phones.
  const { records } = await stack.driver.executeQuery(
    `MATCH (ph:Phone) WHERE ph.dataset = 'demo' AND NOT EXISTS { MATCH (o:Phone) WHERE o.label = ph.label AND o <> ph }
     MATCH (ph)-[c:CALLED]-(other:Phone)
     WITH ph, collect({id: c.id, otherLabel: other.label}) AS calls
     WHERE size(calls) >= 3 AND COUNT { (ph)--() } < 40
     RETURN ph.id AS id, ph.label AS label, calls, COUNT { MATCH (ph)--(m) RETURN DISTINCT m } AS neighbours ORDER BY size(calls) DESC, ph.id LIMIT 1`,
  );
  if (!records[0]) throw new Error('The seeded demo data has no phone that called three others.');
  phone = { id: records[0].get('id'), label: records[0].get('label'), calls: records[0].get('calls'), neighbours: Number(records[0].get('neighbours')) };
});

afterAll(async () => {
  await stack?.close();
});

/** Waits for the UI to catch up; not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const timelineStatus = (page: Page) => timeline(page).getByRole('status');
const eventCount = async (page: Page) => Number(/(\d+) events/.exec((await timelineStatus(page).textContent()) ?? '')?.[1] ?? NaN);
const callEvent = (page: Page, callId: string) => timeline(page).locator(`[data-element-id="${callId}"]`);

describe('the timeline view', () => {
  it('draws lines and events for the selection, follows the time bar, and shares the selection with the chart', async () => {
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    await addFromSearch(page, phone.label, phone.label);
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await eventually(async () => Number(/^(\d+) entities/.exec((await chartStatus(page).textContent()) ?? '')?.[1])).toBe(phone.neighbours + 1);

    // Opened beside the chart; the selected phone is its one line, every call of it an event on that line.
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await eventually(() => timelineStatus(page).textContent()).toMatch(/^1 selected entity · \d+ events/);
    const lines = timeline(page).getByRole('list', { name: 'Lines' }).getByRole('button');
    expect(await lines.allTextContents()).toEqual([phone.label]);
    for (const call of phone.calls) {
      const event = callEvent(page, call.id);
      await eventually(() => event.getAttribute('aria-label')).toContain(`Called: ${phone.label} – ${call.otherLabel}`);
    }
    const allEvents = await eventCount(page);
    expect(allEvents).toBeGreaterThanOrEqual(phone.calls.length);

    // Nothing selected: the busiest entities become lines, and a call between two of them is a connector.
    await page.keyboard.press('Escape');
    await eventually(() => timelineStatus(page).textContent()).toMatch(/^Nothing selected: the \d+ most active entities/);
    expect(await lines.allTextContents()).toContain(phone.label);
    expect(await lines.count()).toBeGreaterThan(1);
    await eventually(() => timeline(page).locator('.timeline-event .connector').count()).toBeGreaterThan(0);

    // Timeline → chart: Enter on a call selects that link on the chart (the details show it); the lines stay.
    const chosen = callEvent(page, phone.calls[0].id);
    const linesBefore = await lines.allTextContents();
    await chosen.focus();
    await page.keyboard.press('Enter');
    await eventually(() => chosen.getAttribute('aria-pressed')).toBe('true');
    await eventually(() => page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).toBe('called');
    expect(await lines.allTextContents()).toEqual(linesBefore);
    // Arrow keys step through the events in time order.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate("document.activeElement?.closest('.timeline-event')?.getAttribute('data-element-id')")).not.toBe(phone.calls[0].id);
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('button');

    // Timeline → chart: a line's label selects its entity; chart → timeline: the line is marked selected.
    const phoneLine = lines.filter({ hasText: phone.label });
    await phoneLine.click();
    await eventually(() => page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).toBe(phone.label);
    await eventually(() => phoneLine.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await eventually(() => phoneLine.getAttribute('aria-pressed')).toBe('false');
    await addFromSearch(page, phone.label, phone.label); // already on the chart: selects it there
    await eventually(() => phoneLine.getAttribute('aria-pressed')).toBe('true');

    // The time bar's window filters the timeline too; "All times" brings every event back.
    await page.keyboard.press('Escape');
    await eventually(() => timelineStatus(page).textContent()).toMatch(/^Nothing selected/);
    const everything = await eventCount(page);
    const timeBar = page.getByRole('region', { name: 'Time bar' });
    await timeBar.getByRole('button', { name: 'Step forward' }).click();
    await eventually(() => timelineStatus(page).textContent()).toContain("follows the time bar's window");
    const inWindow = await eventCount(page);
    expect(inWindow).toBeLessThan(everything);
    await timeBar.getByRole('button', { name: 'All times' }).click();
    await eventually(() => eventCount(page)).toBe(everything);
    expect(await timelineStatus(page).textContent()).not.toContain('follows');

    // The toggle closes it again.
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await eventually(() => timeline(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
