import { describe, expect, it } from 'vitest';
import { nameVariantKeys, normalizePersonName } from './person-name';

describe('normalizePersonName', () => {
  it.each([
    // Dutch forms
    ['Jan van der Berg', { given: 'Jan', family: 'van der Berg', particles: 'van der', familyCore: 'Berg', key: 'berg|jan' }],
    ['Berg, Jan van der', { given: 'Jan', family: 'van der Berg', particles: 'van der', familyCore: 'Berg', key: 'berg|jan' }],
    ['Berg, J. van der', { given: 'J.', family: 'van der Berg', familyCore: 'Berg', key: 'berg|j' }],
    ['Jan Pieter de Vries', { given: 'Jan Pieter', family: 'de Vries', familyCore: 'Vries', key: 'vries|jan pieter' }],
    ["Kees in 't Veld", { given: 'Kees', family: "in 't Veld", particles: "in 't", familyCore: 'Veld', key: 'veld|kees' }],
    ['Anna ter Horst', { given: 'Anna', family: 'ter Horst', familyCore: 'Horst', key: 'horst|anna' }],
    ['Piet Jansen', { given: 'Piet', family: 'Jansen', particles: '', familyCore: 'Jansen', key: 'jansen|piet' }],
    // Belgian forms
    ['Van der Berg, Jan', { given: 'Jan', family: 'Van der Berg', particles: 'Van der', familyCore: 'Berg', key: 'berg|jan' }],
    ['VAN DER BERG Jan', { given: 'Jan', family: 'van der Berg', familyCore: 'Berg', key: 'berg|jan' }],
    ['DE SMET Pieter', { given: 'Pieter', family: 'de Smet', familyCore: 'Smet', key: 'smet|pieter' }],
    ['Pieter DE SMET', { given: 'Pieter', family: 'de Smet', familyCore: 'Smet', key: 'smet|pieter' }],
    ['De Smet Pieter', { given: 'Pieter', family: 'De Smet', familyCore: 'Smet', key: 'smet|pieter' }],
    ["Karel d'Hondt", { given: 'Karel', family: "d'Hondt", particles: "d'", familyCore: 'Hondt', key: 'hondt|karel' }],
    ['Jean-Pierre Lefèvre', { given: 'Jean-Pierre', family: 'Lefèvre', key: 'lefevre|jean pierre' }],
    ['FRANÇOIS Noël', { given: 'Noël', family: 'François', key: 'francois|noel' }],
    // Capitals with an elided particle: the one-letter "D'" goes with the name it is written onto
    ["Marie D'HONDT", { given: 'Marie', family: "d'Hondt", familyCore: 'Hondt', key: 'hondt|marie' }],
    ["MARIE D'HONDT", { given: 'Marie', family: "d'Hondt", familyCore: 'Hondt', key: 'hondt|marie' }],
    ["D'HONDT Marie", { given: 'Marie', family: "d'Hondt", familyCore: 'Hondt', key: 'hondt|marie' }],
    ["Jean L'ECLUSE", { given: 'Jean', family: "l'Ecluse", familyCore: 'Ecluse', key: 'ecluse|jean' }],
    ["Jean D' HONDT", { given: 'Jean', family: "d'Hondt", key: 'hondt|jean' }],
    // Transliteration variants share a key
    ['Muhammad El Amrani', { given: 'Muhammad', family: 'El Amrani', familyCore: 'Amrani', key: 'amrani|mohamed' }],
    ['Mohammed El Amrani', { key: 'amrani|mohamed' }],
    ['Yusuf Öztürk', { given: 'Yusuf', family: 'Öztürk', key: 'ozturk|youssef' }],
    ['Youssouf Ozturk', { key: 'ozturk|youssef' }],
  ])('%s', (full, expected) => {
    expect(normalizePersonName({ full })).toMatchObject(expected);
  });

  it('builds display and keys from separate given and family fields', () => {
    expect(normalizePersonName({ given: 'jan', family: 'VAN DER BERG' })).toEqual({
      given: 'Jan',
      family: 'van der Berg',
      particles: 'van der',
      familyCore: 'Berg',
      full: 'Jan van der Berg',
      key: 'berg|jan',
      givenKey: 'jan',
      familyKey: 'berg',
    });
  });

  it('moves particles a register put after the given name into the family name', () => {
    expect(normalizePersonName({ given: 'Jan van der', family: 'Berg' })).toMatchObject({ given: 'Jan', family: 'van der Berg' });
    expect(normalizePersonName({ given: 'Jan', family: 'Berg, van der' })).toMatchObject({ given: 'Jan', family: 'van der Berg' });
  });

  it('keeps the family core of a one-word name that happens to be a particle', () => {
    expect(normalizePersonName({ family: 'Van' })).toMatchObject({ familyCore: 'Van', particles: '' });
  });

  it('gives the same key to the Dutch and the Belgian way of writing one person', () => {
    const dutch = normalizePersonName({ full: 'Berg, Jan van der' });
    const belgian = normalizePersonName({ full: 'VAN DER BERG Jan' });
    expect(dutch.key).toBe(belgian.key);
  });
});

describe('nameVariantKeys', () => {
  const keysOf = (full: string) => nameVariantKeys(normalizePersonName({ full }));
  const shareAKey = (a: string, b: string) => keysOf(a).some((key) => keysOf(b).includes(key));

  it('lists the exact, initial, joined-particle and order-free keys', () => {
    expect(keysOf('Jan van der Berg')).toEqual(['name:berg|jan', 'initial:berg|j', 'initial:vanderberg|j', 'pair:berg|jan']);
  });

  it.each([
    ['Jan van der Berg', 'J. van der Berg'],
    ['Jan van den Berg', 'Jan Vandenberg'],
    ['Jan van Dijk', 'Jan van Dyk'],
    ['Maria Smit-Jansen', 'Maria Jansen'],
    ['Mohammed Benali', 'Muhammad Benali'],
    ['Jan Berg', 'Berg Jan'], // given and family swapped
  ])('%s and %s share a blocking key', (a, b) => {
    expect(shareAKey(a, b)).toBe(true);
  });

  it.each([
    ['Jan van der Berg', 'Piet Jansen'],
    ['Jan de Vries', 'Karel de Smet'],
  ])('%s and %s share none', (a, b) => {
    expect(shareAKey(a, b)).toBe(false);
  });

  it('returns no keys for an empty name', () => {
    expect(nameVariantKeys(normalizePersonName({}))).toEqual([]);
  });
});
