import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { loadImportSpec, parseImportSpec } from './spec';

const examples = path.resolve(import.meta.dirname, '../docs/import-specs');

const minimal = {
  name: 'calls',
  kind: 'call-records',
  case: { id: 'CASE-NL-2024-0001', reference: 'ON-1', country: 'NL', agency: 'Politie' },
  columns: { aNumber: 'A', bNumber: 'B', time: 'T' },
};

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

  it('says when the file is not JSON or not there', () => {
    expect(() => loadImportSpec('/nonexistent/spec.json')).toThrow(/does not exist/);
  });
});
