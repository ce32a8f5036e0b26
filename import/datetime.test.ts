import { describe, expect, it } from 'vitest';
import { parseDateTime } from './datetime';

const brussels = { timeZone: 'Europe/Brussels' };
const iso = (text: string) => {
  const epoch = parseDateTime(text, brussels);
  return epoch === null ? null : new Date(epoch).toISOString();
};

describe('parseDateTime', () => {
  it.each([
    // winter time: UTC+1
    ['2024-03-01 14:05', '2024-03-01T13:05:00.000Z'],
    ['2024-03-01T14:05:07', '2024-03-01T13:05:07.000Z'],
    ['01-03-2024 14:05', '2024-03-01T13:05:00.000Z'],
    ['01/03/2024 14:05:07', '2024-03-01T13:05:07.000Z'],
    ['1.3.2024 14u05', '2024-03-01T13:05:00.000Z'],
    ['01-03-24 14:05', '2024-03-01T13:05:00.000Z'],
    ['2024/03/01 14:05', '2024-03-01T13:05:00.000Z'],
    ['20240301 140507', '2024-03-01T13:05:07.000Z'],
    ['20240301', '2024-02-29T23:00:00.000Z'],
    ['2024-03-01', '2024-02-29T23:00:00.000Z'],
    // summer time: UTC+2
    ['15-07-2024 08:00', '2024-07-15T06:00:00.000Z'],
    // explicit offsets win over the zone
    ['2024-03-01T14:05:00Z', '2024-03-01T14:05:00.000Z'],
    ['2024-03-01T14:05:00+02:00', '2024-03-01T12:05:00.000Z'],
    ['2024-03-01 14:05:00.250', '2024-03-01T13:05:00.250Z'],
    // Excel date cells arrive as ISO wall-clock text
    ['2024-03-01T00:00:00', '2024-02-29T23:00:00.000Z'],
  ])('%s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads a date-time copied with typographic dashes, non-breaking spaces or full-width digits', () => {
    const typed = parseDateTime('01-03-2024 14:05', brussels);
    expect(typed).not.toBeNull();
    for (const copied of ['01\u201303\u20132024 14:05', '01-03-2024\u00a014:05', '01\u221203\u22122024\u202f14:05', '０１-０３-２０２４ １４:０５']) {
      expect(parseDateTime(copied, brussels), copied).toBe(typed);
    }
  });

  it('reads the same instant from three formats in one column', () => {
    const instants = ['2024-03-01 14:05', '01-03-2024 14:05', '01/03/2024 14:05'].map((t) => parseDateTime(t, brussels));
    expect(new Set(instants).size).toBe(1);
  });

  it.each([
    ['01-mrt-2024 14:05', '2024-03-01T13:05:00.000Z'], // Dutch Excel
    ['1-mrt-24', '2024-02-29T23:00:00.000Z'],
    ['01 mars 2024 14:05:07', '2024-03-01T13:05:07.000Z'], // French
    ['01-févr.-2024 14:05', '2024-02-01T13:05:00.000Z'],
    ['01-MAR-24 14.05.07', '2024-03-01T13:05:07.000Z'], // Oracle's DD-MON-RR
    ['15-jul-2024 08:00', '2024-07-15T06:00:00.000Z'],
    ['01-okt-2024 10:00 UTC', '2024-10-01T10:00:00.000Z'],
    ['01-smarch-2024 10:00', null],
    ['31-feb-2024', null],
  ])('reads a month written as a name: %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('handles the spring-forward and fall-back days', () => {
    expect(iso('31-03-2024 01:30')).toBe('2024-03-31T00:30:00.000Z'); // before the switch, UTC+1
    expect(iso('31-03-2024 04:00')).toBe('2024-03-31T02:00:00.000Z'); // after, UTC+2
    expect(iso('27-10-2024 01:00')).toBe('2024-10-26T23:00:00.000Z');
  });

  it.each(['', 'gisteren', '32-03-2024 10:00', '2024-02-30', '29-02-2023', '01-03-2024 25:00', '03/13/2024', '2024-03-01 14:65', '12345'])(
    'rejects "%s"',
    (text) => {
      expect(parseDateTime(text, brussels)).toBeNull();
    },
  );
});
