// Every reason the importer can give has its words in every language, with the same placeholders, and every
// placeholder is one the code fills in: a French analyst never gets an English reason or a bare {column}.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_CATALOGUES, IMPORT_LANGUAGES, describeRejection, rejection, term, type ReasonValue, type RejectCode } from './rejections';

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

describe('import catalogues', () => {
  it('has one catalogue per import language and nothing else', () => {
    expect(readdirSync(folder).sort()).toEqual(IMPORT_LANGUAGES.map((language) => `${language}.json`).sort());
  });

  it('has every key of English in every language, non-empty, with the same placeholders', () => {
    const english = IMPORT_CATALOGUES.en;
    for (const language of IMPORT_LANGUAGES) {
      // Read from disk as well, so a key only English has is caught even where the types would allow it.
      const catalogue = JSON.parse(readFileSync(new URL(`${language}.json`, folder), 'utf8')) as typeof english;
      for (const section of ['rejectsFile', 'reasons', 'terms'] as const) {
        expect(keys(catalogue[section]), `${language} ${section}`).toEqual(keys(english[section]));
        for (const [key, text] of Object.entries(catalogue[section]) as [string, string][]) {
          expect(text.trim(), `${language} ${section}.${key}`).not.toBe('');
          expect(placeholders(text), `${language} ${section}.${key}`).toEqual(placeholders((english[section] as Record<string, string>)[key]));
        }
      }
    }
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
