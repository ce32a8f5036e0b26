// An ATM gas-attack crew living in the Netherlands and striking in Belgium. Each attack is an Incident in a
// Belgian case; the stolen getaway car passes ANPR cameras on both sides of a border crossing shortly before
// and after; the crew's burner phones call each other in the days around it. The Dutch case knows the crew
// and the Dutch cameras; the Belgian case knows the attacks, the Belgian cameras, and later some suspects.
import type { Country } from '../../contract/model';
import type { RealVehicle } from '../real-world';
import type { RecordBook, CaseHandle } from '../record-book';
import { recordVehicle } from '../record-writers';
import { BE_AGENCIES, NL_AGENCIES } from '../reference-organisations';
import { BORDER_CROSSINGS, NL_TOWNS, townNamed } from '../reference-places';
import { FAST_CARS, ORDINARY_CARS } from '../reference-vehicles';
import type { RegisteredPerson, ScenarioContext } from '../scenario-context';

const MINUTE = 60_000;

function shift(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE).toISOString().replace('.000Z', 'Z');
}

interface GetawayCar {
  vehicle: RealVehicle;
  /** The plate it drives with: its own, or one cloned from an innocent Belgian car. */
  shown: { plate: string; country: Country };
  /** ANPR vehicle record per case, created on the first camera hit. */
  anprRecord: Map<string, string>;
}

export function atmCrew(ctx: ScenarioContext): void {
  const { random, book, world } = ctx;
  const base = townNamed(random.pick(['Utrecht', 'Amsterdam', 'Almere', 'Rotterdam']));
  const crossings = random.sample(BORDER_CROSSINGS, random.int(1, 2));
  const nlCase = ctx.openCase('NL', random.pick([NL_AGENCIES.middenNederland, NL_AGENCIES.landelijk]), `Plofkraakbende ${base.city}`);
  const prosecutor = crossings[0].key === 'maastricht-lanaken' ? 'Parket Limburg' : crossings[0].key === 'sas-van-gent-zelzate' ? 'Parket Oost-Vlaanderen' : 'Parket Antwerpen';
  const beAgency = crossings[0].key === 'maastricht-lanaken' ? BE_AGENCIES.fgpLimburg : crossings[0].key === 'sas-van-gent-zelzate' ? BE_AGENCIES.fgpOostVlaanderen : BE_AGENCIES.fgpAntwerpen;
  const beCase = ctx.openCase('BE', beAgency, 'Reeks plofkraken op geldautomaten', prosecutor);

  const crewSource = book.source(random, nlCase, 'intelligence', ctx.instant());
  const crewId = book.entity('Gang', crewSource, { label: `Plofkraakbende ${base.city}`, name: `Plofkraakbende ${base.city}`, kind: 'atm-crew' });

  const crew: RegisteredPerson[] = [];
  const burners: string[] = [];
  for (let i = 0; i < random.int(5, 7); i++) {
    const real = world.person(random, { residence: 'NL', origin: random.weighted([['migrant', 3], ['dutch', 2]] as const), town: random.chance(0.7) ? base : random.pick(NL_TOWNS), bornFrom: 1990, bornUntil: 2004, gender: 'M' });
    if (random.chance(0.5)) real.nickname = world.nickname(random);
    const burner = world.phone(random, random.pick(['NL', 'BE'] as const), 'burner');
    const member = ctx.registerPerson(nlCase, real, { phones: [world.phone(random, 'NL'), burner], withAlias: true, withHandset: random.chance(0.4) });
    book.relate('MEMBER_OF', member.personId, crewId, crewSource, { role: i === 0 ? 'leader' : random.pick(['driver', 'blaster', 'lookout']), from: ctx.instant('2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z') });
    crew.push(member);
    burners.push(member.phoneIds[1]);
  }
  ctx.criminals.push(...crew);

  const cars = stealCars(ctx, nlCase, beCase);

  const attackIds: string[] = [];
  const attacks = random.int(3, 5);
  for (let a = 0; a < attacks; a++) {
    const crossing = random.pick(crossings);
    const town = townNamed(random.pick(crossing.targetTowns));
    const car = random.pick(cars);
    // Attacks happen at night, between 02:00 and 04:59.
    const day = ctx.instant('2023-02-01T00:00:00Z', '2024-11-30T00:00:00Z').slice(0, 10);
    const at = `${day}T${String(random.int(1, 3)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`;

    const report = book.source(random, beCase, 'statement', shift(at, 120));
    const bank = random.pick(['KBC', 'BNP Paribas Fortis', 'Belfius', 'ING', 'Argenta', 'Batopin']);
    const atmId = book.entity(
      'Location',
      report,
      { label: `Geldautomaat ${bank} ${town.city}`, name: `Geldautomaat ${bank}`, kind: 'atm', city: town.city, postcode: town.postcode, lat: town.lat, lon: town.lon },
      'BE',
    );
    const incidentId = book.entity('Incident', report, {
      label: `Plofkraak ${bank} ${town.city}`,
      kind: 'atm-gas-attack',
      at,
      description: `Gasexplosie aan geldautomaat ${bank} in ${town.city}; daders vluchtten in een ${car.vehicle.colour}e ${car.vehicle.model.make} ${car.vehicle.model.model} richting Nederland.`,
    });
    book.relate('PART_OF', incidentId, beCase.id, report, {});
    book.relate('OCCURRED_AT', incidentId, atmId, report, { at });
    attackIds.push(incidentId);

    // ANPR: Dutch camera southbound, Belgian camera southbound, then both again northbound.
    const [nlCamera, beCamera] = [crossing.cameras.find((c) => c.country === 'NL')!, crossing.cameras.find((c) => c.country === 'BE')!];
    const passes: [Country, string][] = [
      ['NL', shift(at, -random.int(45, 70))],
      ['BE', shift(at, -random.int(25, 40))],
      ['BE', shift(at, random.int(10, 25))],
      ['NL', shift(at, random.int(30, 50))],
    ];
    for (const [side, passedAt] of passes) {
      const kase = side === 'NL' ? nlCase : beCase;
      const cameraId = ctx.refs.cameras[crossing.key][side];
      const hit = book.source(random, kase, 'anpr', passedAt);
      const vehicleId = anprRecordOf(book, ctx, car, kase, hit);
      book.relate('SIGHTED_AT', vehicleId, cameraId, hit, { at: passedAt, camera: side === 'NL' ? nlCamera.name : beCamera.name });
    }
    book.relate('INVOLVED_IN', car.anprRecord.get(beCase.id)!, incidentId, report, { role: 'getaway-car' });

    // Burners call each other from two days before until an hour after.
    for (const [i, j] of [[0, 1], [0, 2], [1, 2], [0, random.int(3, burners.length - 1)]]) {
      ctx.calls(nlCase, burners[i], burners[j], { from: shift(at, -2 * 24 * 60), until: shift(at, 60) }, random.int(3, 40));
    }
  }

  // The Belgian case identifies some of the crew and finds a burner: cross-border records of the same people.
  for (const suspect of random.sample(crew, random.int(2, 4))) {
    const abroad = ctx.recordAbroad(beCase, suspect.real, { phone: random.chance(0.5) ? suspect.phones[1] : undefined });
    book.relate('INVOLVED_IN', abroad.personId, random.pick(attackIds), abroad.source, { role: 'suspect' });
  }
}

/** Three stolen cars: one Dutch, one Belgian, and (often) a Dutch car driving on a cloned Belgian plate. */
function stealCars(ctx: ScenarioContext, nlCase: CaseHandle, beCase: CaseHandle): GetawayCar[] {
  const { random, book, world } = ctx;
  const cars: GetawayCar[] = [];
  const theft = (kase: CaseHandle, vehicle: RealVehicle) => {
    const report = book.source(random, kase, 'vehicle-register', ctx.instant('2023-01-01T00:00:00Z', '2023-06-30T00:00:00Z'));
    recordVehicle(book, random, report, vehicle, { registerDetails: true, stolen: true });
  };
  const dutch = world.vehicle(random, 'NL', random.pick(FAST_CARS));
  theft(nlCase, dutch);
  cars.push({ vehicle: dutch, shown: { plate: dutch.plate, country: 'NL' }, anprRecord: new Map() });
  const belgian = world.vehicle(random, 'BE', random.pick(FAST_CARS));
  theft(beCase, belgian);
  cars.push({ vehicle: belgian, shown: { plate: belgian.plate, country: 'BE' }, anprRecord: new Map() });
  if (random.chance(0.6)) {
    // The cloned plate belongs to an innocent Belgian's ordinary car, registered in the Belgian case when the
    // plate turned up. Same plate, different real vehicles: a trap entity resolution must not fall into.
    const cloned = world.vehicle(random, 'BE', random.pick(ORDINARY_CARS));
    const owner = world.person(random, { residence: 'BE', origin: 'flemish' });
    ctx.registerPerson(beCase, owner, { vehicles: [{ vehicle: cloned }] });
    const stolen = world.vehicle(random, 'NL', random.pick(FAST_CARS));
    theft(nlCase, stolen);
    cars.push({ vehicle: stolen, shown: { plate: cloned.plate, country: 'BE' }, anprRecord: new Map() });
  }
  return cars;
}

function anprRecordOf(book: RecordBook, ctx: ScenarioContext, car: GetawayCar, kase: CaseHandle, hit: ReturnType<RecordBook['source']>): string {
  const known = car.anprRecord.get(kase.id);
  if (known) return known;
  const id = recordVehicle(book, ctx.random, hit, car.vehicle, { plateShown: car.shown });
  car.anprRecord.set(kase.id, id);
  return id;
}
