import { describe, expect, it } from 'vitest';
import { parseImsi } from './imsi';

describe('parseImsi', () => {
  it.each([
    ['204080123456789', { normalized: '204080123456789', valid: true, mcc: '204', country: 'NL' }],
    ['204 16 1234567890', { normalized: '204161234567890', valid: true, mcc: '204', country: 'NL' }],
    ['206011234567890', { normalized: '206011234567890', valid: true, mcc: '206', country: 'BE' }],
    ['20610123456789', { normalized: '20610123456789', valid: true, mcc: '206', country: 'BE' }],
    ['310150123456789', { normalized: '310150123456789', valid: true, mcc: '310' }],
  ])('%s', (input, expected) => {
    expect(parseImsi(input)).toEqual(expected);
  });

  it.each(['104080123456789', '904080123456789'])('%s has an impossible MCC: invalid', (input) => {
    expect(parseImsi(input)).toEqual({ normalized: input, valid: false });
  });

  it.each(['', '20408012345', '2040801234567890', '20408012345678X'])('returns null for %j', (input) => {
    expect(parseImsi(input)).toBeNull();
  });
});
