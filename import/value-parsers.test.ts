import { describe, expect, it } from 'vitest';
import { parseDecimal, parseDurationSeconds, parseGender, parseYesNo } from './value-parsers';

describe('parseDurationSeconds', () => {
  it.each([
    ['75', 75],
    ['75,4', 75],
    ['1:15', 75],
    ['00:01:15', 75],
    ['1m15s', 75],
    ['2 min', 120],
    ['1h', 3600],
    ['00:01:15.000', 75], // operator exports with milliseconds
    ['0:01:15,5', 76],
    ['1:15.4', 75],
    ['01:00:00.000', 3600],
  ])('%s → %d', (text, seconds) => expect(parseDurationSeconds(text)).toBe(seconds));
  it.each(['', 'lang', '1:75', '-5', '1:15.', '00:01:15.000.1'])('rejects "%s"', (text) => expect(parseDurationSeconds(text)).toBeNull());
});

describe('parseDecimal', () => {
  it('reads decimal commas and points', () => {
    expect(parseDecimal('51,2194')).toBe(51.2194);
    expect(parseDecimal('4.4025')).toBe(4.4025);
    expect(parseDecimal('-0,5')).toBe(-0.5);
    expect(parseDecimal('51°N')).toBeNull();
  });
});

describe('parseYesNo and parseGender', () => {
  it('reads Dutch, French and English', () => {
    expect(['ja', 'Oui', 'yes', 'X', '1'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['nee', 'neen', 'Non', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('misschien')).toBeNull();
    expect(['M', 'man', 'homme', 'V', 'vrouw', 'F', 'femme'].map(parseGender)).toEqual(['M', 'M', 'M', 'F', 'F', 'F', 'F']);
    expect(parseGender('X')).toBeNull();
  });
});
