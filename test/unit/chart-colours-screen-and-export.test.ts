// Colouring by case, country or type gives each entity the same colour on screen (the chart controller
// with the real Cytoscape stylesheet) as in the SVG and PDF exports, also when the export leaves out hidden,
// unselected or withheld entities whose cases would otherwise shift the palette.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartDocument, ChartEntity } from '../../contract/chart';
import { exportChart } from '../../export';

/** The few members of the renderer's chart controller this test drives. */
interface ScreenChart {
  replaceContent(entities: readonly ChartEntity[], links: ChartDocument['links'], positions: ReadonlyMap<string, { x: number; y: number }>): void;
  markHidden(ids: readonly string[]): void;
  setStyle(change: { colourBy: 'type' | 'country' | 'case' }): void;
  cy: { getElementById(id: string): { style(name: string): string } };
}

// Loaded by URL: the Node project does not type-check renderer sources (they need the DOM library).
async function screenChart(): Promise<ScreenChart> {
  const base = new URL('../../renderer/src/chart/', import.meta.url).href;
  const cytoscape = (await import('cytoscape')).default;
  const { ChartController } = await import(`${base}chart-controller.ts`);
  const { chartStylesheet } = await import(`${base}stylesheet.ts`);
  return new ChartController(cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() })) as ScreenChart;
}

let index = 0;
function person(id: string, extra: Partial<ChartEntity> = {}): ChartEntity {
  index++;
  return { id, type: index % 2 ? 'Person' : 'Phone', label: id, country: index % 3 ? 'NL' : 'BE', handling: 'H0', properties: {}, position: { x: index * 80, y: (index % 4) * 60 }, ...extra };
}

const entities: ChartEntity[] = [
  person('E-01', { caseId: 'CASE-Z' }),
  person('E-02', { caseId: 'CASE-A' }),
  person('E-03', { caseId: 'CASE-M' }),
  person('E-04'),
  // Hidden on screen and so left out of the export; its case still takes a colour on screen.
  person('E-05', { caseId: 'CASE-B', hidden: true }),
  // Withheld from the export under its handling code.
  person('E-06', { caseId: 'CASE-C', handling: 'H2' }),
  person('E-07', { caseId: 'CASE-Q', country: undefined }),
  // Not in the exported selection.
  person('E-08', { caseId: 'CASE-D' }),
  person('E-09', { caseId: 'CASE-Z' }),
];
const exportedIds = ['E-01', 'E-02', 'E-03', 'E-04', 'E-07', 'E-09'];

function chartDocument(colourBy: 'type' | 'country' | 'case'): ChartDocument {
  return { format: 'schakel-chart', version: 1, id: 'colours', title: 'Colours', entities, links: [], style: { colourBy } };
}

function hex(rgb: string): string {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

const workDir = mkdtempSync(join(tmpdir(), 'schakel-colours-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function exported(colourBy: 'type' | 'country' | 'case', formats: ('svg' | 'pdf')[]) {
  const outDir = join(workDir, `${colourBy}-${formats.join('-')}`);
  // Every shape the PDF fills, with the fill colour set before it (nodes are drawn in id order).
  const fills: string[] = [];
  let currentFill = '';
  const pdf = PDFDocument.prototype as unknown as Record<'fillColor' | 'fillAndStroke', (...args: unknown[]) => unknown>;
  const original = { fillColor: pdf.fillColor, fillAndStroke: pdf.fillAndStroke };
  pdf.fillColor = function (this: unknown, ...args: unknown[]) {
    currentFill = String(args[0]).toUpperCase();
    return original.fillColor.apply(this, args);
  };
  pdf.fillAndStroke = function (this: unknown, ...args: unknown[]) {
    fills.push(currentFill);
    return original.fillAndStroke.apply(this, args);
  };
  try {
    await exportChart(chartDocument(colourBy), {
      formats,
      outDir,
      baseName: 'chart',
      cover: { title: 'Colours', classification: 'TEST' },
      disclosure: { mode: 'omit' },
      user: 'tester',
      justification: 'test',
      recipient: 'test',
      now: new Date('2024-05-01T10:00:00Z'),
      selection: exportedIds,
    });
  } finally {
    Object.assign(pdf, original);
  }
  const svgFill = new Map<string, string>();
  if (formats.includes('svg')) {
    const svg = readFileSync(join(outDir, 'chart.svg'), 'utf8');
    for (const match of svg.matchAll(/data-id="([^"]+)"[^>]*><path[^>]*fill="(#[0-9A-Fa-f]{6})"/g)) svgFill.set(match[1], match[2].toUpperCase());
  }
  return { svgFill, pdfFills: fills };
}

describe('chart colours on screen and in exports', () => {
  for (const colourBy of ['case', 'country', 'type'] as const) {
    it(`colours by ${colourBy} identically on screen, in the SVG and in the PDF`, async () => {
      const screen = await screenChart();
      screen.replaceContent(
        entities.map(({ position: _position, hidden: _hidden, ...entity }) => entity),
        [],
        new Map(entities.map((entity) => [entity.id, entity.position!])),
      );
      screen.markHidden(entities.filter((entity) => entity.hidden).map((entity) => entity.id));
      screen.setStyle({ colourBy });
      const onScreen = new Map(exportedIds.map((id) => [id, hex(screen.cy.getElementById(id).style('background-color'))]));

      const { svgFill, pdfFills } = await exported(colourBy, ['svg', 'pdf']);
      expect(Object.fromEntries(svgFill)).toEqual(Object.fromEntries(onScreen));
      const expected = exportedIds.map((id) => onScreen.get(id)).join(' ');
      expect(pdfFills.join(' ')).toContain(expected);
      if (colourBy === 'case') {
        // Four cases and the grey of "no case"; the two entities of CASE-Z share its colour.
        expect(new Set(onScreen.values()).size).toBe(5);
        expect(onScreen.get('E-01')).toBe(onScreen.get('E-09'));
        expect(onScreen.get('E-04')).toBe(svgFill.get('E-04'));
      }
    });
  }
});
