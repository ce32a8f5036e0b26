import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, requestSchemas } from './api';
import { OPERATION_POLICIES } from './operations';
import { MAX_JSON_DEPTH, dataText, freeText, isRealIsoDate, isoDate, ruleOf, wellFormedJson } from './text';

const ruleFor = (result: { success: boolean; error?: { issues: { code: string; params?: unknown }[] } }) =>
  result.success ? 'ok' : ruleOf(result.error!.issues[0]);

describe('free text', () => {
  const line = freeText({ min: 1, max: 10 });
  const note = freeText({ max: 50, multiline: true, trim: false });

  it('refuses lone surrogates, control characters and bidi overrides or isolates', () => {
    for (const text of ['a\ud800', '\udc00b', 'bell\u0007', 'nul\u0000', 'c1\u0085', 'x\u202Ey', '\u2066x\u2069', '\u202Ax']) {
      expect(ruleFor(line.safeParse(text)), JSON.stringify(text)).toBe('invalid_text');
    }
    expect(ruleFor(line.safeParse('\ud83d\ude00 ok'))).toBe('ok');
  });

  it('allows line breaks and tabs only in multi-line fields', () => {
    expect(ruleFor(line.safeParse('a\nb'))).toBe('invalid_text');
    expect(ruleFor(line.safeParse('a\tb'))).toBe('invalid_text');
    expect(ruleFor(note.safeParse('first line\n\tsecond line\r\n'))).toBe('ok');
    expect(ruleFor(note.safeParse('a\u202Eb'))).toBe('invalid_text');
  });

  it('caps the length and trims single-line text', () => {
    expect(ruleFor(line.safeParse('x'.repeat(11)))).toBe('too_long');
    expect(line.parse('  jan  ')).toBe('jan');
    expect(ruleFor(line.safeParse('   '))).toBe('invalid');
  });

  it('calls a number past its maximum too large, and a list past its length too long', () => {
    const expand = requestSchemas.expand;
    expect(ruleFor(expand.safeParse({ ids: ['P-1'], limit: 1e308 }))).toBe('too_large');
    expect(ruleFor(expand.safeParse({ ids: Array.from({ length: 100_000 }, (_, i) => `P-${i}`) }))).toBe('too_long');
  });

  it('asks only well-formedness of data text and JSON values', () => {
    expect(ruleFor(dataText().safeParse('tab\tand\u202Eoverride'))).toBe('ok');
    expect(ruleFor(dataText().safeParse('broken\ud800'))).toBe('invalid_text');
    expect(ruleFor(wellFormedJson().safeParse({ a: [{ b: 'fine' }] }))).toBe('ok');
    expect(ruleFor(wellFormedJson().safeParse({ a: [{ b: 'x\udbff' }] }))).toBe('invalid_text');
    expect(ruleFor(wellFormedJson().safeParse({ ['key\ud800']: 1 }))).toBe('invalid_text');
  });

  it('refuses JSON values nested deeper than the limit, and finds broken characters at every depth it accepts', () => {
    const nested = (levels: number, leaf: unknown): unknown => {
      let value = leaf;
      for (let level = 0; level < levels; level++) value = [value];
      return value;
    };
    expect(ruleFor(wellFormedJson().safeParse(nested(MAX_JSON_DEPTH, 1)))).toBe('ok');
    expect(ruleFor(wellFormedJson().safeParse(nested(MAX_JSON_DEPTH + 1, 1)))).toBe('invalid');
    expect(ruleFor(wellFormedJson().safeParse(nested(10_000, 1)))).toBe('invalid');
    expect(ruleFor(wellFormedJson().safeParse(nested(MAX_JSON_DEPTH - 1, 'x\ud800')))).toBe('invalid_text');
    expect(ruleFor(wellFormedJson().safeParse({ a: nested(MAX_JSON_DEPTH - 2, { ['key\udc00']: 1 }) }))).toBe('invalid_text');
  });
});

describe('ISO dates', () => {
  it('accepts real dates and date-times only', () => {
    for (const date of ['2024-02-29', '2024-03-01T14:30', '2024-03-01 14:30:59', '2024-03-01T14:30:00.123Z', '2024-03-01T14:30+01:00']) expect(isRealIsoDate(date), date).toBe(true);
    for (const date of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-04-31', '2024-03-01T25:00', '2024-03-01T12:60', '2024-03-01T12:00:61', '01-03-2024', '2024-3-1']) {
      expect(isRealIsoDate(date), date).toBe(false);
    }
  });

  it('hands on a date-time written with a space as the ISO form with a "T"', () => {
    expect(isoDate.parse('2024-03-01 14:30:59')).toBe('2024-03-01T14:30:59');
    expect(isoDate.parse('2024-03-01 14:30+01:00')).toBe('2024-03-01T14:30+01:00');
    expect(isoDate.parse('2024-03-01')).toBe('2024-03-01');
  });
});

describe('operations table', () => {
  it('has exactly one row per operation of the contract', () => {
    expect(Object.keys(OPERATION_POLICIES).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.keys(requestSchemas).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('marks every writing operation as audited', () => {
    for (const [operation, policy] of Object.entries(OPERATION_POLICIES)) {
      if (policy.writes) expect(policy.category, operation).not.toBeNull();
    }
  });
});
