// Compares two person records field by field and says why: national identifiers (a valid one is decisive,
// a broken checksum only a hint), names with particles, transliterations, typos and swapped fields, date of
// birth with the day/month mix-up, and the graph around them (shared phones, cars, addresses).
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { evidence } from './evidence';
import type { Evidence } from './records';
import type { CheckedIdentifier, NameReading, PersonProfile } from './profiles';
import { soundAlike } from './name-sounds';
import { SIMILAR_NAME, WEIGHTS } from './weights';

const W = WEIGHTS.person;

function compareIdentifier(field: string, a: CheckedIdentifier | undefined, b: CheckedIdentifier | undefined, out: Evidence[]): void {
  if (!a || !b) return;
  const bothValid = a.valid && b.valid;
  if (a.normalized === b.normalized) {
    const identifier = a.normalized;
    out.push(
      bothValid
        ? evidence(field, 'exact', W.validIdentifierSame, 'identifier.sameValid', { identifier }, `${identifier} on both records, checksum valid`)
        : evidence(field, 'exact-unchecked', W.invalidIdentifierSame, 'identifier.sameUnchecked', { identifier }, `${identifier} on both records, but the checksum fails: a weak signal`),
    );
  } else if (bothValid) {
    out.push(evidence(field, 'different', W.validIdentifierDifferent, 'identifier.differentValid', { left: a.normalized, right: b.normalized }, `${a.normalized} ≠ ${b.normalized}, both valid`));
  } else {
    out.push(
      evidence(field, 'different-unchecked', W.identifierDifferentUnchecked, 'identifier.differentUnchecked', { left: a.normalized, right: b.normalized }, `${a.normalized} ≠ ${b.normalized} (a checksum fails, so one may be a typing error)`),
    );
  }
}

function differsByOneDigit(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

function compareDateOfBirth(a: PersonProfile, b: PersonProfile, out: Evidence[]): void {
  const x = a.dateOfBirth;
  const y = b.dateOfBirth;
  if (!x || !y) return;
  const field = 'dateOfBirth';
  const dates = { left: x, right: y };
  if (x === y) out.push(evidence(field, 'exact', W.dobExact, 'dateOfBirth.same', { date: x }, `${x} on both records`));
  else if (a.dateOfBirthSwapped === y) out.push(evidence(field, 'day-month-swapped', W.dobSwapped, 'dateOfBirth.dayMonthSwapped', dates, `${x} vs ${y}: day and month swapped`));
  else if (differsByOneDigit(x, y)) out.push(evidence(field, 'one-digit', W.dobOneDigit, 'dateOfBirth.oneDigit', dates, `${x} vs ${y}: one digit differs`));
  else out.push(evidence(field, 'different', W.dobDifferent, 'dateOfBirth.different', dates, `${x} ≠ ${y}`));
}

interface NameVerdict {
  comparison: 'exact' | 'variant' | 'sounds-alike' | 'similar' | 'initial' | 'different';
  weight: number;
}

const ij = (s: string) => s.replace(/ij/g, 'y');
/** Jaro-Winkler with its arguments in a fixed order, so the result cannot depend on which record came first. */
const similarity = (x: string, y: string) => (x <= y ? jaroWinkler(x, y) : jaroWinkler(y, x));

/** Symmetric in its two sides: every test below is. */
function familyVerdict(a: NameReading, b: NameReading): NameVerdict {
  if (!a.familyKey || !b.familyKey) return { comparison: 'different', weight: 0 };
  const [aCore, aJoined, bCore, bJoined] = [a.familyKey, a.familyJoined, b.familyKey, b.familyJoined];
  if (aCore === bCore || aJoined === bJoined || aJoined === bCore || aCore === bJoined || ij(aCore) === ij(bCore)) {
    return { comparison: 'exact', weight: W.familyExact };
  }
  if (a.familySkeleton === b.familySkeleton) return { comparison: 'variant', weight: W.familyVariant };
  if (soundAlike(aCore, bCore) || soundAlike(aJoined, bJoined)) return { comparison: 'sounds-alike', weight: W.familySoundsAlike };
  if (Math.max(similarity(aCore, bCore), similarity(aJoined, bJoined)) >= SIMILAR_NAME) return { comparison: 'similar', weight: W.familySimilar };
  return { comparison: 'different', weight: W.familyDifferent };
}

/** Symmetric in its two sides. Compares the first given names (or all given names written together). */
function givenVerdict(a: NameReading, b: NameReading): NameVerdict {
  const x = a.givenTokens[0];
  const y = b.givenTokens[0];
  if (!x || !y) return { comparison: 'different', weight: 0 };
  if (x === y || (a.givenJoined.length > 1 && a.givenJoined === b.givenJoined)) return { comparison: 'exact', weight: W.givenExact };
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return { comparison: 'initial', weight: W.givenInitial };
  if (soundAlike(x, y)) return { comparison: 'sounds-alike', weight: W.givenSoundsAlike };
  if (similarity(x, y) >= SIMILAR_NAME) return { comparison: 'similar', weight: W.givenSimilar };
  return { comparison: 'different', weight: W.givenDifferent };
}

const NAME_NOTES: Partial<Record<NameVerdict['comparison'], string>> = {
  variant: 'same name, another spelling',
  'sounds-alike': 'sound alike: another transliteration',
  similar: 'one letter or two apart: a typing error?',
};

/** The message for each verdict that has a note; the others ('exact', 'initial', 'different') say only what was compared. */
const NAME_CODES = {
  familyName: { variant: 'familyName.variant', 'sounds-alike': 'familyName.soundsAlike', similar: 'familyName.similar', other: 'familyName.compared' },
  givenName: { variant: 'givenName.variant', 'sounds-alike': 'givenName.soundsAlike', similar: 'givenName.similar', other: 'givenName.compared' },
} as const;

function nameEvidence(field: 'familyName' | 'givenName', verdict: NameVerdict, a: string, b: string): Evidence {
  const what = field === 'familyName' ? 'family names' : 'given names';
  const note = NAME_NOTES[verdict.comparison];
  const codes = NAME_CODES[field];
  const code = verdict.comparison === 'variant' || verdict.comparison === 'sounds-alike' || verdict.comparison === 'similar' ? codes[verdict.comparison] : codes.other;
  return evidence(field, verdict.comparison, verdict.weight, code, { left: a, right: b }, `${a} vs ${b}${note ? ` (${what} ${note})` : ''}`);
}

interface NameComparison {
  family: NameVerdict;
  given: NameVerdict;
  total: number;
}

function compareReadings(a: NameReading, b: NameReading): NameComparison {
  const family = familyVerdict(a, b);
  const given = givenVerdict(a, b);
  return { family, given, total: family.weight + given.weight };
}

/**
 * Names as written, and with one record's given and family names read the other way round. Both swaps are
 * tried (a against b swapped, a swapped against b), so the outcome cannot depend on which record comes first.
 */
function compareNames(a: PersonProfile, b: PersonProfile, out: Evidence[]): void {
  const straight = compareReadings(a.reading, b.reading);
  // A swap can score at most an exact family and given name, less its penalty: no need to try one when the
  // names as written already score that much (the test depends only on the symmetric straight score).
  const swapCannotWin = straight.total >= W.familyExact + W.givenExact + W.namesSwappedPenalty;
  // What each swap compares, in the words shown: [family vs family, given vs given].
  const swaps: { comparison: NameComparison; shown: [string, string, string, string] }[] = [];
  if (a.swappedReading && !swapCannotWin) swaps.push({ comparison: compareReadings(a.swappedReading, b.reading), shown: [a.givenShown, b.familyShown, a.familyShown, b.givenShown] });
  if (b.swappedReading && !swapCannotWin) swaps.push({ comparison: compareReadings(a.reading, b.swappedReading), shown: [a.familyShown, b.givenShown, a.givenShown, b.familyShown] });
  const bestSwap = swaps
    .filter(({ comparison: c }) => c.family.comparison !== 'different' && c.given.comparison !== 'different')
    .sort((x, y) => y.comparison.total - x.comparison.total)[0];

  const aName = a.name.full || a.record.fullName || '?';
  const bName = b.name.full || b.record.fullName || '?';
  if (bestSwap && bestSwap.comparison.total + W.namesSwappedPenalty > straight.total) {
    const [familyA, familyB, givenA, givenB] = bestSwap.shown;
    out.push(evidence('name', 'swapped', W.namesSwappedPenalty, 'name.swapped', { left: aName, right: bName }, `"${aName}" vs "${bName}": given and family names in each other's fields`));
    out.push(nameEvidence('familyName', bestSwap.comparison.family, familyA, familyB));
    out.push(nameEvidence('givenName', bestSwap.comparison.given, givenA, givenB));
    return;
  }
  if (a.reading.familyKey && b.reading.familyKey) out.push(nameEvidence('familyName', straight.family, a.familyShown, b.familyShown));
  if (a.reading.givenTokens[0] && b.reading.givenTokens[0]) {
    const variant = straight.given.comparison === 'exact' && a.givenShown.toLowerCase() !== b.givenShown.toLowerCase();
    out.push(nameEvidence('givenName', variant ? { ...straight.given, comparison: 'variant' } : straight.given, a.givenShown, b.givenShown));
  }
}

/** Evidence that two records describe two people, after which shared context is a household's. */
const HOUSEHOLD_CONTRADICTIONS = new Set(['givenName:different', 'dateOfBirth:different', 'gender:different', 'nationalNumber:different', 'bsn:different']);

/** The evidence of one context value both records have: counted, or shown but not counted in a household. */
function sharedEvidence(field: 'phone' | 'vehicle' | 'address', value: string, weight: number, household: boolean): Evidence {
  const comparison = household ? 'shared-household' : 'shared';
  const counted = household ? 0 : weight;
  const detail = household ? `both linked to ${field} ${value}, not counted: the other fields say two people of one household` : `both linked to ${field} ${value}`;
  switch (field) {
    case 'phone':
      return evidence(field, comparison, counted, household ? 'sharedHousehold.phone' : 'shared.phone', { number: value }, detail);
    case 'vehicle':
      return evidence(field, comparison, counted, household ? 'sharedHousehold.vehicle' : 'shared.vehicle', { plate: value }, detail);
    case 'address': {
      // Addresses are compared as "postcode|street" (addressKey); the sentence names them the usual way round.
      const [postcode = '', street = ''] = value.split('|');
      return evidence(field, comparison, counted, household ? 'sharedHousehold.address' : 'shared.address', { street, postcode }, detail);
    }
  }
}

function shared(field: 'phone' | 'vehicle' | 'address', a: Set<string>, b: Set<string>, weight: number, household: boolean, out: Evidence[]): void {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const value of [...small].sort()) {
    if (large.has(value)) {
      out.push(sharedEvidence(field, value, weight, household));
      return; // one shared value is the evidence; a second adds little and would double-count a household
    }
  }
}

export function comparePersons(a: PersonProfile, b: PersonProfile): Evidence[] {
  const out: Evidence[] = [];
  compareIdentifier('nationalNumber', a.nationalNumber, b.nationalNumber, out);
  compareIdentifier('bsn', a.bsn, b.bsn, out);
  compareNames(a, b, out);
  compareDateOfBirth(a, b, out);
  const ga = a.record.gender;
  const gb = b.record.gender;
  if (ga && gb && ga !== gb) out.push(evidence('gender', 'different', W.genderDifferent, 'gender.different', { left: ga, right: gb }, `${ga} ≠ ${gb}`));
  // A phone, car or address shared by two records says "same household" as much as "same person": when names,
  // date of birth or gender already say two people (twins, father and son), it is shown but not counted.
  const household = out.some((e) => HOUSEHOLD_CONTRADICTIONS.has(`${e.field}:${e.comparison}`));
  shared('phone', a.phones, b.phones, W.sharedPhone, household, out);
  shared('vehicle', a.plates, b.plates, W.sharedPlate, household, out);
  shared('address', a.addresses, b.addresses, W.sharedAddress, household, out);
  return out;
}
