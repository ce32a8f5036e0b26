// The real-world people, phones and vehicles behind the records. A real person may be described by a Dutch
// and a Belgian record that disagree on spelling; these objects hold the truth both are derived from.
import type { Country } from '../contract/model';
import type { DemoRandom } from './random';
import { FAMILY_NAME_VARIANTS, GIVEN_NAME_VARIANTS, WALLOON_FAMILY_NAMES, WALLOON_GIVEN_NAMES, NICKNAMES } from './reference-names';
import { BE_TOWNS, NL_TOWNS, type Town } from './reference-places';
import { COLOURS, type VehicleModel } from './reference-vehicles';
import {
  makeBelgianMobile,
  makeBelgianPlate,
  makeBsn,
  makeDutchMobile,
  makeDutchPlate,
  makeImei,
  makeImsi,
  makeLandline,
  makeNationalNumber,
  makeVin,
  type MobileNumber,
} from './identity-numbers';

export type Origin = 'dutch' | 'flemish' | 'walloon' | 'migrant';

export interface Address {
  street: string;
  houseNumber: number;
  postcode: string;
  town: Town;
}

export interface RealPerson {
  realId: string;
  gender: 'M' | 'F';
  /** First spelling is the one in the person's own country's register; the others are variants. */
  givenSpellings: string[];
  familySpellings: string[];
  dateOfBirth: string;
  nationality: string;
  residence: Address;
  bsn?: string;
  nationalNumber?: string;
  nickname?: string;
}

export interface RealPhone {
  realId: string;
  number: MobileNumber;
  imei: string;
  imsi: string;
  kind: 'mobile' | 'burner' | 'landline';
}

export interface RealVehicle {
  realId: string;
  plate: string;
  plateCountry: Country;
  vin: string;
  model: VehicleModel;
  colour: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function randomDate(random: DemoRandom, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return isoDay(year, month, random.int(1, days));
}

/** Belgian registers capitalise particles ("Van der Berg"); Dutch ones keep them lower case when a given name precedes. */
export function capitaliseParticles(family: string): string {
  return family.replace(/^(van|de|den|der|ter|te|ten|'t)\b/i, (p) => p[0].toUpperCase() + p.slice(1));
}

/** Issues real-world ids; one instance for the whole generation run so ids never collide across scale units. */
export class RealWorld {
  private counters = { person: 0, phone: 0, vehicle: 0 };

  /** `series` keeps the real-world ids of a later scenario apart from the main ones ('RPX-000001'). */
  constructor(private readonly series = '') {}

  person(
    random: DemoRandom,
    spec: { residence: Country; origin: Origin; town?: Town; bornFrom?: number; bornUntil?: number; gender?: 'M' | 'F'; undocumentedFrom?: string },
  ): RealPerson {
    const gender = spec.gender ?? (random.chance(0.8) ? 'M' : 'F');
    const town = spec.town ?? random.pick(spec.residence === 'NL' ? NL_TOWNS : BE_TOWNS);
    const names = this.names(random, spec.origin, gender, spec.residence);
    const dateOfBirth = randomDate(random, spec.bornFrom ?? 1965, spec.bornUntil ?? 2004);
    const faker = spec.residence === 'NL' ? random.nl : random.be;
    const residence: Address = {
      street: faker.location.street(),
      houseNumber: random.int(1, 180),
      postcode: spec.residence === 'NL' ? `${town.postcode} ${random.letters(2, 'ABCDEGHJKLMNPRTVWXZ')}` : town.postcode,
      town,
    };
    const person: RealPerson = {
      realId: `RP${this.series}-${String(++this.counters.person).padStart(6, '0')}`,
      gender,
      ...names,
      dateOfBirth,
      nationality: names.nationality,
      residence,
    };
    if (spec.undocumentedFrom) person.nationality = spec.undocumentedFrom; // no national identifier at all
    else if (spec.residence === 'NL') person.bsn = makeBsn(random);
    else person.nationalNumber = makeNationalNumber(random, dateOfBirth, gender);
    return person;
  }

  private names(random: DemoRandom, origin: Origin, gender: 'M' | 'F', residence: Country) {
    const sex = gender === 'M' ? 'male' : 'female';
    const own = residence === 'NL' ? 'NL' : 'BE';
    switch (origin) {
      case 'dutch':
        return { givenSpellings: [random.nl.person.firstName(sex)], familySpellings: [this.registerSpelling(random.nl.person.lastName(), residence)], nationality: 'NL' };
      case 'flemish':
        return { givenSpellings: [random.be.person.firstName(sex)], familySpellings: [this.registerSpelling(random.be.person.lastName(), residence)], nationality: 'BE' };
      case 'walloon': {
        const given = random.pick(WALLOON_GIVEN_NAMES.filter((n) => n.gender === gender));
        return { givenSpellings: [given?.name ?? 'Dominique'], familySpellings: [random.pick(WALLOON_FAMILY_NAMES)], nationality: 'BE' };
      }
      case 'migrant': {
        const given = random.pick(GIVEN_NAME_VARIANTS.filter((n) => n.gender === gender));
        const family = random.pick(FAMILY_NAME_VARIANTS);
        return { givenSpellings: [...given.spellings], familySpellings: [...family], nationality: random.weighted([[own, 7], ['MA', 2], ['TR', 1]] as const) };
      }
    }
  }

  private registerSpelling(family: string, residence: Country): string {
    return residence === 'BE' ? capitaliseParticles(family) : family;
  }

  nickname(random: DemoRandom): string {
    return random.pick(NICKNAMES);
  }

  phone(random: DemoRandom, country: Country, kind: RealPhone['kind'] = 'mobile'): RealPhone {
    const number = kind === 'landline' ? makeLandline(random, country) : country === 'NL' ? makeDutchMobile(random) : makeBelgianMobile(random);
    return { realId: `RPH${this.series}-${String(++this.counters.phone).padStart(6, '0')}`, number, imei: makeImei(random), imsi: makeImsi(random, country), kind };
  }

  vehicle(random: DemoRandom, plateCountry: Country, model: VehicleModel): RealVehicle {
    return {
      realId: `RV${this.series}-${String(++this.counters.vehicle).padStart(6, '0')}`,
      plate: plateCountry === 'NL' ? makeDutchPlate(random) : makeBelgianPlate(random),
      plateCountry,
      vin: makeVin(random, model.wmi),
      model,
      colour: random.pick(COLOURS),
    };
  }
}

/** A typical criminal's nickname, sometimes. */
export function maybeNickname(random: DemoRandom, world: RealWorld, probability: number): string | undefined {
  return random.chance(probability) ? world.nickname(random) : undefined;
}
