// Turns real-world people, phones and vehicles into the records one source row holds, with the spelling and
// identifier conventions of the recording country, and registers each record in the ground truth.
import type { Country } from '../contract/model';
import { normalizePhone, normalizePlate } from '../identifiers';
import type { RecordBook, SourceHandle } from './record-book';
import { corruptCheckDigit, styleFamilyName, swapDayAndMonth, typo } from './record-variation';
import type { DemoRandom } from './random';
import type { Address, RealPerson, RealPhone, RealVehicle } from './real-world';
import { writePhone, writePlate } from './identity-numbers';

/** Share of identifiers written with a broken checksum, on purpose. */
const BROKEN_IDENTIFIER_RATE = 0.03;

export function recordPerson(book: RecordBook, random: DemoRandom, source: SourceHandle, person: RealPerson, opts: { withAlias?: boolean } = {}): string {
  const residenceCountry: Country = person.residence.town.country;
  const foreign = source.country !== residenceCountry;
  let given = person.givenSpellings[0];
  let family = person.familySpellings[0];
  let dateOfBirth = person.dateOfBirth;
  if (foreign) {
    if (person.givenSpellings.length > 1 && random.chance(0.4)) given = random.pick(person.givenSpellings.slice(1));
    if (person.familySpellings.length > 1 && random.chance(0.3)) family = random.pick(person.familySpellings.slice(1));
    family = styleFamilyName(random, family, source.country);
    if (source.country === 'BE' && random.chance(0.35)) {
      given = given.toUpperCase();
      family = family.toUpperCase();
    }
    if (random.chance(0.08)) family = typo(random, family);
    if (random.chance(0.05)) dateOfBirth = swapDayAndMonth(dateOfBirth);
    if (random.chance(0.06)) [given, family] = [family, given];
  } else if (random.chance(0.02)) {
    family = typo(random, family);
  }

  // Each country's records carry its own national identifier, and only for its own residents.
  let bsn: string | undefined;
  let nationalNumber: string | undefined;
  let identifierValid: boolean | undefined;
  if (!foreign) {
    const broken = random.chance(BROKEN_IDENTIFIER_RATE);
    if (person.bsn) bsn = broken ? corruptCheckDigit(person.bsn) : person.bsn;
    if (person.nationalNumber) nationalNumber = broken ? corruptCheckDigit(person.nationalNumber) : person.nationalNumber;
    identifierValid = !broken;
  }

  const fullName = `${given} ${family}`;
  const id = book.entity('Person', source, {
    label: fullName,
    givenName: given,
    familyName: family,
    fullName,
    aliases: opts.withAlias && person.nickname ? [person.nickname] : undefined,
    dateOfBirth,
    gender: person.gender,
    nationality: person.nationality,
    bsn,
    nationalNumber,
    identifierValid,
  });
  book.describes(person.realId, 'Person', id);
  return id;
}

export function recordPhone(book: RecordBook, random: DemoRandom, source: SourceHandle, phone: RealPhone, opts: { withHandset?: boolean } = {}): string {
  const number = writePhone(random, phone.number, source.country);
  let imei: string | undefined;
  let identifierValid: boolean | undefined;
  if (opts.withHandset) {
    const broken = random.chance(BROKEN_IDENTIFIER_RATE);
    imei = broken ? corruptCheckDigit(phone.imei) : phone.imei;
    identifierValid = !broken;
  }
  const id = book.entity('Phone', source, {
    label: number,
    number,
    e164: normalizePhone(number, phone.number.country)?.e164 ?? phone.number.e164,
    imei,
    imsi: opts.withHandset ? phone.imsi : undefined,
    kind: phone.kind,
    identifierValid,
  });
  book.describes(phone.realId, 'Phone', id);
  return id;
}

/**
 * A vehicle record. `plateShown` is the plate the source saw when it differs from the registered one
 * (false plates); `registerDetails` adds VIN, make and model as a register extract would.
 */
export function recordVehicle(
  book: RecordBook,
  random: DemoRandom,
  source: SourceHandle,
  vehicle: RealVehicle,
  opts: { plateShown?: { plate: string; country: Country }; registerDetails?: boolean; stolen?: boolean } = {},
): string {
  const shown = opts.plateShown ?? { plate: vehicle.plate, country: vehicle.plateCountry };
  const plate = writePlate(random, shown.plate);
  const id = book.entity('Vehicle', source, {
    label: plate.toUpperCase(),
    plate,
    plateNormalized: normalizePlate(plate)?.normalized ?? shown.plate.replace(/[-\s]/g, '').toUpperCase(),
    plateCountry: shown.country,
    vin: opts.registerDetails ? vehicle.vin : undefined,
    make: opts.registerDetails || random.chance(0.6) ? vehicle.model.make : undefined,
    model: opts.registerDetails ? vehicle.model.model : undefined,
    colour: random.chance(0.8) ? vehicle.colour : undefined,
    stolen: opts.stolen,
  });
  book.describes(vehicle.realId, 'Vehicle', id);
  return id;
}

/** Address records are shared by the people of one household within one case. */
export class AddressBook {
  private readonly ids = new Map<string, string>();

  constructor(private readonly book: RecordBook) {}

  locationFor(source: SourceHandle, address: Address): string {
    const key = `${source.caseId}|${address.street} ${address.houseNumber}|${address.postcode}`;
    const known = this.ids.get(key);
    if (known) return known;
    const street = `${address.street} ${address.houseNumber}`;
    const id = this.book.entity(
      'Location',
      source,
      {
        label: `${street}, ${address.postcode} ${address.town.city}`,
        name: `${street}, ${address.town.city}`,
        kind: 'address',
        street,
        postcode: address.postcode,
        city: address.town.city,
        lat: address.town.lat,
        lon: address.town.lon,
      },
      address.town.country,
    );
    this.ids.set(key, id);
    return id;
  }
}
