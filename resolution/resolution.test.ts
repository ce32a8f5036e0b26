import { describe, expect, it } from 'vitest';
import { generateDemo } from '../demo-data/generate';
import { candidatePairs } from './blocking';
import { evaluatePairs } from './evaluate';
import { recordsFromDemo } from './from-demo';
import { profileOf } from './profiles';
import type { PersonRecord, PhoneRecord, VehicleRecord } from './records';
import { resolveRecords, scorePair } from './resolve';
import { spellingSkeleton } from './transliteration';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

const person = (id: string, p: Partial<PersonRecord>): PersonRecord => ({ id, type: 'Person', sourceId: `S-${id}`, ...p });
const vehicle = (id: string, v: Partial<VehicleRecord>): VehicleRecord => ({ id, type: 'Vehicle', sourceId: `S-${id}`, ...v });
const phone = (id: string, p: Partial<PhoneRecord>): PhoneRecord => ({ id, type: 'Phone', sourceId: `S-${id}`, ...p });
const fields = (pair: ReturnType<typeof scorePair>) => Object.fromEntries(pair.evidence.map((e) => [e.field, e.comparison]));

describe('person scoring', () => {
  const dutch = person('P-NL-1', { givenName: 'Mohamed', familyName: 'van der Berg', dateOfBirth: '1991-03-12', gender: 'M', bsn: '123456782', country: 'NL' });

  it('matches the Belgian way of writing the same person, and explains why', () => {
    const belgian = person('P-BE-1', { givenName: 'MOHAMMED', familyName: 'VANDERBERG', dateOfBirth: '1991-03-12', gender: 'M', country: 'BE' });
    const pair = scorePair(dutch, belgian);
    expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(fields(pair)).toMatchObject({ familyName: 'exact', givenName: 'variant', dateOfBirth: 'exact' });
    for (const e of pair.evidence) expect(e.detail.length).toBeGreaterThan(0);
    expect(pair.score).toBeCloseTo(pair.evidence.reduce((s, e) => s + e.weight, 0), 5);
  });

  it('keeps a namesake with another date of birth apart', () => {
    const namesake = person('P-NL-2', { givenName: 'Mohamed', familyName: 'van der Berg', dateOfBirth: '1985-07-30', gender: 'M' });
    const pair = scorePair(dutch, namesake);
    expect(pair.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(pair.evidence.find((e) => e.field === 'dateOfBirth')).toMatchObject({ comparison: 'different' });
  });

  it('treats an equal valid BSN as decisive and an equal broken one as a weak hint', () => {
    const valid = scorePair(dutch, person('P-NL-3', { bsn: '123456782' }));
    const broken = scorePair(person('A', { bsn: '123456783' }), person('B', { bsn: '123456783' }));
    expect(valid.evidence[0]).toMatchObject({ field: 'bsn', comparison: 'exact', weight: 12 });
    expect(broken.evidence[0]).toMatchObject({ field: 'bsn', comparison: 'exact-unchecked' });
    expect(broken.evidence[0].weight).toBeLessThan(valid.evidence[0].weight);
  });

  it('recognises day/month swaps, swapped name fields, transliterated family names and shared phones', () => {
    const swappedDate = scorePair(dutch, person('x', { givenName: 'Mohamed', familyName: 'Van der Berg', dateOfBirth: '1991-12-03' }));
    expect(fields(swappedDate).dateOfBirth).toBe('day-month-swapped');
    const swappedNames = scorePair(dutch, person('y', { givenName: 'van der Berg', familyName: 'Mohamed', dateOfBirth: '1991-03-12' }));
    expect(fields(swappedNames).name).toBe('swapped');
    expect(swappedNames.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    const hodja = scorePair(person('a', { givenName: 'Khalid', familyName: 'Hoxha', dateOfBirth: '2000-09-25' }), person('b', { givenName: 'KHALID', familyName: 'HODJA', dateOfBirth: '2000-09-25' }));
    expect(fields(hodja).familyName).toBe('variant');
    const phones = scorePair(person('c', { familyName: 'Jansen', givenName: 'Piet', phones: ['+31612345678'] }), person('d', { familyName: 'Jansen', givenName: 'Piet', phones: ['+31612345678'] }));
    expect(fields(phones).phone).toBe('shared');
  });

  it('folds transliterations to one skeleton', () => {
    expect(spellingSkeleton('yilmaz')).toBe(spellingSkeleton('jilmaz'));
    expect(spellingSkeleton('ozturk')).toBe(spellingSkeleton('oeztuerk'));
    expect(spellingSkeleton('jansen')).not.toBe(spellingSkeleton('janssens'));
  });
});

describe('vehicle and phone scoring', () => {
  it('a VIN decides; a Dutch plate weighs more than a Belgian one; another make exposes a clone', () => {
    expect(scorePair(vehicle('a', { vin: 'WVW1', plate: '12-AB-34' }), vehicle('b', { vin: 'WVW2', plate: '12-AB-34' })).score).toBeLessThan(0);
    const nl = scorePair(vehicle('a', { plate: 'H-587-FD', plateCountry: 'NL' }), vehicle('b', { plate: 'h587fd', plateCountry: 'NL' }));
    const be = scorePair(vehicle('a', { plate: '1-ABC-123', plateCountry: 'BE' }), vehicle('b', { plate: '1ABC123', plateCountry: 'BE' }));
    expect(nl.score).toBeGreaterThan(be.score);
    const clone = scorePair(vehicle('a', { plate: '1-ABC-123', make: 'Audi' }), vehicle('b', { plate: '1ABC123', make: 'Toyota' }));
    expect(clone.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('the same number written two ways is one phone', () => {
    const pair = scorePair(phone('a', { number: '06-12345678', e164: '+31612345678' }), phone('b', { number: '+31 6 1234 5678', e164: '+31612345678' }));
    expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(pair.evidence[0].detail).toContain('06-12345678');
  });
});

describe('blocking', () => {
  it('compares only records sharing a key, never two records of one source row, and skips oversized blocks', () => {
    const records = [
      person('1', { givenName: 'Jan', familyName: 'Smit', dateOfBirth: '1980-01-01' }),
      person('2', { givenName: 'Jan', familyName: 'Smit', dateOfBirth: '1990-01-01' }),
      person('3', { givenName: 'Kees', familyName: 'Bakker', dateOfBirth: '1970-05-05' }),
      { ...person('4', { givenName: 'Jan', familyName: 'Smit' }), sourceId: 'S-1' },
    ];
    const { pairs } = candidatePairs(records.map(profileOf));
    const ids = pairs.map(([i, j]) => `${records[i].id}-${records[j].id}`);
    expect(ids).toContain('1-2');
    expect(ids).not.toContain('1-3');
    expect(ids).not.toContain('1-4');
    const crowd = Array.from({ length: 30 }, (_, i) => person(`c${i}`, { givenName: 'Jan', familyName: 'Smit', dateOfBirth: `19${String(40 + i)}-02-03` }));
    const capped = candidatePairs(crowd.map(profileOf), 10);
    expect(capped.stats.oversizedBlocks).toBeGreaterThan(0);
    expect(capped.pairs).toHaveLength(0);
  });
});

describe('quality on generated demo data (no database)', () => {
  it('reaches precision and recall of at least 0.95 at scale 1', { timeout: 60_000 }, () => {
    const data = generateDemo({ scale: 1 });
    const { pairs } = resolveRecords(recordsFromDemo(data));
    const evaluation = evaluatePairs(pairs, data.groundTruth.entities);
    expect(evaluation.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('computes pairwise precision and recall', () => {
    const truth = [{ type: 'Person' as const, recordIds: ['a', 'b', 'c'] }];
    const proposed = [
      { type: 'Person' as const, leftId: 'a', rightId: 'b', score: 9, evidence: [] },
      { type: 'Person' as const, leftId: 'a', rightId: 'x', score: 9, evidence: [] },
    ];
    const { overall } = evaluatePairs(proposed, truth);
    expect(overall).toMatchObject({ truePairs: 3, proposedPairs: 2, correctPairs: 1, precision: 0.5 });
    expect(overall.recall).toBeCloseTo(1 / 3);
  });
});

describe('cross-border transliterations and household traps', () => {
  it('names given names that sound alike, and matches them without a shared phone', () => {
    const pair = scorePair(person('a', { givenName: 'Rasjid', familyName: 'Boukhari', dateOfBirth: '1990-01-02' }), person('b', { givenName: 'RACHID', familyName: 'BOUCHARI', dateOfBirth: '1990-01-02' }));
    expect(fields(pair).givenName).toBe('sounds-alike');
    expect(fields(pair).familyName).not.toBe('different');
    expect(pair.evidence.find((e) => e.field === 'givenName')?.detail).toContain('given names sound alike');
    expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });

  it('keeps twins and a father and son sharing a household phone and address below the threshold', () => {
    const home = { phones: ['+3235370459'], addresses: ['2300|MAESWEG 179'], familyName: 'Yilmaz' };
    const twins = scorePair(person('a', { ...home, givenName: 'Hasan', dateOfBirth: '1996-11-02' }), person('b', { ...home, givenName: 'Hüseyin', dateOfBirth: '1996-11-02' }));
    expect(twins.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(fields(twins).phone).toBe('shared-household');
    const fatherAndSon = scorePair(person('c', { ...home, givenName: 'Mehmet', dateOfBirth: '1961-04-05' }), person('d', { ...home, givenName: 'Mehmet', dateOfBirth: '1990-08-09' }));
    expect(fatherAndSon.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });
});
