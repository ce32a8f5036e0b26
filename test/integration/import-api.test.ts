// The import operations of the contract on the real Neo4j, called through the same dispatch both transports
// use: preview (encoding, delimiter, headers, example specs), a background import polled until done with its
// summary and rejects file, entity resolution afterwards, a re-import that changes nothing, cancel with a
// resume row, clear refusals of a bad specification or a file without the mapped columns, and the read-only role.
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../contract/imports';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { seedDemo } from '../../demo-data/seed';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { call, refusal } from './annotations-support';
import { sheetXml, workbookParts, writeZip } from '../../import/testing/xlsx-file';
import { uniqueCaseId, windows1252 } from './import-helpers';

let driver: Driver;
let analyst: Workbench;
let reader: Workbench;

const HEADER = 'Naam;Voornamen;Geboortedatum;Geslacht;Rijksregisternummer;Nationaliteit;Straat;Huisnummer;Postcode;Gemeente;Telefoon';
/** A Belgian register extract in Windows-1252 with ';': accents, a row without a name (rejected). */
const REGISTER = [
  HEADER,
  'DESMET;Frédéric;1985.04.12;M;85041212345;BE;Kerkstraat;12;2000;Antwerpen;0475 12 34 56',
  'VAN DEN BROECK;Ann-Sofie;1990.11.02;V;;BE;Meir;1;2000;Antwerpen;',
  ';;1979.01.01;M;;BE;;;;;',
].join('\r\n');

function base64(bytes: Buffer | string): string {
  return Buffer.from(bytes).toString('base64');
}

function beSpec(caseId: string, extra: Record<string, unknown> = {}) {
  const example = JSON.parse(fs.readFileSync(path.resolve('docs/import-specs/be-person-register.json'), 'utf8'));
  return { ...example, case: { ...example.case, id: caseId }, ...extra };
}

async function finished(workbench: Workbench, importId: string): Promise<ImportJobStatus> {
  await expect
    .poll(async () => (await call(workbench, 'getImportStatus', { importId })).state, { timeout: 120_000, interval: 100 })
    .not.toBe('running');
  return call(workbench, 'getImportStatus', { importId });
}

async function countInCase(caseId: string): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (n:Entity {caseId: $caseId}) RETURN count(n) AS n', { caseId });
  return neo4j.integer.toNumber(records[0].get('n'));
}

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  const open = async (role: 'analyst' | 'read-only') => {
    const workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir(), identity: { name: `Test ${role}`, role } });
    await workbench.start();
    return workbench;
  };
  analyst = await open('analyst');
  reader = await open('read-only');
}, 240_000);

afterAll(async () => {
  await Promise.all([analyst?.shutdown(), reader?.shutdown()]);
  await driver?.close();
});

describe('previewImport', () => {
  it('detects encoding, delimiter and headers, shows the first rows and offers the example specifications', async () => {
    const preview = await call(analyst, 'previewImport', { name: 'rijksregister.csv', base64: base64(windows1252(REGISTER)) });
    expect(preview.format).toBe('csv');
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.delimiter).toBe(';');
    expect(preview.headers).toEqual(HEADER.split(';'));
    expect(preview.rows[0]).toEqual({ number: 2, cells: expect.arrayContaining(['DESMET', 'Frédéric']) });
    expect(preview.rows).toHaveLength(3);
    expect(preview.examples.map((example) => example.file)).toContain('be-person-register.json');
  });

  it('says plainly when the file is empty or an old Excel workbook', async () => {
    const empty = await refusal(analyst, 'previewImport', { name: 'empty.csv', base64: '' });
    expect(empty.code).toBe('BAD_REQUEST');
    const xls = await refusal(analyst, 'previewImport', { name: 'old.xls', base64: base64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4])) });
    expect(xls.code).toBe('BAD_REQUEST');
    expect(xls.message).toMatch(/Excel 97-2003/);
    expect(xls.hint).toMatch(/xlsx/);
  });

  it('refuses a workbook that unpacks to 400 MB, and answers a preview of huge cells with a short body', async () => {
    const bombFile = path.join(tempDataDir(), 'bomb.xlsx');
    writeZip(
      bombFile,
      workbookParts(sheetXml([['Naam']]), {
        head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        data: `<si><t>${'A'.repeat(1024 * 1024 - 16)}</t></si>`,
        repeat: 400,
        tail: '</sst>',
        declaredSize: 1000, // understated: only counting while unpacking can stop it
      }),
    );
    const bomb = await refusal(analyst, 'previewImport', { name: 'bomb.xlsx', base64: base64(fs.readFileSync(bombFile)) });
    expect(bomb.code).toBe('BAD_REQUEST');
    expect(bomb.message).toMatch(/expands to more than 64 MB/);

    const hugeCells = ['Naam;Voornaam', ...Array.from({ length: 20 }, (_, i) => `${'X'.repeat(1_000_000)};Piet ${i}`)].join('\n');
    const preview = await call(analyst, 'previewImport', { name: 'huge.csv', base64: base64(hugeCells) });
    expect(preview.rows).toHaveLength(20);
    expect(JSON.stringify(preview).length).toBeLessThan(100_000);
  });

  it('shows a file with UTF-8 and Latin-1 rows read row by row, and asks for the encoding before importing it', async () => {
    const mixed = Buffer.concat([Buffer.from('Naam;Voornamen\nMüller;Jürgen\n', 'utf8'), Buffer.from('Müller;Jörg\n', 'latin1')]);
    const preview = await call(analyst, 'previewImport', { name: 'gemengd.csv', base64: base64(mixed) });
    expect(preview.rows.map((row) => row.cells[1])).toEqual(['Jürgen', 'Jörg']);
    expect(preview.notice?.message).toMatch(/row 2 is written in UTF-8, row 3 in Windows-1252/);
    const spec = beSpec(uniqueCaseId('BE'), { columns: { person: { familyName: 'Naam', givenName: 'Voornamen' } } });
    const refused = await refusal(analyst, 'startImport', { name: 'gemengd.csv', base64: base64(mixed), spec });
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.hint).toMatch(/per-row/);
  });

  it('writes the notice in the language asked for, and refuses a language the importer does not speak', async () => {
    const mixed = Buffer.concat([Buffer.from('Naam;Voornamen\nMüller;Jürgen\nMüller;Jürgen\n', 'utf8'), Buffer.from('Müller;Jörg\n', 'latin1')]);
    const french = await call(analyst, 'previewImport', { name: 'gemengd.csv', base64: base64(mixed), language: 'fr' });
    expect(french.notice?.message).toMatch(/^gemengd\.csv mélange deux encodages de texte : les lignes 2, 3 sont en UTF-8, la ligne 4 en Windows-1252/);
    expect(french.notice?.hint).toMatch(/^Enregistrez à nouveau le fichier/);
    const dutch = await call(analyst, 'previewImport', { name: 'gemengd.csv', base64: base64(mixed), language: 'nl' });
    expect(dutch.notice?.message).toMatch(/rijen 2, 3 zijn in UTF-8 geschreven, rij 4 in Windows-1252/);
    const refused = await refusal(analyst, 'previewImport', { name: 'gemengd.csv', base64: base64(mixed), language: 'de' as unknown as 'fr' });
    expect(refused.code).toBe('BAD_REQUEST');
  });
});

describe('startImport and getImportStatus', () => {
  const caseId = uniqueCaseId('BE');
  const file = { name: 'rijksregister.csv', base64: base64(windows1252(REGISTER)) };

  it('imports in the background, writes a rejects file and runs entity resolution afterwards', { timeout: 180_000 }, async () => {
    const { importId } = await call(analyst, 'startImport', { ...file, spec: beSpec(caseId) });
    const status = await finished(analyst, importId);
    expect(status.state).toBe('done');
    expect(status.fraction).toBe(1);
    expect(status.counts).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(status.counts!.nodesCreated).toBeGreaterThan(2);
    expect(status.rejectsFile?.name).toBe('rijksregister.rejects.csv');
    const rejects = fs.readFileSync(status.rejectsFile!.path, 'utf8');
    expect(rejects).toMatch(/^\uFEFFrow,reason/);
    expect(rejects).toMatch(/\r\n4,/);
    expect(status.summaryText).toMatch(/Rows rejected:\s+1/);
    expect(status.resolution).toMatchObject({ added: expect.any(Number), proposed: expect.any(Number) });
    // The automatic resolution is audited as a combination of data, and the review queue says when it ran.
    const audit = await call(analyst, 'listAuditEntries', { operation: 'runResolution', limit: 20 });
    const entry = audit.entries.find((e) => e.details?.importId === importId);
    expect(entry).toMatchObject({ category: 'combination', user: 'Test analyst', details: { trigger: 'import', caseId, added: (status.resolution as { added: number }).added } });
    const queue = await call(analyst, 'listMatchCandidates', { status: 'pending', limit: 1, offset: 0 });
    expect(queue.lastRun).toMatchObject({ mode: 'full' });
    expect(Date.parse(queue.lastRun!.at)).toBeGreaterThanOrEqual(Date.parse(entry!.at) - 60_000);

    const people = await driver.executeQuery('MATCH (p:Person {caseId: $caseId}) RETURN p.familyName AS name ORDER BY name', { caseId });
    expect(people.records.map((r) => String(r.get('name')).toLowerCase())).toEqual(['desmet', 'van den broeck']);
  });

  it('writes the rejects file in the language the import was started in, and refuses a language it does not speak', { timeout: 180_000 }, async () => {
    // German is a court-export language, not one the importer writes; a hand-made request may still send it.
    const refused = await refusal(analyst, 'startImport', { ...file, spec: beSpec(caseId), language: 'de' as unknown as 'fr' });
    expect(refused.code).toBe('BAD_REQUEST');
    const { importId } = await call(analyst, 'startImport', { ...file, spec: beSpec(uniqueCaseId('BE')), language: 'fr' });
    const status = await finished(analyst, importId);
    expect(status.state).toBe('done');
    const rejects = fs.readFileSync(status.rejectsFile!.path, 'utf8');
    expect(rejects).toMatch(/^\uFEFFligne,motif,code,Naam,/);
    expect(rejects).toMatch(/\r\n4,personne sans nom \(la colonne « Naam » est vide\),NAME_MISSING,/);
  });

  it('says why an import failed in the language it was started in', { timeout: 180_000 }, async () => {
    // A case the database holds as Dutch: a Belgian specification for it fails once the import has started.
    const dutchCase = uniqueCaseId('BE');
    await driver.executeQuery('CREATE (:Case:Entity {id: $id, country: "NL"})', { id: dutchCase });
    const { importId } = await call(analyst, 'startImport', { ...file, spec: beSpec(dutchCase), language: 'fr' });
    const status = await finished(analyst, importId);
    expect(status.state).toBe('failed');
    expect(status.error?.message).toBe(`Le dossier ${dutchCase} est un dossier NL dans la base de données, mais la spécification d'import indique BE.`);
    expect(status.error?.hint).toMatch(/^Corrigez case\.id ou case\.country/);
  });

  it('changes nothing when the same file is imported again', { timeout: 180_000 }, async () => {
    const before = await countInCase(caseId);
    const { importId } = await call(analyst, 'startImport', { ...file, spec: beSpec(caseId) });
    const status = await finished(analyst, importId);
    expect(status.state).toBe('done');
    expect(status.counts!.nodesCreated).toBe(0);
    expect(status.counts!.linksCreated).toBe(0);
    expect(status.counts!.nodesMatched).toBeGreaterThan(0);
    expect(await countInCase(caseId)).toBe(before);
  });

  it('stops on cancel and says from which row to resume', { timeout: 180_000 }, async () => {
    const cancelCase = uniqueCaseId('BE');
    const rows = [HEADER];
    for (let i = 0; i < 50_000; i += 1) rows.push(`Cancelled${i};Test;;;;BE;;;;;`);
    const { importId } = await call(analyst, 'startImport', {
      name: 'big-register.csv',
      base64: base64(rows.join('\n')),
      spec: beSpec(cancelCase, { options: { batchSize: 50 } }),
    });
    const cancelled = await call(analyst, 'cancelImport', { importId });
    expect(cancelled.importId).toBe(importId);
    const status = await finished(analyst, importId);
    expect(status.state).toBe('cancelled');
    expect(status.counts!.rowsRead).toBeLessThan(50_000);
    expect(status.resolution).toBeUndefined();
    if (status.counts!.rowsImported > 0 && status.resumeFromRow !== undefined) expect(status.resumeFromRow).toBeGreaterThan(1);
  });

  it('refuses a specification that is not valid, listing the problems', async () => {
    const error = await refusal(analyst, 'startImport', { ...file, spec: { ...beSpec(uniqueCaseId('BE')), kind: 'person-registre' } });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/not valid/);
    expect(error.hint).toMatch(/docs\/import-specs/);
  });

  it('refuses a file without the columns the specification maps, before importing anything', async () => {
    const otherCase = uniqueCaseId('BE');
    const error = await refusal(analyst, 'startImport', { name: 'other.csv', base64: base64('Kenteken;Merk\n1-ABC-123;Audi\n'), spec: beSpec(otherCase) });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/Naam|column/i);
    expect(await countInCase(otherCase)).toBe(0);
  });

  it('refuses a specification or a file in the language the import was asked in, naming the problem, and says so', async () => {
    const badSpec = { ...beSpec(uniqueCaseId('BE')), kind: 'person-registre', options: { batchSize: 0 } };
    const french = await refusal(analyst, 'startImport', { ...file, spec: badSpec, language: 'fr' });
    expect(french.code).toBe('BAD_REQUEST');
    expect(french.language).toBe('fr');
    expect(french.message).toMatch(/^La spécification d'import n'est pas valide :\n {2}- kind : doit valoir l'une de ces valeurs : "person-register", /);
    expect(french.hint).toMatch(/^Comparez-la avec les exemples de docs\/import-specs\//);

    const otherCase = uniqueCaseId('BE');
    const noColumns = { name: 'ander.csv', base64: base64('Kenteken;Merk\n1-ABC-123;Audi\n'), spec: beSpec(otherCase) };
    const dutch = await refusal(analyst, 'startImport', { ...noColumns, language: 'nl' });
    expect(dutch.language).toBe('nl');
    expect(dutch.message).toMatch(/^ander\.csv heeft geen kolommen .*"Naam", .*die de importspecificatie gebruikt\. Kolommen in het bestand: "Kenteken", "Merk"\./);
    const frenchColumns = await refusal(analyst, 'startImport', { ...noColumns, language: 'fr' });
    expect(frenchColumns.message).toMatch(/^ander\.csv n'a pas de colonnes .*"Naam", .*que la spécification d'import utilise\. Colonnes du fichier : "Kenteken", "Merk"\./);
    expect(await countInCase(otherCase)).toBe(0);

    const english = await refusal(analyst, 'startImport', { ...noColumns });
    expect(english.language).toBeUndefined();
    expect(english.message).toMatch(/^ander\.csv has no columns .*"Naam", .*which the import specification maps\./);
  });

  it('says when an import id is unknown', async () => {
    const error = await refusal(analyst, 'getImportStatus', { importId: 'imp-00000000-0000-0000-0000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('read-only role', () => {
  it('may preview a file but not import or cancel', async () => {
    await expect(call(reader, 'previewImport', { name: 'r.csv', base64: base64(windows1252(REGISTER)) })).resolves.toMatchObject({ delimiter: ';' });
    const caseId = uniqueCaseId('BE');
    const start = await refusal(reader, 'startImport', { name: 'r.csv', base64: base64(windows1252(REGISTER)), spec: beSpec(caseId) });
    expect(start.code).toBe('READ_ONLY');
    const cancel = await refusal(reader, 'cancelImport', { importId: 'imp-00000000-0000-0000-0000-000000000000' });
    expect(cancel.code).toBe('READ_ONLY');
    expect(await countInCase(caseId)).toBe(0);
  });
});
