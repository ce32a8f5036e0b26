import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, describeImportError } from './errors';
import type { SpecIssue } from './rejections';
import { loadImportSpec, parseImportSpec } from './spec';

const examples = path.resolve(import.meta.dirname, '../docs/import-specs');

const minimal = {
  name: 'calls',
  kind: 'call-records',
  case: { id: 'CASE-NL-2024-0001', reference: 'ON-1', country: 'NL', agency: 'Politie' },
  columns: { aNumber: 'A', bNumber: 'B', time: 'T' },
};

function refusalOf(value: unknown): ImportError {
  try {
    parseImportSpec(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected the spec to be rejected');
}

function issuesOf(value: unknown): SpecIssue[] {
  const { problems } = refusalOf(value).problem.values;
  if (typeof problems !== 'object' || !('specIssues' in problems)) throw new Error('expected a list of specification issues');
  return problems.specIssues;
}

function problemsOf(value: unknown): string {
  try {
    parseImportSpec(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error('expected the spec to be rejected');
}

describe('import specifications', () => {
  it.each(fs.readdirSync(examples).filter((f) => f.endsWith('.json')))('the example %s is valid', (file) => {
    expect(() => loadImportSpec(path.join(examples, file))).not.toThrow();
  });

  it('fills in defaults', () => {
    const spec = parseImportSpec(minimal);
    expect(spec.dataset).toBe('import');
    expect(spec.grading).toEqual({});
    expect(spec.options).toEqual({ timeZone: 'Europe/Brussels', dateOfBirthOrder: 'DMY', phoneCountry: 'case', batchSize: 2000, maxCellChars: 32_767, coordinateSystem: 'WGS84' });
  });

  it('lists every problem with its path', () => {
    const message = problemsOf({
      ...minimal,
      case: { ...minimal.case, country: 'DE' },
      grading: { sourceReliability: 'Z' },
      columns: { aNumber: 'A', time: 'T', extra: 'X' },
    });
    expect(message).toMatch(/case\.country/);
    expect(message).toMatch(/grading\.sourceReliability/);
    expect(message).toMatch(/columns\.bNumber/);
    expect(message).toMatch(/extra/);
  });

  it('needs a name column for persons and a known kind and time zone', () => {
    expect(problemsOf({ ...minimal, kind: 'gang-membership', columns: { person: { dateOfBirth: 'geb' }, gang: 'Club' } })).toMatch(
      /fullName or familyName/,
    );
    expect(problemsOf({ ...minimal, kind: 'tweets' })).toMatch(/kind/);
    expect(problemsOf({ ...minimal, options: { timeZone: 'Mars/Olympus' } })).toMatch(/time zone/);
  });

  it('gives each problem a code of its own, so none is only "not valid"', () => {
    const issues = issuesOf({
      ...minimal,
      name: '',
      recordedAt: '15-03-2024',
      case: { ...minimal.case, id: 'zaak 1', country: 'DE' },
      columns: { aNumber: 'A', time: 7, extra: 'X', more: 'Y' },
      options: { timeZone: 'Mars/Olympus', batchSize: 0, maxCellChars: 10_000_001, sheet: 'x'.repeat(201) },
    });
    const byPath = Object.fromEntries(issues.map((issue) => [issue.values.path, issue.code]));
    expect(byPath).toEqual({
      name: 'TEXT_EMPTY',
      recordedAt: 'DATE_FORMAT',
      'case.id': 'CASE_ID_FORMAT',
      'case.country': 'NOT_ONE_OF',
      'columns.bNumber': 'FIELD_MISSING',
      'columns.time': 'WRONG_TYPE',
      columns: 'UNKNOWN_FIELDS',
      'options.timeZone': 'TIME_ZONE_UNKNOWN',
      'options.batchSize': 'NUMBER_TOO_SMALL',
      'options.maxCellChars': 'NUMBER_TOO_LARGE',
      'options.sheet': 'TEXT_TOO_LONG',
    });
    expect(issuesOf({ ...minimal, kind: 'tweets' }).map((issue) => issue.code)).toEqual(['NOT_ONE_OF']);
    expect(issuesOf('a spec').map((issue) => issue.code)).toEqual(['WRONG_TYPE']);
    expect(issuesOf({ ...minimal, kind: 'network', format: 'edge-list', columns: undefined }).map((issue) => issue.code)).toEqual(['EDGE_LIST_COLUMNS_MISSING']);
    expect(issuesOf({ ...minimal, kind: 'person-register', columns: { person: { gender: 'G' }, address: {} } }).map((issue) => issue.code)).toEqual(['PERSON_NAME_UNMAPPED', 'ADDRESS_UNMAPPED']);
  });

  it('lists the problems in the language asked for, numbers written as that language does', () => {
    const refusal = refusalOf({ ...minimal, case: { ...minimal.case, country: 'DE' }, options: { batchSize: 60_000 }, columns: { aNumber: 'A', time: 'T' } });
    expect(describeImportError(refusal, 'fr').message).toBe(
      [
        "La spécification d'import n'est pas valide :",
        '  - columns.bNumber : manquant',
        '  - case.country : doit valoir l\'une de ces valeurs : "NL", "BE"',
        '  - options.batchSize : doit valoir au plus 50\u202f000',
      ].join('\n'),
    );
    expect(describeImportError(refusal, 'nl').message).toMatch(/options\.batchSize: mag hoogstens 50\.000 zijn$/);
    expect(refusal.message).toMatch(/options\.batchSize: must be at most 50,000$/);
    expect(describeImportError(refusalOf([]), 'nl').message).toMatch(/\(hoogste niveau\): moet een object \(\{…\}\) zijn$/);
  });

  it('says when the file is not JSON or not there', () => {
    expect(() => loadImportSpec('/nonexistent/spec.json')).toThrow(/does not exist/);
  });
});
