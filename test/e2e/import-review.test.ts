// Import → review → confirm → collapsed view, end to end in Chromium on the real stack with the scale-1 demo
// data. A Belgian register lists people the Dutch demo case also holds, written the Belgian way (capitals,
// dates as YYYY.MM.DD, Windows-1252 with ';'). The analyst imports it through the import dialog, follows the
// progress to the summary, opens the new match candidates, confirms the pair of an imported record and its
// Dutch record, and the chart collapses them into one entity that shows both countries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { generateDemo } from '../../demo-data/generate';
import type { DemoNode } from '../../demo-data/demo-records';
import { tempDataDir } from '../setup/temp-data-dir';
import { chartStatus, openMoreMenu } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

const FILE_NAME = 'rijksregister-e2e.csv';
const CASE_ID = 'CASE-BE-E2E-IMPORT';

let stack: WorkbenchUnderTest;
let dutchPerson: DemoNode;

/** Dutch demo persons that are one real person each (no other record of them), with a date of birth. */
function singleDutchPersons(count: number): DemoNode[] {
  const demo = generateDemo({ scale: 1 });
  const grouped = new Set(demo.groundTruth.entities.filter((e) => e.recordIds.length > 1).flatMap((e) => e.recordIds));
  return demo.entities
    .filter((n) => n.type === 'Person' && n.props.country === 'NL' && typeof n.props.dateOfBirth === 'string' && !grouped.has(n.id))
    .slice(0, count);
}

/** The Belgian way of writing the same people: family name in capitals, date as YYYY.MM.DD, Windows-1252. */
function belgianRegister(people: DemoNode[]): Buffer {
  const rows = ['Naam;Voornamen;Geboortedatum;Geslacht;Rijksregisternummer;Nationaliteit;Straat;Huisnummer;Postcode;Gemeente;Telefoon'];
  for (const p of people) {
    const dob = String(p.props.dateOfBirth).replace(/-/g, '.');
    rows.push(`${String(p.props.familyName).toUpperCase()};${p.props.givenName};${dob};${p.props.gender === 'F' ? 'V' : 'M'};;NL;;;;;`);
  }
  rows.push('DE CLERCQ;Frédérique;1988.02.29;V;;BE;Groenplaats;3;2000;Antwerpen;0475 12 34 56');
  return Buffer.from(rows.join('\r\n'), 'latin1');
}

beforeAll(async () => {
  // Uploaded files and their rejects files go to the data dir: keep them out of the user's real one.
  process.env.SCHAKEL_DATA_DIR = tempDataDir();
  stack = await startWorkbenchUnderTest();
  // A clean queue and no earlier import of this case, so the run below proposes the pairs afresh.
  await stack.driver.executeQuery('MATCH (m:MatchCandidate) DETACH DELETE m');
  await stack.driver.executeQuery('MATCH ()-[s:SAME_AS]->() DELETE s');
  await stack.driver.executeQuery('MATCH (n {caseId: $caseId}) DETACH DELETE n', { caseId: CASE_ID });
  dutchPerson = singleDutchPersons(2)[0];
}, 300_000);

afterAll(async () => {
  // Leave the shared e2e database as the demo seed made it: other test files count entities and candidates.
  await stack?.driver.executeQuery('MATCH (n) WHERE n.caseId = $caseId OR n.id = $caseId DETACH DELETE n', { caseId: CASE_ID });
  await stack?.driver.executeQuery(
    'MATCH (m:MatchCandidate) WHERE NOT EXISTS { MATCH (l:Entity {id: m.leftId}) } OR NOT EXISTS { MATCH (r:Entity {id: m.rightId}) } DETACH DELETE m',
  );
  await stack?.close();
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 90_000, interval: 200 });

describe('import and review', () => {
  it('imports a Belgian register, confirms an imported record with its Dutch record and collapses them', { timeout: 300_000 }, async () => {
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();

    // Choose the file: the preview shows what was detected and the first rows.
    await openMoreMenu(page);
    await page.getByRole('button', { name: 'Import records…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import records' });
    await dialog.getByLabel('File to import').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: belgianRegister(singleDutchPersons(2)) });
    const detected = dialog.getByLabel('Detected format');
    await eventually(() => detected.textContent()).toContain('WINDOWS-1252');
    expect(await detected.textContent()).toContain('delimiter ";"');
    const preview = dialog.getByRole('table', { name: 'File preview' });
    await expect.poll(() => preview.textContent()).toContain('Frédérique');
    expect(await preview.textContent()).toContain(String(dutchPerson.props.familyName).toUpperCase());

    // Pick the Belgian register example and put the records in a case of our own.
    await dialog.getByLabel('Import specification').selectOption('be-person-register.json');
    expect(await dialog.getByLabel('Specification (JSON)').inputValue()).toContain('"person-register"');
    await dialog.getByLabel('Case id').fill(CASE_ID);
    await dialog.getByLabel('Case reference').fill('AN.99.E2E/24');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    // Progress, then the summary with the counts and the new match candidates.
    const summary = dialog.getByRole('region', { name: 'Import summary' });
    await eventually(() => summary.getByRole('status').textContent()).toBe('Import completed.');
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toMatch(/Rows read\s*3/);
    expect(summaryText).toMatch(/Rejected\s*0/);
    expect(summaryText).toMatch(/Matched existing/);
    expect(summaryText).toMatch(/none \(no row was rejected\)/);
    expect(summaryText).toMatch(/\d+ new match candidates?/);
    await summary.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The review queue: the pair of the imported Belgian record and its Dutch record, side by side.
    const panel = page.getByRole('region', { name: 'Review matches' });
    await panel.getByLabel('Type').selectOption('Person');
    const card = panel.getByRole('listitem', { name: /^Candidate / }).filter({ hasText: FILE_NAME }).filter({ hasText: String(dutchPerson.props.label) }).first();
    await card.waitFor({ timeout: 60_000 });
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toMatch(/NL/);
    expect(cardText).toMatch(/BE/);
    const title = (await card.getAttribute('aria-label'))!.replace(/^Candidate /, '');
    await card.getByRole('textbox', { name: `Reason for ${title}` }).fill('same person in the Belgian register');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await eventually(() => panel.getByRole('status').textContent()).toContain(': confirmed.');

    const { records } = await stack.driver.executeQuery(
      'MATCH (a:Person {id: $id})-[s:SAME_AS]-(b:Person {caseId: $caseId}) RETURN count(s) AS n',
      { id: dutchPerson.id, caseId: CASE_ID },
    );
    expect(neo4j.integer.toNumber(records[0].get('n'))).toBe(1);

    // Both records on the chart, then collapsed into one entity that shows both countries.
    await panel.getByLabel('Status').selectOption('confirmed');
    await panel.getByRole('listitem', { name: `Candidate ${title}` }).getByRole('button', { name: 'Show on chart' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 1 link');
    await panel.getByRole('button', { name: 'Close' }).click();

    await openMoreMenu(page);

    await page.getByRole('checkbox', { name: 'Collapse confirmed duplicates' }).check();
    await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
    await page.getByRole('button', { name: /^Select/ }).click();
    await page.getByRole('menuitem', { name: 'Select all' }).click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await eventually(() => details.textContent()).toContain(CASE_ID);
    const detailsText = (await details.textContent()) ?? '';
    expect(detailsText).toContain(dutchPerson.id);
    expect(detailsText).toMatch(/NL/);
    expect(detailsText).toMatch(/BE/);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
