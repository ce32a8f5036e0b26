import { describe, expect, it } from 'vitest';
import { parseDateOfBirth } from './date-of-birth';

const referenceYear = 2025;

describe('parseDateOfBirth', () => {
  it.each([
    ['12-03-1991', '1991-03-12'],
    ['12/03/1991', '1991-03-12'],
    ['12.03.1991', '1991-03-12'],
    ['2-3-1991', '1991-03-02'],
    ['1991-03-12', '1991-03-12'],
    ['1991-03-12T00:00:00Z', '1991-03-12'],
    ['91.03.12', '1991-03-12'], // Belgian yy.mm.dd: day-first would be day 91
    ['12031991', '1991-03-12'],
    ['19910312', '1991-03-12'],
    ['12-03-91', '1991-03-12'],
    ['120391', '1991-03-12'],
    ['12 maart 1991', '1991-03-12'],
    ['12 mars 1991', '1991-03-12'],
    ['1er mars 1991', '1991-03-01'],
    ['12 March 1991', '1991-03-12'],
    ['12-fév-1991', '1991-02-12'],
    ['29-02-2000', '2000-02-29'],
    ['01-01-24', '2024-01-01'], // two-digit year not after the reference year
    ['01-01-26', '1926-01-01'], // 2026 would be in the future
  ])('%s → %s', (input, iso) => {
    expect(parseDateOfBirth(input, { referenceYear })).toBe(iso);
  });

  it('lets preferOrder decide when both readings are real dates', () => {
    expect(parseDateOfBirth('05.03.12', { referenceYear })).toBe('2012-03-05');
    expect(parseDateOfBirth('05.03.12', { referenceYear, preferOrder: 'YMD' })).toBe('2005-03-12');
    // Only one reading is a date: preferOrder does not matter.
    expect(parseDateOfBirth('91.03.12', { referenceYear, preferOrder: 'DMY' })).toBe('1991-03-12');
    expect(parseDateOfBirth('12.02.30', { referenceYear, preferOrder: 'YMD' })).toBe('1930-02-12'); // no 30 February
  });

  it('resolves two-digit years relative to the reference year', () => {
    expect(parseDateOfBirth('01-01-30', { referenceYear: 2025 })).toBe('1930-01-01');
    expect(parseDateOfBirth('01-01-30', { referenceYear: 2035 })).toBe('2030-01-01');
  });

  it.each([
    ['12/03/1991 00:00', '1991-03-12'],
    ['12-03-1991 0:00:00', '1991-03-12'],
    ['1991-03-12 00:00:00', '1991-03-12'],
    ['1991-03-12 00:00:00.000', '1991-03-12'],
    ['1991-03-12T00:00:00', '1991-03-12'],
    ['12-03-91 00:00', '1991-03-12'],
    ['12 maart 1991 00:00', '1991-03-12'],
    ['1991-03-12 14:30', '1991-03-12'], // a time of birth is still the date of birth
  ])('drops the time an export wrote after the date: %s → %s', (input, iso) => {
    expect(parseDateOfBirth(input, { referenceYear })).toBe(iso);
  });

  it.each([
    ['1991-03-11T23:00:00Z', '1991-03-12'], // midnight in Brussels (CET) stored in UTC
    ['1991-06-11T22:00:00.000Z', '1991-06-12'], // midnight in Brussels (CEST) stored in UTC
    ['1991-03-12T00:00:00Z', '1991-03-12'],
    ['1991-03-12T00:00:00+01:00', '1991-03-12'],
    ['1991-03-12 00:00:00 +0100', '1991-03-12'],
  ])('reads a date of birth with a UTC offset as the date it was in Brussels: %s → %s', (input, iso) => {
    expect(parseDateOfBirth(input, { referenceYear })).toBe(iso);
  });

  it('reads a UTC offset in the time zone it is given', () => {
    expect(parseDateOfBirth('1991-03-12T03:00:00Z', { referenceYear, timeZone: 'America/New_York' })).toBe('1991-03-11');
  });

  it.each(['', '31-02-1991', '12-13-1991', '2030-01-01', '01-01-1850', '1991', 'yesterday', '12 smarch 1991', '03/12/1991/1', '31-02-1991 00:00', '12-03-1991 25:00:00Z', '12-03-1991 00:00 +5'])(
    'returns null for %j',
    (input) => {
      expect(parseDateOfBirth(input, { referenceYear })).toBeNull();
    },
  );
});
