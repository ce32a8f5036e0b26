// Identifiers pasted from a statement in a word processor, a PDF or a web page carry typography that a
// keyboard does not type. Each reader must give the same answer for them as for the plain text.
import { describe, expect, it } from 'vitest';
import { parseBelgianNationalNumber } from './belgian-national-number';
import { parseBsn } from './bsn';
import { parseDateOfBirth } from './date-of-birth';
import { parseImei } from './imei';
import { parseImsi } from './imsi';
import { interpretQuery } from './interpret-query';
import { normalizePersonName } from './person-name';
import { normalizePhone } from './phone';
import { normalizePlate } from './plate';
import { normalizePostcode } from './postcode';
import { plainTypography } from './text';

const READERS: [string, (text: string) => unknown, string[]][] = [
  ['phone', (text) => normalizePhone(text), ['0475-12-34-56', '+32 475 12 34 56', '06-1234 5678', '+31 (0)6 1234 5678']],
  ['plate', (text) => normalizePlate(text), ['1-ABC-123', '12-AB-34', 'XX-99-XX', '1 ABC 123']],
  ['Belgian national number', (text) => parseBelgianNationalNumber(text), ['85.07.30-033.28', '85 07 30 033 28']],
  ['BSN', (text) => parseBsn(text), ['1234.56.782', '123 456 782']],
  ['IMEI', (text) => parseImei(text), ['35-209900-176148-1', '35 209900 176148 1']],
  ['IMSI', (text) => parseImsi(text), ['206-01-1234567890', '204 08 1234567890']],
  ['postcode', (text) => normalizePostcode(text), ['B-2000', '1012 AB', 'NL-1012 AB']],
  ['date of birth', (text) => parseDateOfBirth(text), ['12-03-1985', '12 maart 1985', '1985-03-12']],
  ['search query', (text) => interpretQuery(text), ['1-ABC-123', '0475 12 34 56', '85.07.30-033.28']],
];

/** The ways a copied text differs from the typed one, each applied to the whole text. */
const TYPOGRAPHY: [string, (text: string) => string][] = [
  ['en dash', (text) => text.replace(/-/g, '\u2013')],
  ['em dash', (text) => text.replace(/-/g, '\u2014')],
  ['non-breaking hyphen', (text) => text.replace(/-/g, '\u2011')],
  ['minus sign', (text) => text.replace(/-/g, '\u2212')],
  ['non-breaking space', (text) => text.replace(/ /g, '\u00a0')],
  ['narrow no-break space', (text) => text.replace(/ /g, '\u202f')],
  ['zero-width space after the first character', (text) => `${text[0]}\u200b${text.slice(1)}`],
  ['soft hyphen after the second character', (text) => `${text.slice(0, 2)}\u00ad${text.slice(2)}`],
  ['full-width characters', (text) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))],
];

describe('identifiers copied with typography', () => {
  for (const [reader, read, samples] of READERS) {
    it(`${reader}: reads each sample the same way whatever its dashes, spaces and invisible characters`, () => {
      for (const sample of samples) {
        const plain = read(sample);
        expect(plain, `${reader} must read the plain sample "${sample}"`).not.toBeNull();
        if (Array.isArray(plain)) expect(plain.length, `${reader} must read the plain sample "${sample}"`).toBeGreaterThan(0);
        for (const [variant, apply] of TYPOGRAPHY) {
          expect(read(apply(sample)), `${reader} "${sample}" with ${variant}`).toEqual(plain);
        }
      }
    });
  }

  it('a person name keeps its key with hyphens, spaces and letters from a word processor', () => {
    const key = (full: string) => normalizePersonName({ full }).key;
    expect(key('Marie Van\u2011den\u2011Broeck')).toBe(key('Marie Van-den-Broeck'));
    expect(key('Anne\u2013Marie Dubois')).toBe(key('Anne-Marie Dubois'));
    expect(key('Jan\u00a0Peeters')).toBe(key('Jan Peeters'));
    expect(key('Jan Pee\u200bters')).toBe(key('Jan Peeters'));
    expect(key('ＪＡＮ ＰＥＥＴＥＲＳ')).toBe(key('JAN PEETERS'));
    // The Dutch IJ as one character (U+0132) is the two letters I and J.
    expect(key('Jan \u0132zerman')).toBe(key('Jan IJzerman'));
  });

  it('leaves text that needs no change as it is, and other scripts and letters alone', () => {
    expect(plainTypography('0475 12 34 56')).toBe('0475 12 34 56');
    expect(plainTypography('Müller\u2013Lüdenscheidt')).toBe('Müller-Lüdenscheidt');
    expect(plainTypography('محمد')).toBe('محمد');
  });
});
