// Court-ready export end to end on real files: every format from a realistic cross-border chart, the
// PDF read back with pdf.js (test/support/pdf.ts), XML parsed back, round-trips through the importers,
// byte-identical re-exports, and the verify-export command on a fresh and on a tampered export.
// Needs no database (the integration project may still start one for other files).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportChart, importChartFile, isExportError, type ExportChartOptions, type ExportChartResult } from '../../export/index';
import { elementsById } from '../../export/testing/compare';
import { sampleCrossBorderChart } from '../../export/testing/sample-chart';
import { CHART_FORMAT, CHART_FORMAT_VERSION, type ChartDocument } from '../../contract/chart';
import { pdfFonts, pdfPageCount, pdfText, renderPdfPages } from '../support/pdf';

const workDir = mkdtempSync(join(tmpdir(), 'schakel-export-test-'));
const NOW = new Date('2024-03-15T09:30:00Z');
const ALL_FORMATS = ['pdf', 'svg', 'graphml', 'anx', 'json'] as const;

function options(outDir: string, overrides: Partial<ExportChartOptions> = {}): ExportChartOptions {
  return {
    formats: [...ALL_FORMATS],
    outDir,
    baseName: 'atm-crew-a16',
    cover: {
      title: 'Plofkraken A16-corridor — netwerk',
      caseReference: 'JIT NL-BE 2024/0007',
      author: 'A. de Vries, analist',
      organisation: 'Politie Eenheid Zuid-Nederland',
      classification: 'VERTROUWELIJK',
      comments: 'Opgesteld voor de raadkamer van Antwerpen.',
    },
    disclosure: { mode: 'omit' },
    user: 'analist.devries',
    justification: 'Requested by the investigating judge, file AN.12.34.2024',
    recipient: 'Onderzoeksrechter Antwerpen',
    now: NOW,
    queries: [{ operation: 'expand', ids: ['P-NL-000123'] }],
    dataVersions: { database: 'neo4j 5.26', schema: '3' },
    ...overrides,
  };
}

function withoutSubtitles(chart: ChartDocument): ChartDocument {
  return { ...chart, entities: chart.entities.map(({ subtitle: _subtitle, ...entity }) => entity) };
}

function runVerify(manifestPath: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-export.ts', manifestPath], { encoding: 'utf8', cwd: process.cwd() });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('chart export to every format', () => {
  let first: ExportChartResult;
  const firstDir = join(workDir, 'first');
  const file = (extension: string) => join(firstDir, `atm-crew-a16.${extension}`);

  beforeAll(async () => {
    first = await exportChart(sampleCrossBorderChart(), options(firstDir));
  }, 60_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('writes every file and a manifest with hashes, chart state, user, justification and what was withheld', () => {
    expect(readdirSync(firstDir).sort()).toEqual(
      ['atm-crew-a16.anx', 'atm-crew-a16.graphml', 'atm-crew-a16.manifest.json', 'atm-crew-a16.pdf', 'atm-crew-a16.schakel.json', 'atm-crew-a16.svg'].sort(),
    );
    const manifest = JSON.parse(readFileSync(first.manifestPath, 'utf8'));
    expect(manifest.files.map((entry: { name: string }) => entry.name)).toHaveLength(5);
    expect(manifest.files.every((entry: { sha256: string }) => /^[0-9a-f]{64}$/.test(entry.sha256))).toBe(true);
    expect(manifest).toMatchObject({
      user: 'analist.devries',
      recipient: 'Onderzoeksrechter Antwerpen',
      createdAt: NOW.toISOString(),
      dataVersions: { database: 'neo4j 5.26' },
      chart: { id: 'chart-atm-crew-2024', entityCount: 8, linkCount: 8, timeWindow: { from: '2024-01-01T00:00:00Z' } },
      disclosure: { mode: 'omit' },
    });
    expect(manifest.chart.entities.find((entity: { id: string }) => entity.id === 'P-NL-000123').position).toEqual({ x: 0, y: 0 });
    expect(manifest.disclosure.withheld.map((item: { id: string }) => item.id)).toEqual(['G-NL-0001', 'P-NL-000900', 'R-ASSOC-3', 'R-MEMBER-1']);
    expect(first.auditEntry).toMatchObject({ action: 'export', justification: expect.stringContaining('AN.12.34.2024'), withheldIds: expect.arrayContaining(['P-NL-000900']) });
  });

  it('leaves withheld (H1/H2) items out of every file', async () => {
    for (const extension of ['svg', 'graphml', 'anx', 'schakel.json']) {
      const content = readFileSync(file(extension), 'utf8');
      expect(content, extension).not.toContain('P-NL-000900');
      expect(content, extension).not.toContain('Kraai');
    }
    expect(await pdfText(file('pdf'))).not.toContain('Kraai');
  });

  it('produces a PDF with cover sheet, chart, legend, appendix rows and "page n of m" on every page', async () => {
    const pdf = file('pdf');
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const cover = await pdfText(pdf, 1);
    for (const expected of ['VERTROUWELIJK', 'Plofkraken A16-corridor — netwerk', 'JIT NL-BE 2024/0007', 'A. de Vries, analist', 'Politie Eenheid Zuid-Nederland', '15/03/2024 10:30 (UTC+01:00)', 'Onderzoeksrechter Antwerpen', 'withheld under handling codes H1/H2', 'atm-crew-a16.manifest.json', 'raadkamer']) {
      expect(cover, expected).toContain(expected);
    }
    const all = await pdfText(pdf);
    expect(all).toContain('Legend');
    expect(all).toMatch(/Person — 3 on this chart/);
    expect(all).toMatch(/associate of — 2 on this chart \(dashed/);
    expect(all).toContain('Grading and handling codes');
    expect(all).toContain('Appendix A — Entities on the chart (8)');
    expect(all).toContain('Appendix B — Links on the chart (8)');
    expect(all).toMatch(/P-BE-000042\s+Person\s+Frédérique Dubois-Lefèvre/);
    expect(all).toMatch(/V-BE-000017\s+Vehicle\s+1-ABC-123 Škoda Octavia/);
    expect(all).toContain('none recorded');
    // Withheld items are marked in place on the chart page, without their id or label.
    expect(await pdfText(pdf, 2)).toContain('withheld under H2');
    expect(await pdfText(pdf, 2)).toContain('withheld (H1)');
    expect(all).toMatch(/[\u0600-\u06FF]{4}/);
    for (let page = 1; page <= pages; page++) {
      const text = await pdfText(pdf, page);
      expect(text, `page ${page}`).toContain(`Page ${page} of ${pages}`);
      expect(text.match(/VERTROUWELIJK/g)?.length, `page ${page}`).toBeGreaterThanOrEqual(2);
    }
    const fonts = await pdfFonts(pdf);
    expect(fonts.some((font) => font.name.includes('DejaVuSans'))).toBe(true);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
  });

  it('renders the PDF pages to images', async () => {
    const prefix = join(workDir, 'page');
    await renderPdfPages(file('pdf'), prefix, 40);
    const images = readdirSync(workDir).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(images.length).toBe(await pdfPageCount(file('pdf')));
    for (const image of images) expect(readFileSync(join(workDir, image)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes SVG that a standard XML parser reads, with the same elements as the exported chart', async () => {
    const svg = readFileSync(file('svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    expect(tree.svg.title).toBe('Plofkraken A16-corridor — netwerk');
    const { chart } = await importChartFile(file('schakel.json'), 'json');
    const drawn = [...svg.matchAll(/data-id="([^"]+)"/g)].map((match) => match[1]).sort();
    expect(drawn).toEqual([...chart.entities.map((entity) => entity.id), ...chart.links.map((link) => link.id)].sort());
  });

  it('round-trips GraphML, ANX and JSON through the importers to the same elements', async () => {
    const exported = (await importChartFile(file('schakel.json'), 'json')).chart;
    expect(exported.entities).toHaveLength(8);
    for (const format of ['graphml', 'anx'] as const) {
      const content = readFileSync(file(format), 'utf8');
      expect(XMLValidator.validate(content), format).toBe(true);
      const { chart, notices } = await importChartFile(file(format), format);
      // The grey markers of the 4 withheld items are recognised and not imported as data.
      expect(notices, format).toEqual([expect.stringMatching(/^4 marker\(s\) of items withheld under H1\/H2 were not imported/)]);
      expect(elementsById(withoutSubtitles(chart)), format).toEqual(elementsById(withoutSubtitles(exported)));
      // The second line is a word of the document: written from the properties in its language (English
      // here), where the chart file keeps what the chart holds; without telling properties, the stored one.
      const subtitles = new Map(chart.entities.map((entity) => [entity.id, entity.subtitle]));
      expect(subtitles.get('P-NL-000123'), format).toBe('12/04/1988 · 123456782');
      expect(subtitles.get('L-BE-0009'), format).toBe('Border crossing');
      expect(subtitles.get('P-BE-000077'), format).toBe('Mohamed El Hassan');
      expect(exported.entities.find((entity) => entity.id === 'P-NL-000123')?.subtitle).toBe('1988-04-12');
    }
  });

  it('gives byte-identical SVG, ANX, GraphML, JSON and PDF when the same chart is exported again', async () => {
    const secondDir = join(workDir, 'second');
    const chart = sampleCrossBorderChart();
    const reordered = { ...chart, entities: [...chart.entities].reverse(), links: [...chart.links].reverse() };
    const second = await exportChart(reordered, options(secondDir, { formats: ['svg', 'anx', 'graphml'] }));
    for (const entry of second.files) {
      const original = first.files.find((candidate) => candidate.format === entry.format)!;
      expect(entry.sha256, entry.format).toBe(original.sha256);
    }
    const third = await exportChart(chart, options(join(workDir, 'third'), { formats: ['pdf', 'json'] }));
    for (const entry of third.files) expect(entry.sha256, entry.format).toBe(first.files.find((candidate) => candidate.format === entry.format)!.sha256);
  }, 60_000);

  it('marks withheld items in place in SVG, GraphML and ANX by their handling code only', () => {
    const svg = readFileSync(file('svg'), 'utf8');
    expect(svg.match(/data-withheld="H[12]"/g)).toHaveLength(4);
    expect(svg).toContain('>withheld under H2</text>');
    const graphml = readFileSync(file('graphml'), 'utf8');
    expect(graphml).toMatch(/<node id="withheld-entity-1">\s*<data key="withheld">H1<\/data>/);
    expect(graphml).toMatch(/<edge id="withheld-link-1" source="withheld-entity-2" target="P-NL-000123">\s*<data key="withheld">H2<\/data>/);
    expect(readFileSync(file('anx'), 'utf8')).toContain('Label="withheld under H2"');
  });

  it('verify-export passes on the fresh export and names the file after one byte is changed', () => {
    const fresh = runVerify(first.manifestPath);
    expect(fresh.output).toContain('All 5 file(s) match the manifest');
    expect(fresh.status).toBe(0);

    const tamperedDir = join(workDir, 'tampered');
    execFileSync('cp', ['-r', firstDir, tamperedDir]);
    const target = join(tamperedDir, 'atm-crew-a16.graphml');
    const bytes = readFileSync(target);
    bytes[200] = bytes[200] === 0x41 ? 0x42 : 0x41;
    writeFileSync(target, bytes);
    const tampered = runVerify(join(tamperedDir, 'atm-crew-a16.manifest.json'));
    expect(tampered.status).toBe(1);
    expect(tampered.output).toContain('CHANGED  atm-crew-a16.graphml');
    expect(tampered.output).toMatch(/CHANGED since export: atm-crew-a16\.graphml/);
    expect(tampered.output).toContain('OK       atm-crew-a16.pdf');
  });

  it('verify-export explains a missing or malformed manifest', () => {
    const missing = runVerify(join(workDir, 'nope.manifest.json'));
    expect(missing.status).toBe(2);
    expect(missing.output).toContain('There is no manifest at');
    const malformedPath = join(workDir, 'bad.manifest.json');
    writeFileSync(malformedPath, '{"format": "something-else"');
    const malformed = runVerify(malformedPath);
    expect(malformed.status).toBe(2);
    expect(malformed.output).toContain('is not valid JSON');
  });
});

describe('export language', () => {
  const languageDir = join(workDir, 'languages');
  const exportIn = (language: 'fr-BE' | 'nl-BE' | 'nl-NL', classification: string) =>
    exportChart(sampleCrossBorderChart(), options(join(languageDir, language), { formats: ['pdf', 'svg'], language, cover: { ...options(languageDir).cover, classification } }));

  afterAll(() => rmSync(languageDir, { recursive: true, force: true }));

  it('writes a French court document: cover, legend, appendix, page numbers, dates and /Lang', async () => {
    const result = await exportIn('fr-BE', 'CONFIDENTIEL');
    const pdf = result.files.find((entry) => entry.format === 'pdf')!.path;
    expect(readFileSync(pdf).toString('latin1')).toContain('/Lang (fr-BE)');
    const cover = await pdfText(pdf, 1);
    for (const expected of ["SCHÉMA D'ANALYSE DE RÉSEAU", 'Référence du dossier', 'Destinataire', '15/03/2024 10:30 (UTC+01:00)', 'ont été retenus en vertu des codes de traitement H1/H2', 'Langue']) {
      expect(cover, expected).toContain(expected);
    }
    const all = await pdfText(pdf);
    for (const expected of ['Légende', 'Personne — 3 sur ce schéma', 'retenu en vertu de H2', 'Annexe A — Entités du schéma (8)', 'Annexe B — Liens du schéma (8)', 'né(e) le 12/04/1988', 'non enregistrée']) {
      expect(all, expected).toContain(expected);
    }
    // The location's kind in French beside its label (the cell wraps the two words onto two lines).
    expect(all).toMatch(/Hazeldonk–Meer \(A16\/E19\) \(Passage\s+(?:\S+\s+)*?frontalier\)/);
    const pages = await pdfPageCount(pdf);
    expect(await pdfText(pdf, pages)).toContain(`Page ${pages} sur ${pages}`);
    expect(all).not.toMatch(/Appendix|Legend|Page \d+ of/);
    const svg = readFileSync(result.files.find((entry) => entry.format === 'svg')!.path, 'utf8');
    expect(svg).toContain('xml:lang="fr-BE"');
    expect(svg).toContain('>Personne (3)</text>');
    const manifest = JSON.parse(readFileSync(result.manifestPath, 'utf8'));
    expect(manifest.language).toBe('fr-BE');
    expect(manifest.description).toContain('Export du schéma « Plofkraken A16-corridor — netwerk »');
    expect(manifest.disclosure.withheld[0].reasonText).toMatch(/code de traitement H1|rattaché/);
  }, 60_000);

  it('writes a Dutch court document in the Belgian and the Dutch variant', async () => {
    const belgian = (await exportIn('nl-BE', 'VERTROUWELIJK')).files.find((entry) => entry.format === 'pdf')!.path;
    expect(readFileSync(belgian).toString('latin1')).toContain('/Lang (nl-BE)');
    const cover = await pdfText(belgian, 1);
    for (const expected of ['NETWERKANALYSESCHEMA — EXPORT VOOR GERECHTELIJK GEBRUIK', 'Dossierreferentie', 'Bestemmeling', '15/03/2024 10:30 (UTC+01:00)', 'werden achtergehouden op grond van behandelingscodes H1/H2']) {
      expect(cover, expected).toContain(expected);
    }
    const all = await pdfText(belgian);
    for (const expected of ['Legende', 'Persoon — 3 op dit schema', 'achtergehouden op grond van H2', 'Bijlage A — Entiteiten op het schema (8)', 'Bijlage B — Verbanden op het schema (8)', 'geboren 12/04/1988', 'Grensovergang']) {
      expect(all, expected).toContain(expected);
    }
    const pages = await pdfPageCount(belgian);
    expect(await pdfText(belgian, 2)).toContain(`Pagina 2 van ${pages}`);

    const dutch = (await exportIn('nl-NL', 'STG. CONFIDENTIEEL')).files.find((entry) => entry.format === 'pdf')!.path;
    expect(readFileSync(dutch).toString('latin1')).toContain('/Lang (nl-NL)');
    const dutchCover = await pdfText(dutch, 1);
    expect(dutchCover).toContain('Zaaknummer');
    expect(dutchCover).toContain('15-03-2024 10:30 (UTC+01:00)');
    expect(dutchCover).toContain('STG. CONFIDENTIEEL');
    // The appendix names a person with the date of birth as Dutch documents write it.
    expect(await pdfText(dutch)).toMatch(/Jan van der Berg\s+\(12-04-1988\s+·\s+123456782\)/);
  }, 60_000);

  it('gives the same bytes for the same chart and language, apart from the creation date', async () => {
    const again = await exportChart(sampleCrossBorderChart(), options(join(languageDir, 'fr-again'), { formats: ['pdf', 'svg'], language: 'fr-BE', cover: { ...options(languageDir).cover, classification: 'CONFIDENTIEL' } }));
    const first = JSON.parse(readFileSync(join(languageDir, 'fr-BE', 'atm-crew-a16.manifest.json'), 'utf8')) as { files: { format: string; sha256: string }[] };
    for (const entry of again.files) expect(entry.sha256, entry.format).toBe(first.files.find((file) => file.format === entry.format)!.sha256);
  }, 60_000);
});

describe('export rules and bad input', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('stops the export with the list of H1/H2 items, writing nothing', async () => {
    const outDir = join(workDir, 'stopped');
    const error = await exportChart(sampleCrossBorderChart(), options(outDir, { disclosure: { mode: 'stop' } })).catch((caught: unknown) => caught);
    expect(isExportError(error) && error.code).toBe('DISCLOSURE_STOPPED');
    expect((error as Error).message).toContain('P-NL-000900 (H2)');
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });

  it('includes restricted items when permission is recorded, and records it in the manifest', async () => {
    const result = await exportChart(
      sampleCrossBorderChart(),
      options(join(workDir, 'permitted'), { formats: ['json', 'pdf'], disclosure: { mode: 'stop', permissionRecorded: { by: 'CIE Zuid-Nederland', reference: 'TOEST-2024-118' } } }),
    );
    expect(result.withheld).toEqual([]);
    const manifest = JSON.parse(readFileSync(result.manifestPath, 'utf8'));
    expect(manifest.disclosure.permissionRecorded).toEqual({ by: 'CIE Zuid-Nederland', reference: 'TOEST-2024-118' });
    expect(await pdfText(result.files.find((entry) => entry.format === 'pdf')!.path, 1)).toContain('TOEST-2024-118');
  }, 60_000);

  it('never overwrites an earlier export', async () => {
    const outDir = join(workDir, 'twice');
    await exportChart(sampleCrossBorderChart(), options(outDir, { formats: ['json'] }));
    const error = await exportChart(sampleCrossBorderChart(), options(outDir, { formats: ['json'] })).catch((caught: unknown) => caught);
    expect(isExportError(error) && error.code).toBe('FILE_EXISTS');
  });

  it('lists every source and grading of a merged entity’s records in the appendix', async () => {
    const chart = sampleCrossBorderChart();
    const merged = {
      ...chart.entities[0]!,
      id: 'merged:P-BE-000500+P-NL-000500',
      label: 'Jan Peeters (BE + NL)',
      sourceId: undefined,
      sourceReliability: undefined,
      informationReliability: undefined,
      records: [
        { id: 'P-BE-000500', label: 'Jan Peeters', sourceId: 'SRC-BE-0500', caseId: 'CASE-BE-2024-0031', country: 'BE' as const, sourceReliability: 'A', informationReliability: '1', handling: 'H0' },
        { id: 'P-NL-000500', label: 'J. Peeters', sourceId: 'SRC-NL-0500', caseId: 'CASE-NL-2024-0007', country: 'NL' as const, sourceReliability: 'B', informationReliability: '2', handling: 'H0' },
      ],
    };
    const result = await exportChart({ ...chart, entities: [merged], links: [] }, options(join(workDir, 'merged'), { formats: ['pdf'] }));
    const text = await pdfText(result.files[0]!.path);
    // Cells wrap inside their column, so a long value may continue on the next line of the text.
    expect(text).toMatch(/SRC-BE-0500, SRC-/);
    expect(text).toMatch(/CASE-BE-2024-0031,/);
    expect(text).toContain('A1, B2');
    // The label cell is long (name, date of birth and national number, the merged records) and wraps mid-id.
    expect(text).toMatch(/records merged: P-\s*(?:\S+\s+)*?BE-000500, P-NL-000500/);
    expect(text).not.toContain('not graded');
    expect(text).not.toContain('none recorded');
  }, 60_000);

  it('exports an empty chart to every format', async () => {
    const empty = { format: CHART_FORMAT, version: CHART_FORMAT_VERSION, id: 'empty', title: 'Empty chart', entities: [], links: [] } as const;
    const result = await exportChart({ ...empty, entities: [], links: [] }, options(join(workDir, 'empty')));
    expect(result.files).toHaveLength(5);
    expect(await pdfText(result.files.find((entry) => entry.format === 'pdf')!.path)).toContain('The chart holds no entities.');
  }, 60_000);

  it('refuses an XML file with external entities (XXE)', async () => {
    const path = join(workDir, 'xxe.graphml');
    writeFileSync(path, '<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<graphml><graph><node id="&secret;"/></graph></graphml>');
    const error = await importChartFile(path, 'graphml').catch((caught: unknown) => caught);
    expect(isExportError(error) && error.code).toBe('UNSAFE_XML');
    expect((error as Error).message).not.toContain('root:');
    const anx = await importChartFile(Buffer.from('<!DOCTYPE Chart SYSTEM "http://example.invalid/anx.dtd"><Chart/>'), 'anx').catch((caught: unknown) => caught);
    expect(isExportError(anx) && anx.code).toBe('UNSAFE_XML');
  });

  it('explains malformed, truncated and non-chart files', async () => {
    const truncated = await importChartFile(Buffer.from('<?xml version="1.0"?>\n<graphml>\n<graph id="g">\n<node id="a">'), 'graphml').catch((caught: unknown) => caught);
    expect((truncated as Error).message).toMatch(/not well-formed XML/);
    const json = await importChartFile(Buffer.from('{"format":"other"}'), 'json').catch((caught: unknown) => caught);
    expect((json as Error).message).toContain('This is not a Schakel chart file');
    const missing = await importChartFile(join(workDir, 'does-not-exist.anx'), 'anx').catch((caught: unknown) => caught);
    expect(isExportError(missing) && missing.code).toBe('FILE_UNREADABLE');
  });
});
