// Compares two person records field by field and says why: national identifiers (a valid one is decisive,
// a broken checksum only a hint), names with particles, transliterations, typos and swapped fields, date of
// birth with the day/month mix-up, and the graph around them (shared phones, cars, addresses).
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import type { Evidence } from './records';
import type { CheckedIdentifier, PersonProfile } from './profiles';
import { swappedDate } from './profiles';
import { spellingSkeleton } from './transliteration';
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
  else if (swappedDate(x) === y) out.push({ field: 'dateOfBirth', comparison: 'day-month-swapped', weight: W.dobSwapped, detail: `${x} vs ${y}: day and month swapped` });
  else if (differsByOneDigit(x, y)) out.push({ field: 'dateOfBirth', comparison: 'one-digit', weight: W.dobOneDigit, detail: `${x} vs ${y}: one digit differs` });
  else out.push({ field: 'dateOfBirth', comparison: 'different', weight: W.dobDifferent, detail: `${x} ≠ ${y}` });
}

interface NameVerdict {
  comparison: 'exact' | 'variant' | 'similar' | 'initial' | 'different';
  weight: number;
}

function familyVerdict(aCore: string, aJoined: string, bCore: string, bJoined: string): NameVerdict {
  if (!aCore || !bCore) return { comparison: 'different', weight: 0 };
  const ij = (s: string) => s.replace(/ij/g, 'y');
  if (aCore === bCore || aJoined === bJoined || aJoined === bCore || aCore === bJoined || ij(aCore) === ij(bCore)) {
    return { comparison: 'exact', weight: W.familyExact };
  }
  if (spellingSkeleton(aCore) === spellingSkeleton(bCore)) return { comparison: 'variant', weight: W.familyVariant };
  const similarity = Math.max(jaroWinkler(aCore, bCore), jaroWinkler(aJoined, bJoined));
  if (similarity >= SIMILAR_NAME) return { comparison: 'similar', weight: W.familySimilar };
  return { comparison: 'different', weight: W.familyDifferent };
}

function givenVerdict(a: string[], b: string[]): NameVerdict {
  const x = a[0];
  const y = b[0];
  if (!x || !y) return { comparison: 'different', weight: 0 };
  if (x === y) return { comparison: 'exact', weight: W.givenExact };
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return { comparison: 'initial', weight: W.givenInitial };
  if (jaroWinkler(x, y) >= SIMILAR_NAME) return { comparison: 'similar', weight: W.givenSimilar };
  return { comparison: 'different', weight: W.givenDifferent };
}

function compareNames(a: PersonProfile, b: PersonProfile, out: Evidence[]): void {
  const family = familyVerdict(a.familyKey, a.familyJoined, b.familyKey, b.familyJoined);
  const given = givenVerdict(a.givenTokens, b.givenTokens);
  const straight = family.weight + given.weight;

  // One record may have the given and family names in each other's fields.
  const swappedFamily = familyVerdict(a.familyKey, a.familyJoined, b.givenJoined, b.givenJoined);
  const swappedGiven = givenVerdict(a.givenTokens, [b.familyJoined]);
  const swapped = swappedFamily.weight + swappedGiven.weight + W.namesSwappedPenalty;

  const aName = a.name.full || a.record.fullName || '?';
  const bName = b.name.full || b.record.fullName || '?';
  if (swapped > straight && swappedFamily.comparison !== 'different') {
    out.push({ field: 'name', comparison: 'swapped', weight: W.namesSwappedPenalty, detail: `"${aName}" vs "${bName}": given and family names in each other's fields` });
    out.push({ field: 'familyName', comparison: swappedFamily.comparison, weight: swappedFamily.weight, detail: `${a.familyJoined} vs ${b.givenJoined}` });
    out.push({ field: 'givenName', comparison: swappedGiven.comparison, weight: swappedGiven.weight, detail: `${a.givenTokens[0] ?? ''} vs ${b.familyJoined}` });
    return;
  }
  if (a.familyKey && b.familyKey) {
    out.push({ field: 'familyName', comparison: family.comparison, weight: family.weight, detail: `${a.name.family || a.familyKey} vs ${b.name.family || b.familyKey}` });
  }
  if (a.givenTokens[0] && b.givenTokens[0]) {
    const variant = given.comparison === 'exact' && a.name.given.toLowerCase() !== b.name.given.toLowerCase();
    out.push({
      field: 'givenName',
      comparison: variant ? 'variant' : given.comparison,
      weight: given.weight,
      detail: `${a.name.given} vs ${b.name.given}${variant ? ' (same name, another spelling)' : ''}`,
    });
  }
}

function shared(field: string, a: Set<string>, b: Set<string>, weight: number, what: string, out: Evidence[]): void {
  for (const value of a) {
    if (b.has(value)) {
      out.push({ field, comparison: 'shared', weight, detail: `both linked to ${what} ${value}` });
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
  shared('phone', a.phones, b.phones, W.sharedPhone, 'phone', out);
  shared('vehicle', a.plates, b.plates, W.sharedPlate, 'vehicle', out);
  shared('address', a.addresses, b.addresses, W.sharedAddress, 'address', out);
  return out;
}
