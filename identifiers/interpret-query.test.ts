import { describe, expect, it } from 'vitest';
import { interpretQuery } from './interpret-query';

describe('interpretQuery', () => {
  it.each([
    ['06-12345678', [{ kind: 'phone', value: '+31612345678', valid: true }]],
    ['0475/12.34.56', [{ kind: 'phone', value: '+32475123456', valid: true }]],
    ['+32 (0)475 12 34 56', [{ kind: 'phone', value: '+32475123456', valid: true }]],
    ['12-ab-34', [{ kind: 'plate', value: '12AB34', valid: true }]],
    ['1-abc-123', [{ kind: 'plate', value: '1ABC123', valid: true }]],
    ['93.05.18-223.61', [{ kind: 'be-national-number', value: '93051822361', valid: true }]],
    ['93.05.18-223.62', [{ kind: 'be-national-number', value: '93051822362', valid: false }]],
    ['123456782', [{ kind: 'nl-bsn', value: '123456782', valid: true }]],
    ['123456781', [{ kind: 'nl-bsn', value: '123456781', valid: false }]],
    ['3011 BD', [{ kind: 'postcode', value: '3011 BD', valid: true }, { kind: 'plate', value: '3011BD', valid: true }].reverse()],
    ['2000', [{ kind: 'postcode', value: '2000', valid: true }]],
  ])('%s', (query, expected) => {
    expect(interpretQuery(query)).toEqual(expected);
  });

  it('offers every reading of an ambiguous number, valid ones first', () => {
    expect(interpretQuery('206011234567890')).toEqual([
      { kind: 'imsi', value: '206011234567890', valid: true },
      { kind: 'imei', value: '206011234567890', valid: false },
    ]);
    expect(interpretQuery('490154203237518')[0]).toEqual({ kind: 'imei', value: '490154203237518', valid: true });
  });

  it.each(['', '   ', 'Jan van der Berg', 'Antwerpen', 'Hells Angels'])('free text %j has no identifier reading', (query) => {
    expect(interpretQuery(query)).toEqual([]);
  });
});
