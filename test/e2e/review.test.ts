// Review → confirm → collapsed view, end to end in Chromium on the real stack with the scale-1 demo data:
// the analyst runs entity resolution, reads a candidate pair side by side with its evidence and sources,
// confirms it with a reason, and the chart collapses the two countries' records into one entity, also when the
// SAME_AS link itself is not on the chart. In Dutch, the evidence reads in Dutch, with decimal commas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { chartStatus, chooseChartMenuItem, exportChartFile, openChartFile, openMoreMenu } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

let stack: WorkbenchUnderTest;

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  // Start from an empty queue so the first candidate is the strongest Person pair of this run.
  await stack.driver.executeQuery('MATCH (m:MatchCandidate) DETACH DELETE m');
  await stack.driver.executeQuery('MATCH ()-[s:SAME_AS]->() DELETE s');
});

afterAll(async () => {
  await stack?.close();
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 60_000, interval: 200 });

describe('review matches', () => {
  it('runs resolution, confirms a cross-border pair with a reason and collapses it into one entity', async () => {
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();

    await page.getByRole('button', { name: 'Review matches' }).click();
    const panel = page.getByRole('region', { name: 'Review matches' });
    await panel.getByLabel('Type').selectOption('Person');
    await panel.getByRole('button', { name: 'Find matches' }).click();
    await eventually(() => panel.getByRole('status').textContent()).toMatch(/Resolution compared \d+ pairs: \d+ candidates/);

    const card = panel.getByRole('listitem', { name: /^Candidate / }).first();
    await card.waitFor();
    // Side by side: both countries, the evidence and where each record came from.
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toMatch(/NL/);
    expect(cardText).toMatch(/BE/);
    expect(cardText).toMatch(/Date of birth|dateOfBirth/i);
    expect(cardText).toMatch(/\.csv/);
    const title = (await card.getAttribute('aria-label'))!.replace(/^Candidate /, '');

    await card.getByRole('textbox', { name: `Reason for ${title}` }).fill('same person, Belgian spelling');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await eventually(() => panel.getByRole('status').textContent()).toContain(': confirmed.');

    // The SAME_AS link is in the database, stamped with who and why.
    const { records } = await stack.driver.executeQuery('MATCH ()-[s:SAME_AS]->() RETURN count(s) AS n, collect(s.reason)[0] AS reason, collect(s.by)[0] AS by');
    expect(neo4j.integer.toNumber(records[0].get('n'))).toBe(1);
    expect(records[0].get('reason')).toBe('same person, Belgian spelling');
    expect(String(records[0].get('by'))).not.toBe('');

    // Put the confirmed pair on the chart, then collapse it.
    await panel.getByLabel('Status').selectOption('confirmed');
    const confirmedCard = panel.getByRole('listitem', { name: `Candidate ${title}` });
    await confirmedCard.getByRole('button', { name: 'Show on chart' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 1 link');
    await panel.getByRole('button', { name: 'Close' }).click();

    await openMoreMenu(page);

    await page.getByRole('checkbox', { name: 'Collapse confirmed duplicates' }).check();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await page.getByRole('checkbox', { name: 'Collapse confirmed duplicates' }).uncheck();
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 1 link');

    // The same pair without its SAME_AS link on the chart still collapses: the confirmation is read from the database.
    const exported = await exportChartFile(page);
    expect(exported.links.map((link) => link.type)).toEqual(['SAME_AS']);
    await chooseChartMenuItem(page, 'New chart');
    await eventually(() => chartStatus(page).textContent()).toBe('0 entities, 0 links');
    await openChartFile(page, 'pair.schakel-chart.json', JSON.stringify({ ...exported, id: 'chart-e2e-pair-without-link', links: [] }));
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 0 links');
    await openMoreMenu(page);
    await page.getByRole('checkbox', { name: 'Collapse confirmed duplicates' }).check();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens with the real pending count and when resolution ran, and rejects all above a score in one decision', async () => {
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();
    const pendingInDatabase = async (minScore = -100) => {
      const { records } = await stack.driver.executeQuery(`MATCH (m:MatchCandidate {status: 'pending'}) WHERE m.score >= $minScore RETURN count(m) AS n`, { minScore });
      return neo4j.integer.toNumber(records[0].get('n'));
    };
    const pending = await pendingInDatabase();
    expect(pending).toBeGreaterThan(2);

    await page.getByRole('button', { name: 'Review matches' }).click();
    const panel = page.getByRole('region', { name: 'Review matches' });
    await eventually(() => panel.getByRole('status').textContent()).toBe(`${pending} pending candidates`);
    await panel.getByText(/Resolution last ran \d{2}[/-]\d{2}[/-]\d{4}/).waitFor();

    const { records } = await stack.driver.executeQuery(`MATCH (m:MatchCandidate {status: 'pending'}) RETURN m.score AS s ORDER BY s DESC SKIP 2 LIMIT 1`);
    const cut = Number(records[0].get('s'));
    const above = await pendingInDatabase(cut);
    await panel.getByLabel('Minimum score').fill(String(cut));
    await panel.getByText(`${above} candidate${above === 1 ? '' : 's'} score at least ${cut}`).waitFor();
    expect(await panel.getByRole('button', { name: 'Reject all' }).isDisabled()).toBe(true);
    await panel.getByLabel('Justification for all').fill('namesakes from the twins register, checked');
    await panel.getByRole('button', { name: 'Reject all' }).click();
    await eventually(() => panel.getByRole('status').textContent()).toBe(`${above} candidate${above === 1 ? '' : 's'} rejected in one decision.`);
    expect(await pendingInDatabase(cut)).toBe(0);
    expect(await pendingInDatabase()).toBe(pending - above);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a candidate\'s evidence in Dutch, and the English detail of a candidate stored before evidence had codes', async () => {
    const dutch = JSON.parse(readFileSync(new URL('../../renderer/src/i18n/locales/nl/review.json', import.meta.url), 'utf8')) as { comparison: Record<string, string> };
    // The first page of the queue, in the panel's order.
    const { records } = await stack.driver.executeQuery(`MATCH (m:MatchCandidate {status: 'pending'}) WITH m ORDER BY m.score DESC, m.id LIMIT 25 RETURN m.id AS id, m.evidence AS evidence`);
    const queue = records.map((record) => ({ id: String(record.get('id')), evidence: JSON.parse(String(record.get('evidence'))) as { field: string; weight: number; comparison: string; detail: string; code?: string }[] }));
    const coded = queue.findIndex((c) => c.evidence.some((e) => !Number.isInteger(e.weight)) && c.evidence.every((e) => e.code));
    const old = queue.findIndex((c, i) => i !== coded && c.evidence.length > 0);
    expect(coded).toBeGreaterThanOrEqual(0);
    expect(old).toBeGreaterThanOrEqual(0);
    const written = queue[old].evidence.map(({ field, comparison, weight, detail }) => ({ field, comparison, weight, detail }) as Record<string, unknown>);
    await stack.driver.executeQuery(`MATCH (m:MatchCandidate {id: $id}) SET m.evidence = $evidence`, { id: queue[old].id, evidence: JSON.stringify(written) });

    const { page, problems } = await stack.openPage({ locale: 'nl-BE' });
    await page.getByRole('button', { name: 'Matches beoordelen' }).click();
    const panel = page.getByRole('region', { name: 'Matches beoordelen' });
    const cards = panel.getByRole('listitem', { name: /^Kandidaat / });
    await eventually(() => cards.count()).toBe(queue.length);

    const evidence = cards.nth(coded).getByRole('list', { name: 'Bewijs' }).getByRole('listitem');
    const lines = await evidence.allTextContents();
    expect(lines).toHaveLength(queue[coded].evidence.length);
    const weight = new Intl.NumberFormat('nl-BE', { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
    queue[coded].evidence.forEach((e, i) => {
      expect(lines[i].startsWith(`${weight.format(e.weight)} `), lines[i]).toBe(true);
      expect(lines[i]).toContain(`(${dutch.comparison[e.comparison]}):`);
    });
    expect(lines.join('\n')).toMatch(/[+-]\d+,\d/);
    expect(lines.join('\n')).not.toMatch(/on both records| vs /);

    const oldLines = await cards.nth(old).getByRole('list', { name: 'Bewijs' }).getByRole('listitem').allTextContents();
    expect(oldLines.map((line) => line.slice(line.indexOf('): ') + 3))).toEqual(queue[old].evidence.map((e) => e.detail));

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
