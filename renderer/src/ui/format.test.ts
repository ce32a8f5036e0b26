import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatValue, gradingCode, propertyName } from './format';

afterEach(() => i18n.changeLanguage('en'));

describe('format', () => {
  it('turns property keys into words, from the catalogue where it names them', async () => {
    expect(propertyName('dateOfBirth')).toBe('Date of birth');
    expect(propertyName('plateNormalized')).toBe('Plate normalized');
    expect(propertyName('someNewField')).toBe('Some new field');
    await i18n.changeLanguage('nl-BE');
    expect(propertyName('plate')).toBe('Nummerplaat');
    await i18n.changeLanguage('nl-NL');
    expect(propertyName('plate')).toBe('Kenteken');
    await i18n.changeLanguage('fr-BE');
    expect(propertyName('nationalNumber')).toBe('Numéro de registre national');
  });
  it('formats values for reading', () => {
    expect(formatValue(['Jan', 'Johnny'])).toBe('Jan, Johnny');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('1990-01-02')).toBe('02/01/1990');
  });
  it('writes dates and times in the locale order, 24-hour, in Belgian time whatever the machine zone', () => {
    // 14:07 UTC in March is 15:07 in Brussels (CET); in July 16:07 (CEST).
    expect(formatDateTime('2024-03-05T14:07:00Z', 'en-GB')).toBe('05/03/2024 15:07');
    expect(formatDateTime('2024-07-05T14:07:00Z', 'nl-BE')).toBe('05/07/2024 16:07');
    expect(formatDateTime('2024-03-05T22:30:00Z', 'nl-NL')).toBe('05-03-2024 23:30');
    expect(formatDateTime('2024-03-05T14:07:00Z', 'fr-BE')).toBe('05/03/2024 15:07');
    expect(formatDate('1990-01-02', 'nl-NL')).toBe('02-01-1990');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
  it('writes numbers and durations in the locale', () => {
    expect(formatNumber(12345, 'en-GB')).toBe('12,345');
    expect(formatNumber(12345, 'nl-BE')).toBe('12.345');
    expect(formatNumber(12345, 'fr-BE').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatDuration(90_000, 'en-GB')).toBe('1 min 30 secs');
    expect(formatDuration(3_600_000 * 2, 'nl-NL')).toBe('2 uur');
  });
  it('writes 4x4 grading as one code', () => {
    expect(gradingCode('B', '2')).toBe('B2');
    expect(gradingCode(undefined, undefined)).toBeUndefined();
  });
});
