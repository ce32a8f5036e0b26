// Every reason the importer can give has its words in every language, with the same placeholders, and every
// placeholder is one the code fills in: a French analyst never gets an English reason or a bare {column}.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_CATALOGUES, IMPORT_LANGUAGES, describeRejection, rejection, rowList, term, type ReasonValue, type RejectCode, type SpecIssueCode } from './rejections';
import { ImportError, describeImportError, describeNote, describeProblem, type NoteKey, type ProblemKey } from './errors';

const folder = new URL('./locales/', import.meta.url);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const keys = (section: object) => Object.keys(section).sort();

/** Every code with the values the importer gives it (import/mapping/, csv-reader, xlsx-reader, coordinates). */
const EXAMPLES: Record<RejectCode, Record<string, ReasonValue>> = {
  UNCLOSED_QUOTE: {},
  UNDOUBLED_QUOTE: {},
  TOO_MANY_VALUES: { values: 5, columns: 4, delimiter: term('tab') },
  CELL_TOO_LONG: { column: 'Naam', length: 40_000, limit: 32_767 },
  CELL_ERROR: { column: 'Naam', error: '#N/A' },
  FORMULA_WITHOUT_RESULT: { column: 'Naam', formula: 'A1' },
  FORMULA_ERROR: { column: 'Naam', formula: 'A1/0', error: '#DIV/0!' },
  VALUE_MISSING: { field: term('callTime'), column: 'Tijd' },
  NAME_MISSING: { role: term('person'), column: 'Naam' },
  NO_PERSON: {},
  NO_MEMBER: {},
  DATE_OF_BIRTH_INVALID: { role: term('holder'), value: '31-02-1990' },
  NATIONAL_NUMBER_LENGTH: { role: term('person'), value: '12345' },
  BSN_LENGTH: { role: term('subscriber'), value: '12345' },
  NOT_A_PHONE_NUMBER: { field: term('aNumber'), value: 'bel me' },
  IMEI_LENGTH: { value: '123' },
  IMSI_LENGTH: { value: '123' },
  NOT_A_LICENCE_PLATE: { value: '----' },
  NOT_YES_OR_NO: { value: 'misschien', column: 'Gestolen' },
  NOT_A_DATE_TIME: { field: term('startDate'), value: 'gisteren' },
  NO_DATE_PLACEHOLDER: { field: term('timeOfHit'), column: 'Tijd', value: '31-12-9999' },
  DURATION_INVALID: { value: 'lang' },
  NOT_A_NUMBER: { field: term('latitude'), value: 'noord' },
  HALF_A_GRID_PLACE: { field: term('easting'), value: '150000', missing: term('northing') },
  COORDINATE_OUT_OF_RANGE: { field: term('longitude'), value: '200', limit: 180 },
  GRID_METRES_AS_DEGREES: { lat: '155000', lon: '463000' },
  DEGREES_OUT_OF_RANGE: { lat: '95', lon: '4' },
  LATITUDE_LONGITUDE_SWAPPED: { lat: '4.4', lon: '51.2' },
  GRID_X_Y_SWAPPED: { grid: 'RD New', x: '463000', y: '155000' },
  OUTSIDE_GRID_AREA: { grid: 'Lambert 72', x: '9000000', y: '9000000' },
  NETWORK_TIME_INVALID: { value: 'ooit' },
  WEIGHT_NOT_A_NUMBER: { value: 'veel' },
  MATRIX_ROW_ID_MISSING: {},
  MATRIX_CELL_NOT_A_NUMBER: { column: 'c', value: 'x' },
};

/** Every error and summary problem with the values the importer gives it (the ImportError throws, engine, backend). */
const PROBLEM_EXAMPLES: Record<ProblemKey, Record<string, ReasonValue>> = {
  ENCODING_MIXED: { file: 'a.csv', utf8Rows: rowList([2, 6], 5, 'rowIs'), windowsRows: rowList([3], 1, 'row') },
  NO_TEXT: { file: 'a.csv' },
  READ_FAILED: { file: 'a.csv', error: 'EIO' },
  NO_HEADER_ROW: { file: 'a.csv' },
  SPEC_INVALID: { problems: { specIssues: [{ code: 'FIELD_MISSING', values: { path: 'kind' } }] }, kinds: 'anpr, network' },
  SPEC_FILE_INVALID: { path: 'spec.json', problems: { specIssues: [{ code: 'VALUE_INVALID', values: { path: term('specTopLevel') } }] }, kinds: 'anpr, network' },
  SPEC_UNREADABLE: { path: 'spec.json' },
  SPEC_NOT_JSON: { path: 'spec.json', error: 'Unexpected token' },
  WORKBOOK_UNREADABLE: { file: 'a.xlsx', error: 'bad zip' },
  SHEET_NOT_FOUND: { file: 'a.xlsx', sheet: 'Blad2', sheets: 'Blad1' },
  SHEET_NOT_FOUND_NONE: { file: 'a.xlsx', sheet: 'Blad2' },
  NO_WORKSHEETS: { file: 'a.xlsx' },
  SHEET_EMPTY: { file: 'a.xlsx', sheet: 'Blad1' },
  WORKBOOK_TOO_LARGE: { file: 'a.xlsx', part: term('sharedStringsPart'), size: 400, limit: 64 },
  WORKBOOK_TOO_LARGE_WHILE_READING: { file: 'a.xlsx', part: term('workbookContent'), limit: 2048 },
  NETWORK_NO_GRAPH: { format: 'GEXF' },
  NOT_A_NETWORK_FILE: { file: 'a.graphml', format: 'GraphML', element: 'graphml' },
  NETWORK_FILE_REFUSED: { file: 'a.graphml', detail: 'too large', hint: 'Split it.' },
  NETWORK_FILE_UNREADABLE: { file: 'a.graphml', error: 'EIO' },
  COLUMN_MISSING: { file: 'a.csv', columns: '"Naam"', present: term('noColumns') },
  COLUMNS_MISSING: { file: 'a.csv', columns: '"Naam", "Tijd"', present: '"Nom"' },
  COLUMNS_AMBIGUOUS: { file: 'a.csv', columns: '"Naam"' },
  OLD_EXCEL: { file: 'a.xls' },
  NOT_AN_EXCEL_WORKBOOK: { file: 'a.xlsx' },
  EXCEL_NAME_NOT_A_WORKBOOK: { file: 'a.xlsx' },
  FILE_NOT_FOUND: { path: '/tmp/a.csv' },
  NOT_A_FILE: { path: '/tmp' },
  FILE_EMPTY: { file: 'a.csv' },
  CASE_CONFLICT: { caseId: 'CASE-1', country: 'NL', specCountry: 'BE' },
  IMPORT_STOPPED: { error: 'boom' },
  BATCH_FAULT: { error: 'boom' },
  CONNECTION_LOST: {},
  BATCH_TRANSIENT: { error: term('transientError') },
  BATCH_REFUSED: { error: 'constraint' },
};

/** Every issue of a specification with the values import/spec.ts gives it; most name only the field. */
const FIELD_ONLY_ISSUES = [
  'FIELD_MISSING', 'TEXT_EMPTY', 'DATE_FORMAT', 'CASE_ID_FORMAT', 'TIME_ZONE_UNKNOWN', 'PERSON_NAME_UNMAPPED',
  'ADDRESS_UNMAPPED', 'EDGE_LIST_COLUMNS_MISSING', 'COLUMNS_NOT_EDGE_LIST', 'VALUE_INVALID',
] as const satisfies SpecIssueCode[];
const fieldOnlyExamples = {} as Record<(typeof FIELD_ONLY_ISSUES)[number], Record<string, ReasonValue>>;
for (const code of FIELD_ONLY_ISSUES) fieldOnlyExamples[code] = { path: 'columns.person' };
const SPEC_ISSUE_EXAMPLES: Record<SpecIssueCode, Record<string, ReasonValue>> = {
  ...fieldOnlyExamples,
  WRONG_TYPE: { path: 'options.batchSize', expected: term('specWholeNumber') },
  UNKNOWN_FIELD: { path: term('specTopLevel'), fields: '"extra"' },
  UNKNOWN_FIELDS: { path: 'columns', fields: '"aNumber", "bNumber"' },
  NOT_ONE_OF: { path: 'case.country', allowed: '"NL", "BE"' },
  TEXT_TOO_SHORT: { path: 'name', minimum: 2 },
  TEXT_TOO_LONG: { path: 'options.sheet', maximum: 200 },
  NUMBER_TOO_SMALL: { path: 'options.batchSize', minimum: 1 },
  NUMBER_TOO_LARGE: { path: 'options.batchSize', maximum: 50_000 },
};

const NOTE_EXAMPLES: Record<NoteKey, Record<string, ReasonValue>> = {
  PLACES_DOUBTFUL: { rows: rowList([4, 9], 12, 'rowHas') },
  NO_DATA_ROWS: { file: 'a.csv' },
  EVERY_ROW_REJECTED: {},
  RESOLUTION_FAILED: { error: 'timeout' },
};

describe('import catalogues', () => {
  it('has one catalogue per import language and nothing else', () => {
    expect(readdirSync(folder).sort()).toEqual(IMPORT_LANGUAGES.map((language) => `${language}.json`).sort());
  });

  it('has every key of English in every language, non-empty, with the same placeholders', () => {
    const english = IMPORT_CATALOGUES.en;
    for (const language of IMPORT_LANGUAGES) {
      // Read from disk as well, so a key only English has is caught even where the types would allow it.
      const catalogue = JSON.parse(readFileSync(new URL(`${language}.json`, folder), 'utf8')) as typeof english;
      for (const section of ['rejectsFile', 'reasons', 'terms', 'notes', 'rowLists', 'specIssues', 'summary', 'commandLine'] as const) {
        expect(keys(catalogue[section]), `${language} ${section}`).toEqual(keys(english[section]));
        for (const [key, text] of Object.entries(catalogue[section]) as [string, string][]) {
          expect(text.trim(), `${language} ${section}.${key}`).not.toBe('');
          expect(placeholders(text), `${language} ${section}.${key}`).toEqual(placeholders((english[section] as Record<string, string>)[key]));
        }
      }
    }
  });

  it('has a message and a hint for every error in every language, with the placeholders of English', () => {
    const english = IMPORT_CATALOGUES.en.problems;
    for (const language of IMPORT_LANGUAGES) {
      const catalogue = JSON.parse(readFileSync(new URL(`${language}.json`, folder), 'utf8')) as typeof IMPORT_CATALOGUES.en;
      expect(keys(catalogue.problems), language).toEqual(keys(english));
      for (const [key, { message, hint }] of Object.entries(catalogue.problems) as [ProblemKey, { message: string; hint: string }][]) {
        expect(message.trim() && hint.trim(), `${language} problems.${key}`).not.toBe('');
        expect(placeholders(message), `${language} ${key}.message`).toEqual(placeholders(english[key].message));
        expect(placeholders(hint), `${language} ${key}.hint`).toEqual(placeholders(english[key].hint));
      }
    }
  });

  it('fills every placeholder of every error and note, in every language', () => {
    expect(keys(PROBLEM_EXAMPLES)).toEqual(keys(IMPORT_CATALOGUES.en.problems));
    expect(keys(NOTE_EXAMPLES)).toEqual(keys(IMPORT_CATALOGUES.en.notes));
    expect(keys(SPEC_ISSUE_EXAMPLES)).toEqual(keys(IMPORT_CATALOGUES.en.specIssues));
    for (const language of IMPORT_LANGUAGES) {
      for (const [key, values] of Object.entries(PROBLEM_EXAMPLES) as [ProblemKey, Record<string, ReasonValue>][]) {
        const { message, hint } = describeProblem({ key, values }, language);
        expect(`${message} ${hint}`, `${language} ${key}`).not.toMatch(/\{\w+\}/);
        const { message: enMessage, hint: enHint } = IMPORT_CATALOGUES.en.problems[key];
        expect(keys(values), key).toEqual([...new Set([...placeholders(enMessage), ...placeholders(enHint)])].sort());
      }
      const issues = (Object.entries(SPEC_ISSUE_EXAMPLES) as [SpecIssueCode, Record<string, ReasonValue>][]).map(([code, values]) => ({ code, values }));
      const { message: specMessage } = describeProblem({ key: 'SPEC_INVALID', values: { problems: { specIssues: issues }, kinds: 'anpr' } }, language);
      expect(specMessage, `${language} specIssues`).not.toMatch(/\{\w+\}/);
      expect(specMessage.split('\n  - ').length, `${language} one line per issue`).toBe(issues.length + 1);
      for (const { code, values } of issues) expect(keys(values), code).toEqual(placeholders(IMPORT_CATALOGUES.en.specIssues[code]));
      for (const [key, values] of Object.entries(NOTE_EXAMPLES) as [NoteKey, Record<string, ReasonValue>][]) {
        expect(describeNote({ key, values }, language), `${language} ${key}`).not.toMatch(/\{\w+\}/);
        expect(keys(values), key).toEqual(placeholders(IMPORT_CATALOGUES.en.notes[key]));
      }
    }
  });

  it('keeps the English words of an error on the error, and gives them in the language asked for', () => {
    const error = new ImportError('ENCODING_MIXED', 'ENCODING_MIXED', PROBLEM_EXAMPLES.ENCODING_MIXED);
    expect(error.message).toMatch(/^a\.csv mixes two text encodings: rows 2, 6 and 3 more are written in UTF-8, row 3 in Windows-1252/);
    expect(describeImportError(error, 'nl').message).toMatch(/^a\.csv gebruikt twee tekstcoderingen door elkaar: rijen 2, 6 en nog 3 zijn in UTF-8 geschreven, rij 3 in Windows-1252/);
    expect(describeImportError(error, 'fr').message).toMatch(/^a\.csv mélange deux encodages de texte : les lignes 2, 6 et 3 autres sont en UTF-8, la ligne 3 en Windows-1252/);
    expect(describeImportError(error, 'fr').hint).toMatch(/^Enregistrez à nouveau le fichier dans un seul encodage/);
    expect(describeNote({ key: 'PLACES_DOUBTFUL', values: NOTE_EXAMPLES.PLACES_DOUBTFUL }, 'nl')).toMatch(/^Rijen 4, 9 en nog 10 hebben een plaats die mogelijk fout is/);
  });

  it('fills every placeholder of every reason, in every language', () => {
    expect(keys(EXAMPLES)).toEqual(keys(IMPORT_CATALOGUES.en.reasons));
    for (const language of IMPORT_LANGUAGES) {
      for (const [code, values] of Object.entries(EXAMPLES) as [RejectCode, Record<string, ReasonValue>][]) {
        const text = describeRejection(rejection(code, values), language);
        expect(text, `${language} ${code}`).not.toMatch(/[{}]/);
        expect([...new Set(placeholders(IMPORT_CATALOGUES.en.reasons[code]))], code).toEqual(keys(values));
      }
    }
  });

  it('translates the words a reason names and writes numbers as the language does', () => {
    const tooLong = rejection('CELL_TOO_LONG', { column: 'Naam', length: 40_000, limit: 32_767 });
    expect(describeRejection(tooLong, 'en')).toMatch(/40,000 characters, more than the 32,767/);
    expect(describeRejection(tooLong, 'nl')).toMatch(/40\.000 tekens, meer dan de 32\.767/);
    expect(describeRejection(tooLong, 'fr')).toMatch(/40\u202f000 caractères, plus que les 32\u202f767/);
    const missing = rejection('VALUE_MISSING', { field: term('aNumberCaller'), column: 'A' });
    expect(describeRejection(missing, 'en')).toBe('no A-number (caller) (column "A" is empty)');
    expect(describeRejection(missing, 'nl')).toBe('geen A-nummer (oproeper) (kolom "A" is leeg)');
    expect(describeRejection(missing, 'fr')).toBe('numéro A (appelant) : aucune valeur (la colonne « A » est vide)');
  });
});
