// Reads one person, phone, vehicle, address, camera or gang from a row with the identifiers module's
// normalisers, and says which normalised key identifies it within the file. Rules:
// - a value that is not what its column should hold (a date that is no date, a plate with no letters)
//   rejects the row with a reason;
// - an identifier that has the right shape but fails its checksum is imported and flagged
//   `identifierValid: false` with the reason in `identifierIssue`, never treated as valid.
import type { Country } from '../../contract/model';
import { dateValue, type ImportProps } from '../../graph-queries/import-writes';
import {
  formatPlate,
  normalizePersonName,
  normalizePhone,
  normalizePlate,
  phoneNumbersInCell,
  normalizePostcode,
  parseBelgianNationalNumber,
  parseBsn,
  parseDateOfBirth,
  parseImei,
  parseImsi,
  type NormalizedPhone,
} from '../../identifiers';
import { foldDiacritics } from '../../identifiers/text';
import type { PersonColumns, ImportSpec, AddressColumns } from '../spec';
import { checkPlace } from '../coordinates';
import { isNoDatePlaceholder } from '../datetime';
import { parseDecimal, parseGender, parseYesNo } from '../value-parsers';
import { compact } from './record-factory';
import { term, type TermName } from '../rejections';
import { RowRejection, type RowValues } from './row-values';

export interface KeyedRecord {
  key: string;
  props: ImportProps;
  /** Where the record is, when that differs from the case's country (addresses). */
  country?: Country;
}

/** Case-, accent- and spacing-insensitive text for keys. */
export function keyText(text: string | undefined): string {
  return foldDiacritics(text ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface IdentifierCheck {
  valid: boolean;
  issues: string[];
}

function identifierFlags(checks: IdentifierCheck[]): ImportProps {
  if (checks.length === 0) return {};
  const issues = checks.flatMap((c) => c.issues);
  return compact({ identifierValid: checks.every((c) => c.valid), identifierIssue: issues.length ? issues.join('; ') : undefined });
}

// ---- persons -------------------------------------------------------------------------------------------

function noDateAsBlank(text: string | undefined): string | undefined {
  return text !== undefined && isNoDatePlaceholder(text) ? undefined : text;
}

/** Whose name, date of birth or number a rejection is about, when a row holds more than one person. */
export type PersonRole = Extract<TermName, 'person' | 'holder' | 'subscriber' | 'member'>;

/** Reads the person a group of columns describes; null when every one of its cells is blank. */
export function readPerson(values: RowValues, columns: PersonColumns, role: PersonRole, spec: ImportSpec): KeyedRecord | null {
  const cell = (column: string | undefined) => values.text(column);
  const raw = {
    full: cell(columns.fullName),
    given: cell(columns.givenName),
    family: cell(columns.familyName),
    dateOfBirth: noDateAsBlank(cell(columns.dateOfBirth)),
    gender: cell(columns.gender),
    nationalNumber: cell(columns.nationalNumber),
    bsn: cell(columns.bsn),
    nationality: cell(columns.nationality),
    aliases: cell(columns.aliases),
  };
  if (Object.values(raw).every((value) => value === undefined)) return null;
  if (!raw.full && !raw.family) {
    const column = columns.familyName ?? columns.fullName;
    throw new RowRejection('NAME_MISSING', { role: term(role), column: column ?? '' });
  }

  const name = raw.given || raw.family ? normalizePersonName({ given: raw.given, family: raw.family }) : normalizePersonName({ full: raw.full });
  let dateOfBirth: string | undefined;
  if (raw.dateOfBirth) {
    const iso = parseDateOfBirth(raw.dateOfBirth, { preferOrder: spec.options.dateOfBirthOrder, timeZone: spec.options.timeZone });
    if (!iso) {
      throw new RowRejection('DATE_OF_BIRTH_INVALID', { role: term(role), value: raw.dateOfBirth });
    }
    dateOfBirth = iso;
  }

  const checks: IdentifierCheck[] = [];
  let nationalNumber: string | undefined;
  if (raw.nationalNumber) {
    // Excel drops the leading zero of numbers stored as numbers: a 10-digit value lost the 0 of a 2000s birth.
    const text = /^\d{10}$/.test(raw.nationalNumber) ? `0${raw.nationalNumber}` : raw.nationalNumber;
    const parsed = parseBelgianNationalNumber(text);
    if (!parsed) throw new RowRejection('NATIONAL_NUMBER_LENGTH', { role: term(role), value: raw.nationalNumber });
    nationalNumber = parsed.normalized;
    checks.push({ valid: parsed.valid, issues: parsed.valid ? [] : [`national number: ${parsed.reason ?? 'invalid'}`] });
  }
  let bsn: string | undefined;
  if (raw.bsn) {
    const parsed = parseBsn(raw.bsn);
    if (!parsed) throw new RowRejection('BSN_LENGTH', { role: term(role), value: raw.bsn });
    bsn = parsed.normalized;
    checks.push({ valid: parsed.valid, issues: parsed.valid ? [] : [`BSN: ${parsed.reason ?? 'invalid'}`] });
  }

  const aliases = raw.aliases
    ?.split(/[;|]/)
    .map((alias) => alias.trim())
    .filter(Boolean);
  // The strongest identifier the row has: the national number or BSN, else name and date of birth.
  const key = nationalNumber ? `rrn:${nationalNumber}` : bsn ? `bsn:${bsn}` : `name:${name.key}|${dateOfBirth ?? ''}`;
  return {
    key,
    props: compact({
      label: name.full,
      givenName: raw.given ?? name.given,
      familyName: raw.family ?? name.family,
      fullName: raw.full ?? ([raw.given, raw.family].filter(Boolean).join(' ') || undefined),
      dateOfBirth: dateOfBirth ? dateValue(dateOfBirth) : undefined,
      gender: raw.gender ? (parseGender(raw.gender) ?? raw.gender) : undefined,
      nationalNumber,
      bsn,
      nationality: raw.nationality,
      aliases,
      ...identifierFlags(checks),
    }),
  };
}

// ---- phones --------------------------------------------------------------------------------------------

/** libphonenumber is the slowest step per row and call records repeat the same numbers: remember readings. */
const phoneCache = new Map<string, NormalizedPhone | null>();

function cachedNormalizePhone(text: string, country: 'NL' | 'BE' | undefined): NormalizedPhone | null {
  const cacheKey = `${country ?? '*'}|${text}`;
  if (phoneCache.has(cacheKey)) return phoneCache.get(cacheKey)!;
  if (phoneCache.size > 200_000) phoneCache.clear();
  const result = normalizePhone(text, country);
  phoneCache.set(cacheKey, result);
  return result;
}

export function phoneCountryOf(spec: ImportSpec): 'NL' | 'BE' | undefined {
  const setting = spec.options.phoneCountry;
  if (setting === 'auto') return undefined;
  return setting === 'case' ? spec.case.country : setting;
}

/** Call records repeat the same written numbers: their records (without handset details) are built once. */
const phoneRecordCache = new Map<string, KeyedRecord>();

/** What a phone number column holds, for the reason when it holds something else. */
export type PhoneRole = Extract<TermName, 'phoneNumber' | 'aNumber' | 'bNumber'>;

export function readPhone(
  text: string,
  role: PhoneRole,
  spec: ImportSpec,
  extra: { imei?: string; imsi?: string; kind?: string } = {},
): KeyedRecord {
  const country = phoneCountryOf(spec);
  const plain = !extra.imei && !extra.imsi && !extra.kind;
  const cacheKey = `${country ?? '*'}|${text}`;
  const cached = plain ? phoneRecordCache.get(cacheKey) : undefined;
  if (cached) return cached;
  const record = buildPhoneRecord(text, role, country, extra);
  if (plain) {
    if (phoneRecordCache.size > 200_000) phoneRecordCache.clear();
    phoneRecordCache.set(cacheKey, record);
  }
  return record;
}

/**
 * Every number of a register's phone cell: usually one, read as readPhone reads it; a person's mobile and
 * landline in one cell ('0475 12 34 56 / 03 231 23 23') are each read in turn. A cell with anything that is
 * no number is refused whole, with readPhone's reason.
 */
export function readPhones(text: string, role: PhoneRole, spec: ImportSpec): KeyedRecord[] {
  try {
    return [readPhone(text, role, spec)];
  } catch (error) {
    const numbers = error instanceof RowRejection ? phoneNumbersInCell(text, phoneCountryOf(spec)) : null;
    if (!numbers || numbers.length < 2) throw error;
    return numbers.map((written) => readPhone(written, role, spec));
  }
}

function buildPhoneRecord(cell: string, role: PhoneRole, country: 'NL' | 'BE' | undefined, extra: { imei?: string; imsi?: string; kind?: string }): KeyedRecord {
  let text = cell;
  let phone = cachedNormalizePhone(cell, country);
  if (!phone) {
    // 'GSM: 0475 12 34 56 (privé)' is the one number without its label; two numbers in one cell stay refused.
    const numbers = phoneNumbersInCell(cell, country);
    if (numbers?.length === 1) [text, phone] = [numbers[0], cachedNormalizePhone(numbers[0], country)];
  }
  if (!phone) throw new RowRejection('NOT_A_PHONE_NUMBER', { field: term(role), value: cell });
  const checks: IdentifierCheck[] = [
    { valid: phone.valid, issues: phone.valid ? [] : ['phone number: not a number in use in its country (check for a missing or extra digit)'] },
  ];
  let imei: string | undefined;
  if (extra.imei) {
    const parsed = parseImei(extra.imei);
    if (!parsed) throw new RowRejection('IMEI_LENGTH', { value: extra.imei });
    imei = parsed.normalized;
    checks.push({ valid: parsed.valid, issues: parsed.valid ? [] : [`IMEI: ${parsed.reason ?? 'fails the Luhn check'}`] });
  }
  let imsi: string | undefined;
  if (extra.imsi) {
    const parsed = parseImsi(extra.imsi);
    if (!parsed) throw new RowRejection('IMSI_LENGTH', { value: extra.imsi });
    imsi = parsed.normalized;
    checks.push({ valid: parsed.valid, issues: parsed.valid ? [] : ['IMSI: no known country code'] });
  }
  return {
    key: `e164:${phone.e164}`,
    props: compact({
      label: text,
      number: text,
      e164: phone.e164,
      imei,
      imsi,
      kind: extra.kind ?? (phone.type === 'mobile' || phone.type === 'landline' ? phone.type : undefined),
      ...identifierFlags(checks),
    }),
  };
}

// ---- vehicles ------------------------------------------------------------------------------------------

export function readVehicle(
  values: RowValues,
  columns: { plate: string; plateCountry?: string; vin?: string; make?: string; model?: string; colour?: string; stolen?: string },
): KeyedRecord {
  const plateText = values.required(columns.plate, 'licencePlate');
  const plate = normalizePlate(plateText);
  if (!plate) throw new RowRejection('NOT_A_LICENCE_PLATE', { value: plateText });
  const countryText = values.text(columns.plateCountry)?.toUpperCase();
  const stolenText = values.text(columns.stolen);
  const stolen = stolenText === undefined ? undefined : parseYesNo(stolenText);
  if (stolen === null) throw new RowRejection('NOT_YES_OR_NO', { value: stolenText!, column: columns.stolen! });
  return {
    key: `plate:${plate.normalized}`,
    props: compact({
      label: formatPlate(plate.normalized),
      plate: plateText,
      plateNormalized: plate.normalized,
      plateCountry: countryText ?? plate.country,
      vin: values.text(columns.vin)?.toUpperCase().replace(/[\s-]/g, ''),
      make: values.text(columns.make),
      model: values.text(columns.model),
      colour: values.text(columns.colour),
      stolen,
    }),
  };
}

// ---- places --------------------------------------------------------------------------------------------

export function readAddress(values: RowValues, columns: AddressColumns): KeyedRecord | null {
  const streetName = values.text(columns.street);
  const houseNumber = values.text(columns.houseNumber);
  const postcodeText = values.text(columns.postcode);
  const city = values.text(columns.city);
  if (!streetName && !postcodeText && !city) return null;
  const street = [streetName, houseNumber].filter(Boolean).join(' ') || undefined;
  const postcode = postcodeText ? normalizePostcode(postcodeText) : null;
  // A postcode in neither Dutch nor Belgian form (a German or French address) is kept as written.
  const postcodeValue = postcode?.normalized ?? postcodeText;
  const label = [street, [postcodeValue, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return {
    key: `address:${keyText(street)}|${keyText(postcodeValue)}|${keyText(city)}`,
    country: postcode?.country,
    props: compact({ label, name: label, kind: 'address', street, postcode: postcodeValue, city }),
  };
}

export function readCamera(values: RowValues, columns: { camera: string; city?: string; lat?: string; lon?: string; x?: string; y?: string }, spec: ImportSpec): KeyedRecord {
  const camera = values.required(columns.camera, 'cameraOrLocation');
  return {
    key: `camera:${keyText(camera)}`,
    props: compact({
      label: camera,
      name: camera,
      kind: 'anpr-camera',
      city: values.text(columns.city),
      ...readPlace(values, columns, spec),
    }),
  };
}

/**
 * The place a row gives, as WGS84 `lat`/`lon` (converted from a national grid when the spec says so, the
 * original values kept beside them); nothing when its columns are blank. A place that cannot be right rejects
 * the row; one far from Belgium and the Netherlands is kept with a `coordinateIssue`.
 */
export function readPlace(values: RowValues, columns: { lat?: string; lon?: string; x?: string; y?: string }, spec: ImportSpec): ImportProps {
  const system = spec.options.coordinateSystem;
  const [firstColumn, secondColumn] = system === 'WGS84' ? [columns.lat, columns.lon] : [columns.x, columns.y];
  const [firstName, secondName]: TermName[] = system === 'WGS84' ? ['latitude', 'longitude'] : ['easting', 'northing'];
  const number = (column: string | undefined, what: TermName) => {
    const text = values.text(column);
    if (text === undefined) return undefined;
    const value = parseDecimal(text);
    if (value === null) throw new RowRejection('NOT_A_NUMBER', { field: term(what), value: text });
    return value;
  };
  const first = number(firstColumn, firstName);
  const second = number(secondColumn, secondName);
  if (first === undefined && second === undefined) return {};
  if (first === undefined || second === undefined) {
    // Half a place is kept as written (in range), but noted: it cannot be put on a map.
    const [value, name, missing] = first === undefined ? [second!, secondName, firstName] : [first, firstName, secondName];
    if (system !== 'WGS84') throw new RowRejection('HALF_A_GRID_PLACE', { field: term(name), value: String(value), missing: term(missing) });
    const limit = name === 'latitude' ? 90 : 180;
    if (Math.abs(value) > limit) throw new RowRejection('COORDINATE_OUT_OF_RANGE', { field: term(name), value: String(value), limit });
    return { [name === 'latitude' ? 'lat' : 'lon']: value, coordinateIssue: `the place has a ${name} but no ${missing}` };
  }
  const checked = checkPlace(system, first, second);
  if (!checked.ok) throw new RowRejection(checked.reason.code, checked.reason.values);
  return compact({
    lat: checked.place.lat,
    lon: checked.place.lon,
    coordinateIssue: checked.issue,
    ...(system === 'WGS84' ? {} : { sourceX: first, sourceY: second, sourceCoordinateSystem: system }),
  });
}

// ---- gangs ---------------------------------------------------------------------------------------------

export function readGang(values: RowValues, columns: { gang: string; chapter?: string; gangKind?: string }, defaultKind: string | undefined): KeyedRecord {
  const name = values.required(columns.gang, 'gangName');
  const chapter = values.text(columns.chapter);
  return {
    key: `gang:${keyText(name)}|${keyText(chapter)}`,
    props: compact({ label: chapter ? `${name} ${chapter}` : name, name, chapter, kind: values.text(columns.gangKind) ?? defaultKind }),
  };
}
