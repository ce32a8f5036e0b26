// The ordinary people around the criminal scenarios: family sharing a criminal's address, acquaintances,
// car owners and callers who turn up in every investigation. They make the network realistically dense,
// and some carry a criminal's exact name with another date of birth: namesakes entity resolution must keep apart.
import type { Country } from '../../contract/model';
import type { RealPerson } from '../real-world';
import { ORDINARY_CARS } from '../reference-vehicles';
import type { RegisteredPerson, ScenarioContext } from '../scenario-context';

/** Ordinary people per scale unit; tuned so one unit is about 2,000 nodes in all. */
export const BACKGROUND_PEOPLE_PER_UNIT = 300;

export function backgroundPopulation(ctx: ScenarioContext): void {
  const { random, book, world } = ctx;
  const registered: RegisteredPerson[] = [];
  for (let i = 0; i < BACKGROUND_PEOPLE_PER_UNIT; i++) {
    const kase = random.pick(ctx.cases);
    const criminalsHere = ctx.criminals.filter((c) => c.source.caseId === kase.id);
    const relative = criminalsHere.length > 0 && random.chance(0.3) ? random.pick(criminalsHere) : undefined;
    const residence: Country = relative ? relative.real.residence.town.country : random.chance(0.85) ? kase.country : kase.country === 'NL' ? 'BE' : 'NL';
    const origin = residence === 'NL' ? random.weighted([['dutch', 8], ['migrant', 2]] as const) : random.weighted([['flemish', 7], ['migrant', 2], ['walloon', 1]] as const);
    const real = world.person(random, { residence, origin, bornFrom: 1940, bornUntil: 2006 });
    if (relative) {
      real.residence = relative.real.residence;
      if (random.chance(0.6)) real.familySpellings = [...relative.real.familySpellings];
    }
    if (random.chance(0.08)) namesakeOf(random.pick(ctx.criminals.length > 0 ? ctx.criminals : [undefined]), real);
    const phones = random.chance(0.9) ? [world.phone(random, residence, random.chance(0.05) ? 'landline' : 'mobile')] : [];
    const vehicles = random.chance(0.45) ? [{ vehicle: world.vehicle(random, residence, random.pick(ORDINARY_CARS)) }] : [];
    const person = ctx.registerPerson(kase, real, { phones, vehicles, withHandset: random.chance(0.2) });
    registered.push(person);

    // Calls with the criminal relative or acquaintance in the same case, and with other background people.
    const contact = relative ?? (criminalsHere.length > 0 && random.chance(0.3) ? random.pick(criminalsHere) : undefined);
    if (person.phoneIds[0] && contact?.phoneIds[0]) {
      ctx.calls(kase, contact.phoneIds[0], person.phoneIds[0], { from: '2023-01-01T00:00:00Z', until: '2024-12-31T00:00:00Z' }, random.int(1, 60));
    }
    if (contact && !relative && random.chance(0.5)) book.relate('ASSOCIATE_OF', contact.personId, person.personId, person.source, { from: ctx.instant() });
  }

  // A sparse calling network among the ordinary people of each case.
  for (const person of registered) {
    if (!person.phoneIds[0] || !random.chance(0.6)) continue;
    const other = random.pick(registered);
    if (other === person || !other.phoneIds[0] || other.source.caseId !== person.source.caseId) continue;
    const kase = ctx.cases.find((c) => c.id === person.source.caseId)!;
    ctx.calls(kase, person.phoneIds[0], other.phoneIds[0], { from: '2023-01-01T00:00:00Z', until: '2024-12-31T00:00:00Z' }, random.int(1, 25));
  }
}

/** Gives `real` the exact names of a criminal (not their date of birth): a different person. */
function namesakeOf(criminal: RegisteredPerson | undefined, real: RealPerson): void {
  if (!criminal) return;
  real.gender = criminal.real.gender;
  real.givenSpellings = [criminal.real.givenSpellings[0]];
  real.familySpellings = [criminal.real.familySpellings[0]];
}
