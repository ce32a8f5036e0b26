// Stored evidence read back: items written before message codes existed keep their detail and get no code;
// codes and values survive; what is not evidence (or not JSON) is left out rather than shown half.
import { describe, expect, it } from 'vitest';
import { readMatchEvidence, wordableEvidence } from './match-evidence';

const beforeCodes = { field: 'number', comparison: 'exact', weight: 9, detail: '+31612345678 on both records (written "06-12345678" and "+31 6 1234 5678")' };
const withCode = { ...beforeCodes, code: 'phone.sameNumber', values: { number: '+31612345678', writtenLeft: '06-12345678', writtenRight: '+31 6 1234 5678' } };

describe('reading stored match evidence', () => {
  it('keeps codes and values, and reads items without a code as they were written', () => {
    const read = readMatchEvidence(JSON.stringify([withCode, beforeCodes]));
    expect(read).toEqual([withCode, beforeCodes]);
    expect(read[1]).not.toHaveProperty('code');
    expect(wordableEvidence(read[0])).toEqual({ code: 'phone.sameNumber', values: withCode.values });
    expect(wordableEvidence(read[1])).toBeUndefined();
  });

  it('leaves out what is not evidence, and values that are neither text nor a number', () => {
    const damaged = { ...withCode, values: { ...withCode.values, writtenRight: { nested: true } } };
    const read = readMatchEvidence(JSON.stringify([damaged, { field: 'number' }, 'text', null, { ...beforeCodes, weight: 'nine' }]));
    expect(read).toHaveLength(1);
    expect(read[0].values).toEqual({ number: '+31612345678', writtenLeft: '06-12345678' });
    expect(wordableEvidence(read[0])).toBeUndefined();
    expect(readMatchEvidence('not json')).toEqual([]);
    expect(readMatchEvidence(null)).toEqual([]);
    expect(readMatchEvidence('{"field":"number"}')).toEqual([]);
  });
});
