// Export = screen, pixel by pixel: the same chart drawn by Cytoscape on screen and by the court export (its SVG,
// and the PNG painted from it at paper size) is compared over the chart area at the same scale. Colours, type
// shapes and icons, country rings and flags, link colours and positions must agree; what may differ is the
// anti-aliasing of edges and glyphs, which pixelmatch's threshold and a small budget absorb.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { chartStatus } from './support/chart-ui';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

const dataDir = mkdtempSync(join(tmpdir(), 'schakel-e2e-export-pixels-'));
const previousDataDir = process.env.SCHAKEL_DATA_DIR;
let stack: WorkbenchUnderTest;

beforeAll(async () => {
  process.env.SCHAKEL_DATA_DIR = dataDir;
  stack = await startWorkbenchUnderTest(undefined, { dataDir });
});

afterAll(async () => {
  await stack?.close();
  if (previousDataDir === undefined) delete process.env.SCHAKEL_DATA_DIR;
  else process.env.SCHAKEL_DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 60_000, interval: 100 });

/** Every entity type the demo has, from both countries, joined by links of several colours. */
function mixedChart(): string {
  const entity = (id: string, type: string, label: string, country: 'BE' | 'NL', x: number, y: number) => ({
    id, type, label, caseId: country === 'BE' ? 'CASE-BE-2024-0099' : 'CASE-NL-2024-0042', country, sourceId: `SRC-${id}`, handling: 'H0', properties: {}, position: { x, y },
  });
  const link = (id: string, type: string, source: string, target: string) => ({
    id, type, source, target, caseId: 'CASE-BE-2024-0099', country: 'BE', sourceId: `SRC-${id}`, handling: 'H0', properties: {},
  });
  return JSON.stringify({
    format: 'schakel-chart',
    version: 1,
    id: 'pixels-e2e',
    title: 'Pixels e2e',
    entities: [
      entity('P-PX-1', 'Person', 'Karel Peeters', 'BE', 0, 0),
      entity('P-PX-2', 'Person', 'Jan de Vries', 'NL', 260, 0),
      entity('G-PX-1', 'Gang', 'Bende Noord', 'BE', 130, -170),
      entity('V-PX-1', 'Vehicle', '1-ABC-123', 'BE', -40, 190),
      entity('T-PX-1', 'Phone', '+32 470 12 34 56', 'BE', 140, 170),
      entity('T-PX-2', 'Phone', '+31 6 12345678', 'NL', 330, 190),
      entity('L-PX-1', 'Location', 'Antwerpen', 'BE', -180, 60),
      entity('I-PX-1', 'Incident', 'Overval', 'NL', 420, 40),
    ],
    links: [
      link('R-PX-1', 'MEMBER_OF', 'P-PX-1', 'G-PX-1'),
      link('R-PX-2', 'MEMBER_OF', 'P-PX-2', 'G-PX-1'),
      link('R-PX-3', 'OWNS', 'P-PX-1', 'V-PX-1'),
      link('R-PX-4', 'USES', 'P-PX-1', 'T-PX-1'),
      link('R-PX-5', 'USES', 'P-PX-2', 'T-PX-2'),
      { ...link('R-PX-6', 'CALLED', 'T-PX-1', 'T-PX-2'), count: 4 },
      link('R-PX-7', 'LIVES_AT', 'P-PX-1', 'L-PX-1'),
      link('R-PX-8', 'INVOLVED_IN', 'P-PX-2', 'I-PX-1'),
    ],
  });
}

/** The part of the chart compared, in chart (model) coordinates: every node with its label. */
const AREA = { minX: -230, minY: -210, maxX: 470, maxY: 240 };

/** The chart's Cytoscape instance, which it keeps on its container (`_cyreg`). */
const CY = `[...document.querySelectorAll('div')].find((element) => element._cyreg && element._cyreg.cy)._cyreg.cy`;

/** Where the compared area starts inside the chart container: clear of the buttons floating over the chart. */
const INSET = { x: 20, y: 70 };

/** Places the entities where mixedChart() has them, as an analyst dragging them there would, once any layout has settled. */
async function placeEntities(page: Page): Promise<void> {
  const positions = `() => JSON.stringify(${CY}.nodes().map((node) => node.position()))`;
  let previous = '';
  await eventually(async () => {
    const now = (await page.evaluate(`(${positions})()`)) as string;
    const settled = now === previous;
    previous = now;
    return settled;
  }).toBe(true);
  const wanted = Object.fromEntries((JSON.parse(mixedChart()) as { entities: { id: string; position: { x: number; y: number } }[] }).entities.map((entity) => [entity.id, entity.position]));
  await page.evaluate(`(() => {
    const cy = ${CY};
    const wanted = ${JSON.stringify(wanted)};
    cy.nodes().forEach((node) => { node.position(wanted[node.id()]); node.emit('dragfree'); });
  })()`);
}

/** Puts the on-screen chart at `zoom` with the area's top-left corner at INSET in the container, nothing selected, on white. */
async function placeScreenChart(page: Page, zoom: number): Promise<{ x: number; y: number }> {
  // A string: the test project has no DOM types. The dotted backdrop is the page's, not the chart's: white, as on paper.
  const box = await page.evaluate(`(() => {
    const cy = ${CY};
    cy.container().style.background = '#FFFFFF';
    cy.elements().unselect();
    cy.viewport({ zoom: ${zoom}, pan: { x: ${INSET.x} - ${AREA.minX} * ${zoom}, y: ${INSET.y} - ${AREA.minY} * ${zoom} } });
    const rect = cy.container().getBoundingClientRect();
    return { x: rect.left, y: rect.top };
  })()`);
  return box as { x: number; y: number };
}

/** The screen's pixels of the area at `zoom`, once Cytoscape has drawn the detailed elements. */
async function screenArea(page: Page, zoom: number): Promise<PNG> {
  const origin = await placeScreenChart(page, zoom);
  // A few animation frames: the level of detail restyles after the viewport event, Cytoscape then redraws.
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))))`);
  const width = Math.round((AREA.maxX - AREA.minX) * zoom);
  const height = Math.round((AREA.maxY - AREA.minY) * zoom);
  const shot = await page.screenshot({ clip: { x: origin.x + INSET.x, y: origin.y + INSET.y, width, height } });
  return PNG.sync.read(shot);
}

/** The exported SVG painted by Chromium at `scale`, cut to the same area (the chart group's translate gives the offset). */
async function svgArea(page: Page, svg: string, scale: number): Promise<PNG> {
  const [, tx, ty] = /<g id="chart" transform="translate\(([-\d.]+) ([-\d.]+)\)">/.exec(svg)!.map(Number);
  const width = Math.round((AREA.maxX - AREA.minX) * scale);
  const height = Math.round((AREA.maxY - AREA.minY) * scale);
  const base64 = await page.evaluate(`(async () => {
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(${JSON.stringify(svg)});
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = ${width};
    canvas.height = ${height};
    const context = canvas.getContext('2d');
    context.fillStyle = '#FFFFFF';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.setTransform(${scale}, 0, 0, ${scale}, ${-(tx! + AREA.minX) * scale}, ${-(ty! + AREA.minY) * scale});
    context.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png').replace(/^data:image\\/png;base64,/, '');
  })()`);
  return PNG.sync.read(Buffer.from(base64 as string, 'base64'));
}

/** The PNG export's pixels of the area: the drawing sits at the top of the sheet, centred across, scaled to fit. */
function pngArea(png: PNG, svg: string, placement: { scale: number; x: number }): PNG {
  const [, tx, ty] = /<g id="chart" transform="translate\(([-\d.]+) ([-\d.]+)\)">/.exec(svg)!.map(Number);
  const left = Math.round(placement.x + (tx! + AREA.minX) * placement.scale);
  const top = Math.round((ty! + AREA.minY) * placement.scale);
  const width = Math.round((AREA.maxX - AREA.minX) * placement.scale);
  const height = Math.round((AREA.maxY - AREA.minY) * placement.scale);
  const area = new PNG({ width, height });
  PNG.bitblt(png, area, left, top, width, height, 0, 0);
  return area;
}

/**
 * What may differ beyond anti-aliasing. Over the whole area: text, which Cytoscape draws through a cached
 * texture a little softer and up to half a pixel off the export's vector text (about 8 % of the painted pixels
 * here; the links' type labels missing from the export came to about 15 %). Within each entity's box: under
 * 1 % here, where a wrong colour, shape or icon, or a missing flag (9 % of the box) differs by far more.
 */
const BUDGET = { area: 0.12, entity: 0.03 };
/** pixelmatch's colour distance (0–1) under which two pixels count as the same; text softness stays under it. */
const THRESHOLD = { area: 0.3, entity: 0.2 };

interface Comparison {
  /** Pixels that differ beyond anti-aliasing, as a share of the pixels either picture paints (not white). */
  differingShare: number;
  painted: number;
}

function compare(name: string, screen: PNG, exported: PNG): Comparison {
  expect({ width: exported.width, height: exported.height }).toEqual({ width: screen.width, height: screen.height });
  const diff = new PNG({ width: screen.width, height: screen.height });
  const differing = pixelmatch(screen.data, exported.data, diff.data, screen.width, screen.height, { threshold: THRESHOLD.area, includeAA: false });
  let painted = 0;
  for (let index = 0; index < screen.data.length; index += 4) {
    const ink = (data: Buffer) => data[index]! < 245 || data[index + 1]! < 245 || data[index + 2]! < 245;
    if (ink(screen.data) || ink(exported.data)) painted++;
  }
  // Written to the folder SCHAKEL_KEEP_PIXEL_DIFFS names, for a person looking into a failure.
  if (process.env.SCHAKEL_KEEP_PIXEL_DIFFS) {
    for (const [suffix, image] of [['screen', screen], ['export', exported], ['diff', diff]] as const) {
      writeFileSync(join(process.env.SCHAKEL_KEEP_PIXEL_DIFFS, `${name}-${suffix}.png`), PNG.sync.write(image));
    }
  }
  return { differingShare: differing / Math.max(1, painted), painted };
}

/** Every entity's figure (shape, fill, ring, icon, flag) compared on its own: pixels differing per node, as a share of its box. */
function compareEntities(screen: PNG, exported: PNG, scale: number): Record<string, number> {
  const half = Math.ceil(21 * scale);
  const shares: Record<string, number> = {};
  for (const entity of (JSON.parse(mixedChart()) as { entities: { id: string; position: { x: number; y: number } }[] }).entities) {
    const left = Math.round((entity.position.x - AREA.minX) * scale) - half;
    const top = Math.round((entity.position.y - AREA.minY) * scale) - half;
    const [a, b] = [screen, exported].map((image) => {
      const box = new PNG({ width: 2 * half, height: 2 * half });
      PNG.bitblt(image, box, left, top, 2 * half, 2 * half, 0, 0);
      return box;
    });
    shares[entity.id] = pixelmatch(a!.data, b!.data, undefined, 2 * half, 2 * half, { threshold: THRESHOLD.entity, includeAA: false }) / (4 * half * half);
  }
  return shares;
}

function newestExportFile(extension: string): string {
  const exportsRoot = join(dataDir, 'exports');
  const folder = join(exportsRoot, readdirSync(exportsRoot).filter((name) => /^\d{8}T/.test(name)).sort().at(-1)!);
  return join(folder, readdirSync(folder).find((name) => name.endsWith(`.${extension}`))!);
}

describe('export = screen', () => {
  it('draws the chart in the SVG and the PNG as the screen shows it: same colours, shapes, icons, flags and positions', async () => {
    const { page, problems } = await stack.openPage({ viewport: { width: 2400, height: 1400 } });
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 90_000 });
    await page.getByLabel('Chart file to import').setInputFiles({ name: 'pixels.json', mimeType: 'application/json', buffer: Buffer.from(mixedChart()) });
    await page.getByRole('dialog', { name: 'Chart imported' }).getByRole('button', { name: 'Close' }).click();
    await eventually(() => chartStatus(page).textContent()).toBe('8 entities, 8 links');
    await placeEntities(page);

    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export chart' });
    await dialog.waitFor();
    await dialog.getByLabel('Justification (required)').fill('Vordering onderzoeksrechter AN.77.2024');
    await dialog.getByLabel('Recipient (required)').fill('Onderzoeksrechter Antwerpen');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const result = page.getByRole('dialog', { name: 'Export written' });
    await result.waitFor({ timeout: 60_000 });
    await result.getByRole('button', { name: 'Close' }).click();
    const svg = readFileSync(newestExportFile('svg'), 'utf8');
    const png = PNG.sync.read(readFileSync(newestExportFile('png')));

    // The SVG painted at 150 % against the screen at 150 %: zoomed in far enough that the screen writes the
    // links' types too, as the exports always do.
    const svgScale = 1.5;
    const screenAtSvgScale = await screenArea(page, svgScale);
    const svgPart = await svgArea(page, svg, svgScale);
    const atSvgScale = compare('svg', screenAtSvgScale, svgPart);
    expect(atSvgScale.painted).toBeGreaterThan(5_000 * svgScale * svgScale);
    expect(atSvgScale.differingShare).toBeLessThan(BUDGET.area);
    for (const [id, share] of Object.entries(compareEntities(screenAtSvgScale, svgPart, svgScale))) expect(share, id).toBeLessThan(BUDGET.entity);

    // The PNG (A4 landscape, 150 dpi by default) against the screen zoomed to the PNG's scale.
    const [svgWidth, svgHeight] = [/\swidth="([\d.]+)"/, /\sheight="([\d.]+)"/].map((pattern) => Number(pattern.exec(svg)![1]));
    const scale = Math.min(png.width / svgWidth!, png.height / svgHeight!);
    const placement = { scale, x: (png.width - svgWidth! * scale) / 2 };
    const screenAtPngScale = await screenArea(page, scale);
    const pngPart = pngArea(png, svg, placement);
    const atPngScale = compare('png', screenAtPngScale, pngPart);
    expect(atPngScale.painted).toBeGreaterThan(5_000 * scale * scale);
    expect(atPngScale.differingShare).toBeLessThan(BUDGET.area);
    for (const [id, share] of Object.entries(compareEntities(screenAtPngScale, pngPart, scale))) expect(share, id).toBeLessThan(BUDGET.entity);

    expect(problems.join('\n')).toBe('');
    await page.context().close();
  });
});
