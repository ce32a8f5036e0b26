// The file import against the real test Neo4j, with CSV and XLSX files written here: the bad inputs an
// import must survive (wrong encoding, missing columns, empty files, formulas, mixed date formats, duplicate rows,
// phone numbers with spaces and slashes) each end in a clear message or a rejects-file line, and importing
// the same file again creates nothing new.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../graph-queries/migrations';
import { searchEntities } from '../../graph-queries/search';
import { ImportError, runImport, type ImportSpec, type ImportSummary } from '../../import';
import { createTestDriver } from '../setup/neo4j';
import { countCase, readRejects, readRows, specFor, tempDir, windows1252 } from './import-helpers';

let driver: Driver;
const dir = tempDir('import-test');

beforeAll(async () => {
  driver = createTestDriver();
  await applyMigrations(driver);
});

afterAll(async () => {
  await driver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const importFile = (spec: ImportSpec, file: string, extra: Partial<Parameters<typeof runImport>[0]> = {}): Promise<ImportSummary> =>
  runImport({ spec, file, db: { driver }, ...extra });

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const personColumns = {
  person: { familyName: 'Naam', givenName: 'Voornaam', dateOfBirth: 'Geboortedatum', nationalNumber: 'Rijksregisternummer' },
  address: { street: 'Straat', postcode: 'Postcode', city: 'Gemeente' },
  phone: 'GSM',
};
const personHeader = 'Naam;Voornaam;Geboortedatum;Rijksregisternummer;Straat;Postcode;Gemeente;GSM\r\n';

describe('a Belgian person register in Windows-1252', () => {
  const spec = specFor('person-register', personColumns, { country: 'BE' });
  let file: string;
  let first: ImportSummary;

  beforeAll(async () => {
    file = write(
      'rijksregister.csv',
      windows1252(
        personHeader +
          'Hélène;Léa;18.05.1993;93.05.18-224.60;Rue de l’Église 4;4000;Liège;0475/12.34.56\r\n'.replace('’', "'") +
          'Citroën;Zoë;1993-05-18;93051822361;Kerkstraat 1;2000;Antwerpen;0475 12 34 56\r\n' +
          'Peeters;Jan;18/05/1993;93051822362;Kerkstraat 1;2000;Antwerpen;+32 (0)486 11 22 33\r\n' +
          'Citroën;Zoë;1993-05-18;93051822361;Kerkstraat 1;2000;Antwerpen;0475 12 34 56\r\n' + // duplicate of row 3
          ';Marc;01-01-1980;;;;;\r\n' + // no family name
          'Janssens;An;31-02-1980;;;;;\r\n', // no such date
      ),
    );
    first = await importFile(spec, file);
  });

  it('detects the encoding and stores accents correctly', async () => {
    expect(first).toMatchObject({ status: 'completed', format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    const rows = await readRows(driver, 'MATCH (p:Person {caseId: $caseId}) RETURN p.familyName AS family, p.givenName AS given ORDER BY family', {
      caseId: spec.case.id,
    });
    expect(rows.map((r) => `${r.given} ${r.family}`)).toEqual(['Zoë Citroën', 'Léa Hélène', 'Jan Peeters']);
  });

  it('reads three date formats in one column, and keeps the duplicate row as one person', async () => {
    const rows = await readRows(
      driver,
      `MATCH (p:Person {caseId: $caseId}) RETURN toString(p.dateOfBirth) AS born, p.nationalNumber AS rrn, p.identifierValid AS valid,
       p.identifierIssue AS issue, COUNT { (p)-[:RECORDED_IN]->(:Source) } AS sources ORDER BY rrn`,
      { caseId: spec.case.id },
    );
    expect(rows).toEqual([
      { born: '1993-05-18', rrn: '93051822361', valid: true, issue: null, sources: 2 },
      { born: '1993-05-18', rrn: '93051822362', valid: false, issue: expect.stringMatching(/check digits/), sources: 1 },
      { born: '1993-05-18', rrn: '93051822460', valid: true, issue: null, sources: 1 },
    ]);
  });

  it('rejects the bad rows to a rejects file with row number, reason, code and original values', () => {
    expect(first).toMatchObject({ rowsRead: 6, rowsImported: 4, rowsRejected: 2, rejectsFile: path.join(dir, 'rijksregister.rejects.csv') });
    const [header, ...lines] = readRejects(first.rejectsFile!);
    expect(header).toEqual(['row', 'reason', 'code', 'Naam', 'Voornaam', 'Geboortedatum', 'Rijksregisternummer', 'Straat', 'Postcode', 'Gemeente', 'GSM']);
    expect(lines.map((l) => l.slice(0, 3))).toEqual([
      ['6', 'the person has no name (column "Naam" is empty)', 'NAME_MISSING'],
      ['7', expect.stringMatching(/date of birth "31-02-1980" is not a date/), 'DATE_OF_BIRTH_INVALID'],
    ]);
    expect(lines[1].slice(3, 5)).toEqual(['Janssens', 'An']);
  });

  it('writes the rejects file in French or Dutch when the import is in that language, with the same codes', async () => {
    const reasons: Record<string, string[][]> = {};
    for (const language of ['fr', 'nl'] as const) {
      const rejectsPath = path.join(dir, `rijksregister-${language}.rejects.csv`);
      const summary = await runImport({ spec, file, dryRun: true, rejectsPath, language });
      expect(summary).toMatchObject({ rowsRejected: 2, rejectsFile: rejectsPath });
      const [header, ...lines] = readRejects(rejectsPath);
      expect(header.slice(3)).toEqual(['Naam', 'Voornaam', 'Geboortedatum', 'Rijksregisternummer', 'Straat', 'Postcode', 'Gemeente', 'GSM']);
      reasons[language] = [header.slice(0, 3), ...lines.map((l) => l.slice(0, 3))];
    }
    expect(reasons.fr).toEqual([
      ['ligne', 'motif', 'code'],
      ['6', 'personne sans nom (la colonne « Naam » est vide)', 'NAME_MISSING'],
      ['7', expect.stringMatching(/^la date de naissance « 31-02-1980 » \(personne\) n'est pas une date .*12 mars 1991$/), 'DATE_OF_BIRTH_INVALID'],
    ]);
    expect(reasons.nl).toEqual([
      ['rij', 'reden', 'code'],
      ['6', 'geen naam voor persoon (kolom "Naam" is leeg)', 'NAME_MISSING'],
      ['7', expect.stringMatching(/^de geboortedatum "31-02-1980" \(persoon\) is geen datum .*12 maart 1991$/), 'DATE_OF_BIRTH_INVALID'],
    ]);
  });

  it('stamps provenance on every record and link', async () => {
    const unstamped = await readRows(
      driver,
      `MATCH (n:Entity {caseId: $caseId}) WHERE NOT n:Case
       OPTIONAL MATCH (n)-[r]->()
       WITH n, r WHERE n.country IS NULL OR n.agency IS NULL OR n.sourceId IS NULL OR n.sourceReliability <> 'A'
          OR (r IS NOT NULL AND (r.caseId <> $caseId OR r.sourceId IS NULL OR r.handling <> 'H0'))
       RETURN count(*) AS bad`,
      { caseId: spec.case.id },
    );
    expect(unstamped[0].bad).toBe(0);
    const sources = await readRows(
      driver,
      `MATCH (p:Person {caseId: $caseId, nationalNumber: '93051822460'})-[:RECORDED_IN]->(s:Source)-[:PART_OF]->(c:Case)
       RETURN s.file AS file, s.row AS row, s.kind AS kind, c.id AS caseId, c.country AS country`,
      { caseId: spec.case.id },
    );
    expect(sources).toEqual([{ file: 'rijksregister.csv', row: 2, kind: 'person-register', caseId: spec.case.id, country: 'BE' }]);
  });

  it('normalises the phone column with spaces, slashes and brackets into one phone per number', async () => {
    const rows = await readRows(driver, 'MATCH (ph:Phone {caseId: $caseId}) RETURN ph.e164 AS e164 ORDER BY e164', { caseId: spec.case.id });
    expect(rows.map((r) => r.e164)).toEqual(['+32475123456', '+32486112233']);
    const postcodes = await readRows(driver, 'MATCH (l:Location {caseId: $caseId}) RETURN l.postcode AS pc, l.country AS country ORDER BY pc', {
      caseId: spec.case.id,
    });
    expect(postcodes).toEqual([
      { pc: '2000', country: 'BE' },
      { pc: '4000', country: 'BE' },
    ]);
  });

  it('creates nothing new when the same file is imported again', async () => {
    const before = await countCase(driver, spec.case.id);
    const again = await importFile(spec, file);
    const after = await countCase(driver, spec.case.id);
    expect(after).toEqual(before);
    expect(again).toMatchObject({ status: 'completed', nodesCreated: 0, linksCreated: 0, rowsRejected: 2 });
    expect(again.nodesMatched).toBeGreaterThan(0);
    expect(first.nodesCreated).toBe(before.nodes);
    expect(first.linksCreated).toBe(before.links);
    // New, already in the database, and repeated within the file are told apart: the first import found
    // nothing existing; row 5 repeats row 3 (person, address, phone and their two links), row 3's phone is
    // row 2's, and row 4 lives at row 3's address.
    expect(first).toMatchObject({ nodesMatched: 0, linksMatched: 0, nodesRepeated: 5, linksRepeated: 2 });
    expect(again).toMatchObject({ nodesMatched: before.nodes, linksMatched: before.links, nodesRepeated: 5, linksRepeated: 2 });
  });
});

describe("a register's own record id", () => {
  it('is stored on the record and its source, and search finds the record by it', async () => {
    const spec = specFor('person-register', { recordId: 'Dossiernummer', person: { familyName: 'Naam', givenName: 'Voornaam' } });
    const file = write('brp-dossiers.csv', 'Dossiernummer;Naam;Voornaam\nBRP-2024-000917;Verhoeven;Sanne\nBRP-2024-000918;Kuipers;Daan\n');
    expect(await importFile(spec, file)).toMatchObject({ status: 'completed', rowsImported: 2 });
    const stored = await readRows(
      driver,
      'MATCH (p:Person {caseId: $caseId})-[:RECORDED_IN]->(s:Source) RETURN p.familyName AS family, p.registerId AS person, s.registerId AS source ORDER BY family',
      { caseId: spec.case.id },
    );
    expect(stored).toEqual([
      { family: 'Kuipers', person: 'BRP-2024-000918', source: 'BRP-2024-000918' },
      { family: 'Verhoeven', person: 'BRP-2024-000917', source: 'BRP-2024-000917' },
    ]);
    const hits = await searchEntities({ driver }, { query: 'BRP-2024-000917', caseIds: [spec.case.id], limit: 10, interpretations: [] });
    expect(hits.map((hit) => hit.label)).toContain('Sanne Verhoeven');
  });
});

describe('call records as XLSX', () => {
  const spec = specFor('call-records', { aNumber: 'A-nummer', bNumber: 'B-nummer', time: 'Datum/tijd', duration: 'Duur' });
  let summary: ImportSummary;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Historische gegevens');
    sheet.addRow(['A-nummer', 'B-nummer', 'Datum/tijd', 'Duur']);
    sheet.addRow(['06-12345678', '0032 475 12 34 56', new Date(Date.UTC(2024, 2, 1, 14, 5)), 60]); // a real Excel date cell
    sheet.addRow(['06 12 34 56 78', { formula: '"+32475"&"123456"', result: '+32475123456' }, '01-03-2024 15:00', 30]); // cached result
    sheet.addRow(['0612345678', '+32 475 123 456', '2024-03-01 16:30:00', { formula: 'D2*2', result: 120 }]);
    sheet.addRow(['0612345678', '+32475123456', '01/03/2024 17:00', { formula: 'D3+1' }]); // formula never calculated
    sheet.addRow(['0612345678', '0475123456', '01/03/2024 18:00', 10]); // Dutch case: 0475 is a Roermond landline
    sheet.getCell('C2').numFmt = 'dd-mm-yyyy hh:mm';
    const file = path.join(dir, 'verkeersgegevens.xlsx');
    await workbook.xlsx.writeFile(file);
    summary = await importFile(spec, file);
  });

  it('counts the calls per pair with the first and last call, across three date formats and a date cell', async () => {
    expect(summary).toMatchObject({ status: 'completed', format: 'xlsx', sheet: 'Historische gegevens', rowsRead: 5, rowsImported: 4, rowsRejected: 1 });
    const calls = await readRows(
      driver,
      `MATCH (a:Phone {caseId: $caseId})-[c:CALLED]->(b:Phone) RETURN a.e164 AS a, b.e164 AS b, c.count AS count,
       toString(c.from) AS first, toString(c.until) AS last, c.durationSeconds AS seconds ORDER BY b`,
      { caseId: spec.case.id },
    );
    expect(calls).toEqual([
      { a: '+31612345678', b: '+31475123456', count: 1, first: '2024-03-01T17:00:00Z', last: '2024-03-01T17:00:00Z', seconds: 10 },
      { a: '+31612345678', b: '+32475123456', count: 3, first: '2024-03-01T13:05:00Z', last: '2024-03-01T15:30:00Z', seconds: 210 },
    ]);
  });

  it('rejects the row whose formula has no saved result, and never evaluates it', () => {
    const [, line] = readRejects(summary.rejectsFile!);
    expect(line[0]).toBe('5');
    expect(line[1]).toMatch(/column "Duur": the formula =D3\+1 has no saved result/);
  });

  it('creates nothing new on a second import of the workbook', async () => {
    const before = await countCase(driver, spec.case.id);
    const again = await importFile(spec, path.join(dir, 'verkeersgegevens.xlsx'));
    expect(await countCase(driver, spec.case.id)).toEqual(before);
    expect(again).toMatchObject({ nodesCreated: 0, linksCreated: 0 });
    const [{ count }] = await readRows(driver, `MATCH (:Phone {caseId: $caseId})-[c:CALLED]->(:Phone {e164: '+32475123456'}) RETURN c.count AS count`, {
      caseId: spec.case.id,
    });
    expect(count).toBe(3);
  });
});

describe('ANPR hits, gang lists and vehicle registers', () => {
  it('makes one SIGHTED_AT per distinct hit, with camera locations', async () => {
    const spec = specFor('anpr', { plate: 'Nummerplaat', camera: 'Camera', time: 'Tijdstip', lat: 'Breedte', lon: 'Lengte' }, { country: 'BE' });
    const file = write(
      'anpr.csv',
      'Nummerplaat\tCamera\tTijdstip\tBreedte\tLengte\n' +
        '1-ABC-123\tE19 Meer\t2024-03-01 02:10:00\t51,4491\t4,7353\n' +
        '1ABC123\tE19 Meer\t01/03/2024 02:10\t51,4491\t4,7353\n' + // the same hit, written differently
        '1-abc-123\tE19 MEER\t01-03-2024 02:40:00\t51,4491\t4,7353\n' +
        'XX\tE19 Meer\t01-03-2024 02:40:00\t51,4491\t4,7353\n',
    );
    const summary = await importFile(spec, file);
    expect(summary).toMatchObject({ delimiter: '\t', rowsImported: 3, rowsRejected: 1 });
    const hits = await readRows(
      driver,
      `MATCH (v:Vehicle {caseId: $caseId})-[s:SIGHTED_AT]->(l:Location) RETURN v.plateNormalized AS plate, l.kind AS kind, l.lat AS lat, toString(s.at) AS at ORDER BY at`,
      { caseId: spec.case.id },
    );
    expect(hits).toEqual([
      { plate: '1ABC123', kind: 'anpr-camera', lat: 51.4491, at: '2024-03-01T01:10:00Z' },
      { plate: '1ABC123', kind: 'anpr-camera', lat: 51.4491, at: '2024-03-01T01:40:00Z' },
    ]);
  });

  it('links gang members and keeps membership dates', async () => {
    const spec = specFor('gang-membership', { person: { fullName: 'Naam', dateOfBirth: 'Geboren' }, gang: 'Club', chapter: 'Chapter', from: 'Lid sinds' }, { gangKind: 'omcg' });
    const file = write('leden.csv', 'Naam,Geboren,Club,Chapter,Lid sinds\n"Berg, J. van der",12-03-1991,No Surrender,Breda,01-06-2019\nPiet Jansen,,No Surrender,Breda,\n');
    await importFile(spec, file);
    const rows = await readRows(
      driver,
      `MATCH (p:Person {caseId: $caseId})-[m:MEMBER_OF]->(g:Gang) RETURN p.familyName AS family, g.label AS gang, g.kind AS kind, toString(m.from) AS since ORDER BY family`,
      { caseId: spec.case.id },
    );
    expect(rows).toEqual([
      { family: 'Jansen', gang: 'No Surrender Breda', kind: 'omcg', since: null },
      { family: 'van der Berg', gang: 'No Surrender Breda', kind: 'omcg', since: '2019-05-31T22:00:00Z' },
    ]);
  });

  it('links registered holders to their vehicles', async () => {
    const spec = specFor('vehicle-register', { plate: 'Kenteken', make: 'Merk', stolen: 'Gestolen', holder: { fullName: 'Houder', bsn: 'BSN' } });
    const file = write('rdw.csv', 'Kenteken;Merk;Gestolen;Houder;BSN\nG-123-BB;Audi;nee;Jan de Vries;123456782\nGB-123-X;BMW;ja;;\n');
    await importFile(spec, file);
    const rows = await readRows(
      driver,
      `MATCH (v:Vehicle {caseId: $caseId}) OPTIONAL MATCH (p:Person)-[:OWNS]->(v) RETURN v.plateNormalized AS plate, v.stolen AS stolen, p.bsn AS holder ORDER BY plate`,
      { caseId: spec.case.id },
    );
    expect(rows).toEqual([
      { plate: 'G123BB', stolen: false, holder: '123456782' },
      { plate: 'GB123X', stolen: true, holder: null },
    ]);
  });
});

describe('files that cannot be imported', () => {
  const spec = specFor('call-records', { aNumber: 'A-nummer', bNumber: 'B-nummer', time: 'Datum/tijd' });

  it('says an empty file is empty and writes nothing', async () => {
    const error = await importError(importFile(spec, write('leeg.csv', '')));
    expect(error.code).toBe('FILE_EMPTY');
    expect(error.message).toContain('leeg.csv is empty');
    expect((await countCase(driver, spec.case.id)).nodes).toBe(0);
  });

  it('imports a header-only file as zero rows with a note', async () => {
    const summary = await importFile(spec, write('alleen-kop.csv', 'A-nummer;B-nummer;Datum/tijd\r\n'));
    expect(summary).toMatchObject({ status: 'completed', rowsRead: 0, rowsImported: 0, rejectsFile: undefined });
    expect(summary.warnings).toEqual([expect.stringMatching(/header but no data rows/)]);
  });

  it('names the missing columns and the columns the file has, before writing anything', async () => {
    const other = specFor('call-records', { aNumber: 'A-nummer', bNumber: 'B-nummer', time: 'Datum/tijd' });
    const error = await importError(importFile(other, write('verkeerd.csv', 'Beller;Gebelde;Datum/tijd\n0612345678;0612345679;2024-03-01\n')));
    expect(error.code).toBe('COLUMNS_MISSING');
    expect(error.message).toMatch(/no columns "A-nummer", "B-nummer".*Columns in the file: "Beller", "Gebelde", "Datum\/tijd"/);
    expect((await countCase(driver, other.case.id)).nodes).toBe(0);
  });

  it('refuses to add a file to a case of the other country', async () => {
    const dutch = specFor('call-records', { aNumber: 'A', bNumber: 'B', time: 'T' });
    const file = write('calls-nl.csv', 'A;B;T\n0612345678;0612345679;2024-03-01 10:00\n');
    await importFile(dutch, file);
    const belgian = { ...dutch, case: { ...dutch.case, country: 'BE' as const } };
    const error = await importError(importFile(belgian, file));
    expect(error.code).toBe('CASE_CONFLICT');
  });
});
