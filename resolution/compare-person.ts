// Compares two person records field by field and says why: national identifiers (a valid one is decisive,
// a broken checksum only a hint), names with particles, transliterations, typos and swapped fields, date of
// birth with the day/month mix-up, and the graph around them (shared phones, cars, addresses).
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import type { Evidence } from './records';
import type { CheckedIdentifier, NameReading, PersonProfile } from './profiles';
import { soundAlike } from './name-sounds';
import { SIMILAR_NAME, WEIGHTS } from './weights';

const W = WEIGHTS.person;

function compareIdentifier(field: string, a: CheckedIdentifier | undefined, b: CheckedIdentifier | undefined, out: Evidence[]): void {
  if (!a || !b) return;
  const bothValid = a.valid && b.valid;
  if (a.normalized === b.normalized) {
    out.push(
      bothValid
        ? { field, comparison: 'exact', weight: W.validIdentifierSame, detail: `${a.normalized} on both records, checksum valid` }
        : { field, comparison: 'exact-unchecked', weight: W.invalidIdentifierSame, detail: `${a.normalized} on both records, but the checksum fails: a weak signal` },
    );
  } else if (bothValid) {
    out.push({ field, comparison: 'different', weight: W.validIdentifierDifferent, detail: `${a.normalized} ≠ ${b.normalized}, both valid` });
  } else {
    out.push({ field, comparison: 'different-unchecked', weight: W.identifierDifferentUnchecked, detail: `${a.normalized} ≠ ${b.normalized} (a checksum fails, so one may be a typing error)` });
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
  if (x === y) out.push({ field: 'dateOfBirth', comparison: 'exact', weight: W.dobExact, detail: `${x} on both records` });
  else if (a.dateOfBirthSwapped === y) out.push({ field: 'dateOfBirth', comparison: 'day-month-swapped', weight: W.dobSwapped, detail: `${x} vs ${y}: day and month swapped` });
  else if (differsByOneDigit(x, y)) out.push({ field: 'dateOfBirth', comparison: 'one-digit', weight: W.dobOneDigit, detail: `${x} vs ${y}: one digit differs` });
  else out.push({ field: 'dateOfBirth', comparison: 'different', weight: W.dobDifferent, detail: `${x} ≠ ${y}` });
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

function nameEvidence(field: 'familyName' | 'givenName', verdict: NameVerdict, a: string, b: string): Evidence {
  const what = field === 'familyName' ? 'family names' : 'given names';
  const note = NAME_NOTES[verdict.comparison];
  return { field, comparison: verdict.comparison, weight: verdict.weight, detail: `${a} vs ${b}${note ? ` (${what} ${note})` : ''}` };
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
    out.push({ field: 'name', comparison: 'swapped', weight: W.namesSwappedPenalty, detail: `"${aName}" vs "${bName}": given and family names in each other's fields` });
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

function shared(field: string, a: Set<string>, b: Set<string>, weight: number, what: string, household: boolean, out: Evidence[]): void {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const value of [...small].sort()) {
    if (large.has(value)) {
      out.push(
        household
          ? { field, comparison: 'shared-household', weight: 0, detail: `both linked to ${what} ${value}, not counted: the other fields say two people of one household` }
          : { field, comparison: 'shared', weight, detail: `both linked to ${what} ${value}` },
      );
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
  if (ga && gb && ga !== gb) out.push({ field: 'gender', comparison: 'different', weight: W.genderDifferent, detail: `${ga} ≠ ${gb}` });
  // A phone, car or address shared by two records says "same household" as much as "same person": when names,
  // date of birth or gender already say two people (twins, father and son), it is shown but not counted.
  const household = out.some((e) => HOUSEHOLD_CONTRADICTIONS.has(`${e.field}:${e.comparison}`));
  shared('phone', a.phones, b.phones, W.sharedPhone, 'phone', household, out);
  shared('vehicle', a.plates, b.plates, W.sharedPlate, 'vehicle', household, out);
  shared('address', a.addresses, b.addresses, W.sharedAddress, 'address', household, out);
  return out;
}
