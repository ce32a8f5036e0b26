// Person names in Dutch and Belgian records: particles (tussenvoegsels), register order ('Berg, J. van der'),
// Belgian capitals ('DE SMET Pieter'), diacritics and transliteration variants.
//
// The Netherlands sorts 'Jan van der Berg' under B with the particles apart; Belgium keeps them in the family name
// ('Van der Berg'). We therefore keep the particles separately: `familyCore` ('Berg') for matching across countries,
// `family` ('van der Berg') for display, and keys that work with or without particles.
import { canonicalNameToken } from './name-variants';
import { foldDiacritics } from './text';

export interface NormalizedName {
  /** Given names for display ('Jan Pieter'). */
  given: string;
  /** Family name with particles, for display ('van der Berg'). */
  family: string;
  /** The particles alone ('van der'); '' when none. */
  particles: string;
  /** Family name without particles ('Berg'). */
  familyCore: string;
  /** 'Given particles Core' for display. */
  full: string;
  /** `${familyKey}|${givenKey}`: equal for names that differ only in case, accents, particles or spelling variant. */
  key: string;
  /** Folded, lower case, canonical spellings, initials as single letters, space-separated ('jan pieter', 'j'). */
  givenKey: string;
  /** Folded, lower-case family core without spaces, hyphens or apostrophes ('berg', 'smitjansen'). */
  familyKey: string;
}

// Dutch/Flemish particles, plus French and German ones common in Belgium, plus the Arabic article and patronymic
// prefixes that registers in both countries keep in front of the family name.
const PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'ter', 'ten', 'te', 'in', 'op', 'onder', 'uit', 'aan', 'bij', 'over',
  'voor', 'vander', 'vanden', 'vande', 'du', 'des', 'la', 'le', "d'", "l'", 'von', 'vom', 'zu', 'zum', 'di', 'da',
  'del', 'della', 'dos', 'el', 'al', 'ben', 'ibn', 'bin', 'abu',
]);

const APOSTROPHES = /[’‘`´]/g;

function isParticle(token: string): boolean {
  return PARTICLES.has(foldDiacritics(token).toLowerCase());
}

/** A token typed entirely in capitals with at least two letters: Belgian and French registers write surnames so. */
function isCapitalised(token: string): boolean {
  const letters = token.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function isElidedParticle(token: string): boolean {
  return /^[dl]'$/i.test(token);
}

/** Splits on spaces and separates elided French particles: "d'Hondt" → ["d'", 'Hondt']. */
function tokenize(text: string): string[] {
  return text
    .replace(APOSTROPHES, "'")
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .flatMap((t) => {
      const elided = /^([dl]')(\p{L}.*)$/iu.exec(t);
      return elided ? [elided[1], elided[2]] : [t];
    });
}

/** 'JANSEN' / 'jansen' → 'Jansen'; mixed case ('McDonald', 'DeSmet') is kept as typed. */
function displayCase(token: string): string {
  if (token !== token.toUpperCase() && token !== token.toLowerCase()) return token;
  return token.toLowerCase().replace(/(^|[-'.])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

function displayParticle(token: string): string {
  return token === token.toUpperCase() ? token.toLowerCase() : token;
}

interface NameParts {
  given: string[];
  particles: string[];
  core: string[];
}

/** Family tokens → leading particles and the core; at least one token stays in the core. */
function splitFamily(tokens: string[]): { particles: string[]; core: string[] } {
  let i = 0;
  while (i < tokens.length - 1 && isParticle(tokens[i])) i++;
  return { particles: tokens.slice(0, i), core: tokens.slice(i) };
}

/** Given tokens → the given names and particles written after them ('J. van der' in 'Berg, J. van der'). */
function splitTrailingParticles(tokens: string[]): { given: string[]; particles: string[] } {
  let i = tokens.length;
  while (i > 1 && isParticle(tokens[i - 1])) i--;
  return { given: tokens.slice(0, i), particles: tokens.slice(i) };
}

function fromGivenAndFamily(givenText: string, familyText: string): NameParts {
  // 'Berg, van der' as a family field: the particles come after a comma.
  const [familyMain, familyTail = ''] = familyText.split(',', 2);
  const fromGiven = splitTrailingParticles(tokenize(givenText));
  const family = splitFamily(tokenize(familyMain));
  return {
    given: fromGiven.given,
    particles: [...fromGiven.particles, ...tokenize(familyTail), ...family.particles],
    core: family.core,
  };
}

function fromFull(text: string): NameParts {
  if (text.includes(',')) {
    // Register order: 'Berg, J. van der' or 'Van der Berg, Jan'.
    const [familyText, givenText] = text.split(',', 2);
    return fromGivenAndFamily(givenText, familyText);
  }
  const tokens = tokenize(text);
  if (tokens.length <= 1) return { given: [], particles: [], core: tokens };

  // Belgian capitals: 'DE SMET Pieter' or 'Pieter DE SMET'. An elided particle split off by tokenize ("D'" of
  // "D'HONDT") has one letter, too few to tell capitals by, so it goes with the name it was written onto.
  const caps = tokens.map((token, i) => (isElidedParticle(token) && i + 1 < tokens.length ? isCapitalised(tokens[i + 1]) : isCapitalised(token)));
  if (caps.includes(true) && caps.includes(false)) {
    let lead = 0;
    while (lead < tokens.length && caps[lead]) lead++;
    let trail = tokens.length;
    while (trail > 0 && caps[trail - 1]) trail--;
    if (lead > 0) return { given: tokens.slice(lead), ...splitFamily(tokens.slice(0, lead)) };
    if (trail < tokens.length) return { given: tokens.slice(0, trail), ...splitFamily(tokens.slice(trail)) };
  }

  // Family first when the name starts with particles: 'Van der Berg Jan', 'De Smet Pieter'.
  if (isParticle(tokens[0])) {
    let i = 0;
    while (i < tokens.length - 1 && isParticle(tokens[i])) i++;
    return { given: tokens.slice(i + 1), particles: tokens.slice(0, i), core: tokens.slice(i, i + 1) };
  }

  // 'Jan Pieter van der Berg': the family name starts at the first particle after a given name.
  for (let i = 1; i < tokens.length - 1; i++) {
    if (isParticle(tokens[i])) return { given: tokens.slice(0, i), ...splitFamily(tokens.slice(i)) };
  }
  return { given: tokens.slice(0, -1), particles: [], core: tokens.slice(-1) };
}

/** Folds accents and case and keeps letters only, as space-separated tokens ('J.-P. Lefèvre' → 'j p lefevre'). */
export function foldName(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function keyTokens(tokens: string[]): string[] {
  return tokens.flatMap((t) => foldName(t).split(' ')).filter((t) => t.length > 0).map(canonicalNameToken);
}

export function normalizePersonName(input: { given?: string; family?: string; full?: string }): NormalizedName {
  const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const given = clean(input.given);
  const family = clean(input.family);
  const parts = given || family ? fromGivenAndFamily(given, family) : fromFull(clean(input.full));

  const givenDisplay = parts.given.map(displayCase).join(' ');
  const particlesDisplay = parts.particles.map(displayParticle).join(' ');
  const coreDisplay = parts.core.map(displayCase).join(' ');
  // An elided particle joins its name without a space: "d'Hondt", "l'Ecluse".
  const familyDisplay = [particlesDisplay, coreDisplay].filter(Boolean).join(particlesDisplay.endsWith("'") ? '' : ' ');
  const givenKey = keyTokens(parts.given).join(' ');
  const familyKey = keyTokens(parts.core).join('');
  return {
    given: givenDisplay,
    family: familyDisplay,
    particles: particlesDisplay,
    familyCore: coreDisplay,
    full: [givenDisplay, familyDisplay].filter(Boolean).join(' '),
    key: `${familyKey}|${givenKey}`,
    givenKey,
    familyKey,
  };
}

/**
 * Blocking keys for entity resolution: two records worth comparing share at least one key. Prefixes keep the
 * kinds apart:
 * - `name:` family|all given names (the exact key)
 * - `initial:` family|first initial, also per part of a double family name ('Smit-Jansen') and with Dutch 'ij'
 *   written 'y' ('Van Dijk' / 'Van Dyk')
 *   and with the particles written together with the family ('vandenberg|j'), for records that wrote 'Vandenberg'
 * - `pair:` family and first given name in alphabetical order, for records with the two swapped
 */
export function nameVariantKeys(name: NormalizedName): string[] {
  const keys = new Set<string>();
  const family = name.familyKey;
  const givenTokens = name.givenKey.split(' ').filter(Boolean);
  const first = givenTokens[0] ?? '';
  const initial = first.slice(0, 1);
  if (!family && !first) return [];

  keys.add(`name:${name.key}`);
  if (family) {
    keys.add(`initial:${family}|${initial}`);
    const familyParts = keyTokens(name.familyCore.split(/[\s-]+/));
    if (familyParts.length > 1) for (const part of familyParts) keys.add(`initial:${part}|${initial}`);
    if (family.includes('ij')) keys.add(`initial:${family.replace(/ij/g, 'y')}|${initial}`);
    const particles = foldName(name.particles).replace(/ /g, '');
    // Same prefix as above on purpose: a record that wrote 'Vandenberg' as one word then shares this key.
    if (particles) keys.add(`initial:${particles}${family}|${initial}`);
  }
  if (family && first) keys.add(`pair:${[family, first].sort().join('|')}`);
  return [...keys];
}
