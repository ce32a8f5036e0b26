// Normalises each record once into the form blocking and comparison need (name keys, validated identifiers,
// sets of context values), so the O(pairs) comparison loop does no parsing.
import { foldName, nameVariantKeys, normalizePersonName, normalizePlate, parseBelgianNationalNumber, parseBsn, parseImei, type NormalizedName } from '../identifiers';
import { soundCodes, soundInitial } from './name-sounds';
import { spellingSkeleton } from './transliteration';
import type { PersonRecord, PhoneRecord, ResolutionRecord, VehicleRecord } from './records';

export interface CheckedIdentifier {
  normalized: string;
  valid: boolean;
}

/** One way of reading a record's name: the keys the name comparison works on. */
export interface NameReading {
  /** Canonical given-name tokens ('mohamed', 'j'). */
  givenTokens: string[];
  /** All given names written together, letters only ('vanderberg' when the fields were swapped). */
  givenJoined: string;
  /** Family core without particles ('berg'). */
  familyKey: string;
  /** Particles and core written together ('vanderberg'), as 'Vanderberg' records write it. */
  familyJoined: string;
  /** spellingSkeleton(familyKey), computed once. */
  familySkeleton: string;
}

export interface PersonProfile {
  kind: 'Person';
  record: PersonRecord;
  name: NormalizedName;
  /** The name as the record's fields give it. */
  reading: NameReading;
  /** The name if the record put the given and family names in each other's fields. */
  swappedReading?: NameReading;
  /** Given and family names as shown in explanations. */
  givenShown: string;
  familyShown: string;
  /** nameVariantKeys(name), computed once per distinct name. */
  nameVariantKeys: string[];
  /** Shortcuts into `reading` for blocking. */
  givenTokens: string[];
  familyKey: string;
  familyJoined: string;
  givenJoined: string;
  dateOfBirth?: string;
  /** The date of birth with day and month swapped, when that is a date too. */
  dateOfBirthSwapped?: string;
  nationalNumber?: CheckedIdentifier;
  bsn?: CheckedIdentifier;
  phones: Set<string>;
  plates: Set<string>;
  addresses: Set<string>;
}

export interface VehicleProfile {
  kind: 'Vehicle';
  record: VehicleRecord;
  plate?: string;
  plateCountry?: string;
  vin?: string;
  make?: string;
  model?: string;
  colour?: string;
  stolen: boolean;
  /** Set by markClonedPlates: this record shows a plate registered to a car that does not look like it. */
  clonedPlateSuspect?: boolean;
  /** On a registered record: a car that does not look like it was seen with its plate. */
  clonedPlateSeen?: boolean;
}

export interface PhoneProfile {
  kind: 'Phone';
  record: PhoneRecord;
  e164?: string;
  imei?: CheckedIdentifier;
  imsi?: string;
}

export type Profile = PersonProfile | VehicleProfile | PhoneProfile;

const lower = (value: string | undefined) => {
  const folded = value ? foldName(value) : '';
  return folded || undefined;
};

function checked(value: string | undefined, parse: (text: string) => CheckedIdentifier | null, recordValid?: boolean): CheckedIdentifier | undefined {
  if (!value) return undefined;
  const parsed = parse(value);
  if (!parsed) return { normalized: value.replace(/\D/g, ''), valid: false };
  // The source may already have flagged the identifier (e.g. the importer); a failed flag is never overruled.
  return { normalized: parsed.normalized, valid: parsed.valid && recordValid !== false };
}

function readingOf(name: NormalizedName): NameReading {
  return {
    givenTokens: name.givenKey.split(' ').filter(Boolean),
    givenJoined: name.givenKey.replace(/ /g, ''),
    familyKey: name.familyKey,
    familyJoined: (foldName(name.particles) + name.familyKey).replace(/ /g, ''),
    familySkeleton: spellingSkeleton(name.familyKey),
  };
}

interface NameAnalysis {
  name: NormalizedName;
  reading: NameReading;
  swappedReading?: NameReading;
  givenShown: string;
  familyShown: string;
  variantKeys: string[];
}

// The same names recur across thousands of records: each distinct spelling is analysed once per run.
const analysedNames = new Map<string, NameAnalysis>();
const MAX_ANALYSED_NAMES = 200_000;

function analyseName(record: PersonRecord): NameAnalysis {
  const fromFields = !!(record.givenName || record.familyName);
  const cacheKey = fromFields ? `f|${record.givenName ?? ''}|${record.familyName ?? ''}` : `n|${record.fullName ?? ''}`;
  const known = analysedNames.get(cacheKey);
  if (known) return known;
  const name = fromFields ? normalizePersonName({ given: record.givenName, family: record.familyName }) : normalizePersonName({ full: record.fullName ?? '' });
  // Read back from the normalised parts, so a register's 'Berg, van der' swaps as 'van der Berg'.
  const swappedReading = name.given && name.family ? readingOf(normalizePersonName({ given: name.family, family: name.given })) : undefined;
  const analysis: NameAnalysis = {
    name,
    reading: readingOf(name),
    swappedReading,
    givenShown: name.given || record.givenName || '',
    familyShown: name.family || record.familyName || '',
    variantKeys: nameVariantKeys(name),
  };
  if (analysedNames.size >= MAX_ANALYSED_NAMES) analysedNames.clear();
  analysedNames.set(cacheKey, analysis);
  return analysis;
}

export function personProfile(record: PersonRecord): PersonProfile {
  const dateOfBirth = record.dateOfBirth?.slice(0, 10) || undefined;
  const { name, reading, swappedReading, givenShown, familyShown, variantKeys } = analyseName(record);
  return {
    kind: 'Person',
    record,
    name,
    reading,
    swappedReading,
    givenShown,
    familyShown,
    nameVariantKeys: variantKeys,
    givenTokens: reading.givenTokens,
    familyKey: reading.familyKey,
    familyJoined: reading.familyJoined,
    givenJoined: reading.givenJoined,
    dateOfBirth,
    dateOfBirthSwapped: dateOfBirth ? swappedDate(dateOfBirth) : undefined,
    nationalNumber: checked(record.nationalNumber, parseBelgianNationalNumber, record.identifierValid),
    bsn: checked(record.bsn, parseBsn, record.identifierValid),
    phones: new Set(record.phones ?? []),
    plates: new Set(record.plates ?? []),
    addresses: new Set(record.addresses ?? []),
  };
}

export function vehicleProfile(record: VehicleRecord): VehicleProfile {
  const plateText = record.plateNormalized || record.plate;
  const plate = plateText ? (normalizePlate(plateText)?.normalized ?? plateText.toUpperCase().replace(/[\s.\-]/g, '')) : undefined;
  return {
    kind: 'Vehicle',
    record,
    plate: plate || undefined,
    plateCountry: record.plateCountry ?? (plate ? normalizePlate(plate)?.country : undefined),
    vin: record.vin?.trim().toUpperCase() || undefined,
    make: lower(record.make),
    model: lower(record.model),
    colour: lower(record.colour),
    stolen: record.stolen === true,
  };
}

export function phoneProfile(record: PhoneRecord): PhoneProfile {
  return {
    kind: 'Phone',
    record,
    e164: record.e164 || undefined,
    imei: checked(record.imei, parseImei, record.identifierValid),
    imsi: record.imsi?.replace(/\D/g, '') || undefined,
  };
}

export function profileOf(record: ResolutionRecord): Profile {
  switch (record.type) {
    case 'Person':
      return personProfile(record);
    case 'Vehicle':
      return vehicleProfile(record);
    case 'Phone':
      return phoneProfile(record);
  }
}

/** '1991-03-12' → '1991-12-03' (the dd-mm / mm-dd mix-up), or undefined when that is no date. */
export function swappedDate(iso: string): string | undefined {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day || month === day || Number(day) > 12) return undefined;
  return `${year}-${day}-${month}`;
}

/** Blocking keys: two records are compared only when they share at least one. Prefixes keep kinds apart. */
export function blockingKeys(profile: Profile): string[] {
  const keys: string[] = [];
  switch (profile.kind) {
    case 'Person': {
      for (const key of profile.nameVariantKeys) keys.push(`n:${key}`);
      if (profile.familyKey) keys.push(`skeleton:${profile.reading.familySkeleton}|${profile.givenTokens[0]?.[0] ?? ''}`);
      // Transliterations (Rasjid Boukhari / Rachid Bouchari) meet through the sound of both names.
      const givenSound = profile.givenTokens[0] ? soundCodes(profile.givenTokens[0])[0] : undefined;
      if (givenSound) for (const familySound of soundCodes(profile.familyKey)) keys.push(`sound:${familySound}|${givenSound}`);
      if (profile.givenJoined && profile.familyJoined) keys.push(`swap:${[profile.givenJoined, profile.familyJoined].sort().join('|')}`);
      if (profile.dateOfBirth) {
        // A date of birth alone would pair everyone born that day (hundreds in a national register): it is
        // combined with the initial of either name, as transliterated, so swapped name fields and other
        // spellings (Youssef / Joesoef, Khalid / Chalid) still meet.
        const initials = new Set([soundInitial(profile.familyKey), soundInitial(profile.givenTokens[0] ?? '')].filter(Boolean));
        const dates = [profile.dateOfBirth, profile.dateOfBirthSwapped].filter((d): d is string => !!d);
        for (const date of dates) {
          if (initials.size === 0) keys.push(`dob:${date}`);
          for (const initial of initials) keys.push(`dob:${date}|${initial}`);
        }
      }
      if (profile.nationalNumber) keys.push(`nn:${profile.nationalNumber.normalized}`);
      if (profile.bsn) keys.push(`bsn:${profile.bsn.normalized}`);
      for (const phone of profile.phones) keys.push(`phone:${phone}`);
      for (const plate of profile.plates) keys.push(`plate:${plate}`);
      break;
    }
    case 'Vehicle':
      if (profile.plate) keys.push(`plate:${profile.plate}`);
      // Within one investigation, a sighting on a cloned plate meets the cars reported stolen there.
      if ((profile.clonedPlateSuspect || profile.stolen) && profile.record.caseId) keys.push(`stolen-or-cloned:${profile.record.caseId}`);
      if (profile.vin) keys.push(`vin:${profile.vin}`);
      break;
    case 'Phone':
      if (profile.e164) keys.push(`e164:${profile.e164}`);
      if (profile.imei) keys.push(`imei:${profile.imei.normalized}`);
      if (profile.imsi) keys.push(`imsi:${profile.imsi}`);
      break;
  }
  return keys;
}

/** Plate → the registered (VIN-carrying) records showing it: what the register says those cars look like. */
export type PlateRegister = Map<string, VehicleProfile[]>;

export function plateRegister(profiles: Iterable<VehicleProfile>): PlateRegister {
  const registered: PlateRegister = new Map();
  for (const profile of profiles) {
    if (profile.vin && profile.plate) registered.set(profile.plate, [...(registered.get(profile.plate) ?? []), profile]);
  }
  return registered;
}

/**
 * Flags cloned plates: a record without a VIN (a camera hit, a statement) showing a plate that a register
 * record (with a VIN) gives to a car of another make or colour. Such a sighting is probably not that car, and
 * may be a car reported stolen in the same investigation; compare-vehicle weighs that lookalike. Every record
 * without a VIN showing such a plate is flagged, in this list or any later one checked against the register.
 */
export function markClonedPlatesAgainst(registered: PlateRegister, profiles: readonly VehicleProfile[]): void {
  for (const profile of profiles) {
    if (profile.vin || !profile.plate) continue;
    const owners = registered.get(profile.plate);
    if (owners?.some((owner) => owner.clonedPlateSeen || looksOtherwise(owner, profile))) {
      for (const owner of owners) owner.clonedPlateSeen = true;
    }
  }
  for (const profile of profiles) {
    if (!profile.vin && profile.plate && registered.get(profile.plate)?.some((owner) => owner.clonedPlateSeen)) profile.clonedPlateSuspect = true;
  }
}

function looksOtherwise(owner: VehicleProfile, seen: VehicleProfile): boolean {
  return !!((owner.make && seen.make && owner.make !== seen.make) || (owner.colour && seen.colour && owner.colour !== seen.colour));
}

/** markClonedPlatesAgainst with the register taken from the same list. */
export function markClonedPlates(profiles: readonly VehicleProfile[]): void {
  markClonedPlatesAgainst(plateRegister(profiles), profiles);
}
