import { describe, expect, it } from 'vitest';
import { formatValue, gradingCode, propertyName } from './format';

describe('format', () => {
  it('turns property keys into words', () => {
    expect(propertyName('dateOfBirth')).toBe('Date of birth');
    expect(propertyName('plateNormalized')).toBe('Plate normalized');
  });
  it('formats values for reading', () => {
    expect(formatValue(['Jan', 'Johnny'])).toBe('Jan, Johnny');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('2024-03-05T14:07:00Z')).toBe('2024-03-05 14:07');
    expect(formatValue('1990-01-02')).toBe('1990-01-02');
  });
  it('writes 4x4 grading as one code', () => {
    expect(gradingCode('B', '2')).toBe('B2');
    expect(gradingCode(undefined, undefined)).toBeUndefined();
  });
});
