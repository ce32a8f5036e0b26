// Court export and chart import from the UI, end to end: real Chromium, the built renderer, the web server,
// the backend and a real Neo4j with the demo data. The analyst builds a chart (search, add, expand), exports
// it with Ctrl+E after giving justification and recipient, sees every file with its SHA-256, downloads
// them, verifies them, and imports the exported GraphML back onto an empty chart.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExport } from '../../export/index';
import { pdfText } from '../support/pdf';
import { chartStatus, fieldsWhenOpened, watchDialogOpenings } from './support/chart-ui';
import { findPersonToInvestigate, type PersonFixture } from './support/demo-fixtures';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

// Exports go to <data dir>/exports: a fresh data dir keeps this run's files apart (read at export time).
const dataDir = mkdtempSync(join(tmpdir(), 'schakel-e2e-export-'));
const previousDataDir = process.env.SCHAKEL_DATA_DIR;
let stack: WorkbenchUnderTest;
let person: PersonFixture;

beforeAll(async () => {
  process.env.SCHAKEL_DATA_DIR = dataDir;
  stack = await startWorkbenchUnderTest(undefined, { dataDir });
  person = await findPersonToInvestigate(stack.driver);
});

afterAll(async () => {
  await stack?.close();
  if (previousDataDir === undefined) delete process.env.SCHAKEL_DATA_DIR;
  else process.env.SCHAKEL_DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Waits for the UI to catch up; not a timing check. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 60_000, interval: 100 });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The files of the newest export folder, by extension. */
function newestExport(): { folder: string; file: (extension: string) => string } {
  const exportsRoot = join(dataDir, 'exports');
  const folder = join(exportsRoot, readdirSync(exportsRoot).filter((name) => /^\d{8}T/.test(name)).sort().at(-1)!);
  const names = readdirSync(folder);
  return { folder, file: (extension) => join(folder, names.find((name) => name.endsWith(`.${extension}`))!) };
}

/** A gang of three with an H2 link between two members: the kind of chart where a vanished link misleads. */
function gangChart(): string {
  const person = (id: string, label: string, x: number, y: number) => ({
    id, type: 'Person', label, caseId: 'CASE-BE-2024-0099', country: 'BE', sourceId: `SRC-${id}`, sourceReliability: 'B', informationReliability: '2', handling: 'H0', properties: {}, position: { x, y },
  });
  const link = (id: string, type: string, source: string, target: string, handling: string) => ({
    id, type, source, target, caseId: 'CASE-BE-2024-0099', country: 'BE', sourceId: `SRC-${id}`, handling, properties: {},
  });
  return JSON.stringify({
    format: 'schakel-chart',
    version: 1,
    id: 'gang-e2e',
    title: 'Gang e2e',
    entities: [person('P-E2E-1', 'Karel Peeters', 0, 0), person('P-E2E-2', 'Luc Janssens', 240, 0), person('P-E2E-3', 'Wim Maes', 120, 200), { ...person('G-E2E-1', 'Bende Noord', 120, -200), type: 'Gang' }],
    links: [
      link('R-E2E-M1', 'MEMBER_OF', 'P-E2E-1', 'G-E2E-1', 'H0'),
      link('R-E2E-M2', 'MEMBER_OF', 'P-E2E-2', 'G-E2E-1', 'H0'),
      link('R-E2E-A1', 'ASSOCIATE_OF', 'P-E2E-1', 'P-E2E-3', 'H2'),
    ],
  });
}

/** Pixels of the classification red (#B91C1C) in the top tenth of a PNG, counted by Chromium's own decoder. */
async function pngFacts(page: Page, png: Buffer): Promise<{ width: number; height: number; markingPixels: number }> {
  // Runs in the page (a string: the test project has no DOM types).
  return page.evaluate(`(async (base64) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + base64;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const band = context.getImageData(0, 0, canvas.width, Math.round(canvas.height / 10)).data;
    let markingPixels = 0;
    for (let index = 0; index < band.length; index += 4) {
      if (Math.abs(band[index] - 0xb9) < 40 && band[index + 1] < 80 && band[index + 2] < 80) markingPixels++;
    }
    return { width: image.naturalWidth, height: image.naturalHeight, markingPixels };
  })(${JSON.stringify(png.toString('base64'))})`);
}

async function buildChart(page: Page): Promise<string> {
  await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 90_000 });
  await page.getByRole('combobox', { name: 'Search entities' }).fill(person.label);
  const addButton = page.getByRole('button', { name: `Add ${person.label} to chart`, exact: true });
  await addButton.waitFor();
  await addButton.click();
  await eventually(() => chartStatus(page).textContent()).toBe('1 entity, 0 links');
  await page.getByRole('button', { name: 'Expand selected' }).click();
  await eventually(() => chartStatus(page).textContent()).toBe(`${person.neighbours + 1} entities, ${person.links} links`);
  return (await chartStatus(page).textContent()) ?? '';
}

describe('court export from the UI', () => {
  it('exports every format with justification and recipient, lists the SHA-256, offers downloads, verifies, and imports back', async () => {
    const { page, problems } = await stack.openPage();
    const builtStatus = await buildChart(page);

    // Ctrl+E opens the export dialog.
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export chart' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Author').inputValue(), { timeout: 10_000 }).not.toBe('');

    // Justification and recipient are required: the form does not submit without them.
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    expect(await dialog.getByLabel('Justification (required)').evaluate((field: { validity: { valueMissing: boolean } }) => field.validity.valueMissing)).toBe(true);

    await dialog.getByLabel('Justification (required)').fill('Vordering onderzoeksrechter AN.12.34.2024');
    await dialog.getByLabel('Recipient (required)').fill('Onderzoeksrechter Antwerpen');
    await dialog.getByLabel('Case reference').fill('JIT NL-BE 2024/0007');
    await dialog.getByLabel('Organisation').fill('Politie Zeeland-West-Brabant');
    const restricted = await dialog.getByRole('list', { name: 'Restricted items' }).count();
    if (restricted > 0) await dialog.getByLabel('Leave them out (listed in the manifest only)').check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    const result = page.getByRole('dialog', { name: 'Export written' });
    await result.waitFor({ timeout: 60_000 });
    const table = result.getByRole('table', { name: 'Exported files' });
    const rows = table.getByRole('row');
    await eventually(() => rows.count()).toBe(1 + 7); // header + pdf, svg, graphml, anx, json, png, manifest

    // The files on disk are the ones listed, with the listed SHA-256.
    const exportsRoot = join(dataDir, 'exports');
    const [exportId] = readdirSync(exportsRoot).filter((name) => /^\d{8}T/.test(name));
    expect(exportId).toBeDefined();
    const folder = join(exportsRoot, exportId!);
    const names = readdirSync(folder).sort();
    expect(names.map((name) => name.replace(/^.*?\./, ''))).toEqual(['anx', 'graphml', 'manifest.json', 'pdf', 'png', 'schakel.json', 'svg']);
    const tableText = (await table.textContent()) ?? '';
    for (const name of names) {
      expect(tableText).toContain(name);
      expect(tableText).toContain(sha256(readFileSync(join(folder, name))));
    }
    const manifestName = names.find((name) => name.endsWith('.manifest.json'))!;
    const report = await verifyExport(join(folder, manifestName));
    expect(report.ok, report.message).toBe(true);
    expect(report.manifest.recipient).toBe('Onderzoeksrechter Antwerpen');
    expect(report.files.map((file) => file.name.replace(/^.*?\./, ''))).toEqual(['pdf', 'svg', 'graphml', 'anx', 'schakel.json', 'png']);
    expect(readFileSync(join(folder, names.find((name) => name.endsWith('.png'))!)).subarray(1, 4).toString()).toBe('PNG');
    // The disclosure is in the audit log, with its justification, recipient and the export's files.
    const audit = await fetch(`${stack.server.origin}/api/listAuditEntries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Schakel-Token': stack.server.token },
      body: JSON.stringify({ category: 'disclosure' }),
    });
    const auditBody = (await audit.json()) as { ok: boolean; result?: { entries: { recipient?: string; justification?: string; details?: Record<string, unknown> }[] } };
    expect(auditBody.ok).toBe(true);
    const disclosure = auditBody.result!.entries.find((entry) => entry.details?.exportId === exportId);
    expect(disclosure).toMatchObject({ recipient: 'Onderzoeksrechter Antwerpen', justification: 'Vordering onderzoeksrechter AN.12.34.2024' });

    // The page offers each file as a download: the bytes downloaded are the bytes in the manifest.
    const pdfName = names.find((name) => name.endsWith('.pdf'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: `Download ${pdfName}` }).click()]);
    expect(download.suggestedFilename()).toBe(pdfName);
    const downloadedPath = join(dataDir, 'downloaded.pdf');
    await download.saveAs(downloadedPath);
    expect(sha256(readFileSync(downloadedPath))).toBe(report.files.find((file) => file.name === pdfName)!.expectedSha256);

    await result.getByRole('button', { name: 'Verify files' }).click();
    await eventually(() => result.getByRole('status', { name: 'Verification' }).textContent()).toMatch(/^Verified: All 6 file\(s\) match/);
    await result.getByRole('button', { name: 'Close' }).click();

    // Import the exported GraphML onto an empty chart: the same elements come back.
    await page.getByRole('button', { name: 'Clear chart' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('0 entities, 0 links');
    const graphmlName = names.find((name) => name.endsWith('.graphml'))!;
    await page.getByLabel('Chart file to import').setInputFiles(join(folder, graphmlName));
    const imported = page.getByRole('dialog', { name: 'Chart imported' });
    await imported.waitFor();
    const withheld = report.manifest.disclosure.withheld;
    const exportedEntities = report.manifest.chart.entityCount;
    const exportedLinks = report.manifest.chart.linkCount;
    await eventually(() => imported.getByRole('status', { name: 'Import result' }).textContent()).toContain(`${exportedEntities} entities and ${exportedLinks} links added`);
    await imported.getByRole('button', { name: 'Close' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe(`${exportedEntities} entities, ${exportedLinks} links`);
    if (withheld.length === 0) expect(`${exportedEntities} entities, ${exportedLinks} links`).toBe(builtStatus);

    expect(problems.join('\n')).toBe('');
    await page.context().close();
  });

  it('shows what the import noticed and refuses unsafe XML with a plain message', async () => {
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 90_000 });
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="n1"><data key="type">Spaceship</data><data key="label">Millennium Falcon</data></node>
    <node id="n2"><data key="type">Person</data><data key="label">Han</data></node>
    <edge id="e1" source="n2" target="n1"/>
  </graph>
</graphml>`;
    await page.getByLabel('Chart file to import').setInputFiles({ name: 'gephi.graphml', mimeType: 'application/xml', buffer: Buffer.from(graphml) });
    const imported = page.getByRole('dialog', { name: 'Chart imported' });
    await imported.waitFor();
    expect(await imported.getByRole('list', { name: 'Import notices' }).textContent()).toMatch(/Spaceship/);
    await imported.getByRole('button', { name: 'Close' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('2 entities, 1 link');

    const xxe = `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml><graph><node id="a"><data key="label">&x;</data></node></graph></graphml>`;
    await page.getByLabel('Chart file to import').setInputFiles({ name: 'evil.graphml', mimeType: 'application/xml', buffer: Buffer.from(xxe) });
    const alert = page.getByRole('alert').filter({ hasText: /.+/ });
    await eventually(() => alert.first().textContent()).toMatch(/DOCTYPE|entit/i);
    expect(await chartStatus(page).textContent()).toBe('2 entities, 1 link');
    // A refused request is reported as a 400 on the console by Chromium; anything else is a problem.
    expect(problems.filter((problem) => !/status of 400/.test(problem)).join('\n')).toBe('');
    await page.context().close();
  });

  it('marks a withheld link in place in every format, paints the PNG at paper size with its marking, and starts each export from the chart', async () => {
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 90_000 });
    await page.getByLabel('Chart file to import').setInputFiles({ name: 'gang.json', mimeType: 'application/json', buffer: Buffer.from(gangChart()) });
    await page.getByRole('dialog', { name: 'Chart imported' }).getByRole('button', { name: 'Close' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('4 entities, 3 links');
    const title = 'Bende Noord — export e2e';
    await watchDialogOpenings(page);
    await page.keyboard.press('Control+S');
    const saveAs = page.getByRole('dialog', { name: 'Save chart as' });
    await saveAs.waitFor();
    expect(await fieldsWhenOpened(page, 'Save chart as')).toEqual({ 'Chart title': '' });
    await saveAs.getByLabel('Chart title').fill(title);
    await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => page.getByRole('status', { name: 'Save status' }).textContent()).toMatch(/^Saved/);

    // The dialog belongs to the chart: its saved title and its case; nothing of a disclosure pre-filled.
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export chart' });
    await dialog.waitFor();
    // Opened on the saved chart's title, never on the title it had before it was saved.
    expect((await fieldsWhenOpened(page, 'Export chart'))?.['Title']).toBe(title);
    expect(await dialog.getByLabel('Title').inputValue()).toBe(title);
    expect(await dialog.getByLabel('Case reference').inputValue()).toBe('CASE-BE-2024-0099');
    expect(await dialog.getByLabel('Justification (required)').inputValue()).toBe('');
    expect(await dialog.getByLabel('Recipient (required)').inputValue()).toBe('');
    await eventually(() => dialog.getByLabel('Document language').locator('option').count()).toBe(5);
    await dialog.getByLabel('Document language').selectOption('en');
    await dialog.getByLabel('Classification marking').fill('CONFIDENTIAL');
    await dialog.getByLabel('Justification (required)').fill('Vordering onderzoeksrechter LI.55.2024');
    await dialog.getByLabel('Recipient (required)').fill('Onderzoeksrechter Luik');
    await dialog.getByLabel('Leave them out (listed in the manifest only)').check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const result = page.getByRole('dialog', { name: 'Export written' });
    await result.waitFor({ timeout: 60_000 });
    await eventually(() => result.getByRole('table', { name: 'Exported files' }).getByRole('row').count()).toBe(1 + 7);
    await result.getByRole('button', { name: 'Close' }).click();

    // The withheld link is drawn where it was, by its code only, in the PDF, the SVG and the GraphML.
    const exported = newestExport();
    const pdf = await pdfText(exported.file('pdf'));
    expect(pdf).toContain('withheld under H2');
    expect(pdf).toMatch(/1 item\(s\) were withheld under handling codes H1\/H2/);
    // The PDF's metadata names the saved chart, not an "unsaved-chart".
    const pdfBytes = readFileSync(exported.file('pdf'), 'latin1');
    expect(pdfBytes).toMatch(/\(Schakel chart chart-[0-9a-f-]+\)/);
    expect(pdfBytes).not.toContain('unsaved-chart');
    const svg = readFileSync(exported.file('svg'), 'utf8');
    expect(svg).toMatch(/<g data-withheld="H2" data-marker="withheld-link-1">/);
    expect(svg).not.toContain('R-E2E-A1');
    const graphml = readFileSync(exported.file('graphml'), 'utf8');
    expect(graphml).toMatch(/<edge id="withheld-link-1" source="P-E2E-1" target="P-E2E-3">\s*<data key="withheld">H2<\/data>/);
    // The PNG is the A4 landscape sheet at 150 dpi, with the classification marking drawn in at the top.
    const png = await pngFacts(page, readFileSync(exported.file('png')));
    expect({ width: png.width, height: png.height }).toEqual({ width: 1754, height: 1240 });
    expect(png.markingPixels).toBeGreaterThan(50);

    // The next export starts empty again (no justification or recipient carried over), in the language
    // remembered for this case; Esc closes the dialog.
    await page.keyboard.press('Control+e');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Justification (required)').inputValue()).toBe('');
    expect(await dialog.getByLabel('Recipient (required)').inputValue()).toBe('');
    expect(await dialog.getByLabel('Title').inputValue()).toBe(title);
    expect(await dialog.getByLabel('Document language').inputValue()).toBe('en');
    await dialog.getByLabel('Document language').selectOption('fr-BE');
    expect(await dialog.getByLabel('Classification marking').inputValue()).toBe('CONFIDENTIEL');
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await eventually(() => dialog.isVisible()).toBe(false);

    expect(problems.join('\n')).toBe('');
    await page.context().close();
  });
});
