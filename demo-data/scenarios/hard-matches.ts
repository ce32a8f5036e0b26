// Entity-resolution traps, written in an id series of their own (after the other scenarios, from a random
// stream of their own) so every record the other scenarios make keeps its id at every scale:
// - cross-border spellings: a person in their own country's register and in a statement abroad, the given name
//   always in another transliteration (Rasjid / Rachid), the family name often too (Boukhari / Bouchari);
// - twins: same family name, date of birth and address, a household landline both use, other given names;
// - father and son with the same names, another date of birth, the same address and household landline.
// The twins and the father and son are different people: they must not be proposed as matches.
import type { Country } from '../../contract/model';
import { CROSS_BORDER_FAMILY_NAMES, CROSS_BORDER_GIVEN_NAMES, TWIN_GIVEN_NAMES } from '../reference-names';
import { randomDate, type RealPerson } from '../real-world';
import type { ScenarioContext } from '../scenario-context';

export const HARD_MATCH_SERIES = 'X';
const CROSS_BORDER_PEOPLE_PER_UNIT = 10;
const TWINS_PER_UNIT = 3;
const FATHERS_AND_SONS_PER_UNIT = 3;

export function hardMatches(ctx: ScenarioContext): void {
  ctx.book.inSeries(HARD_MATCH_SERIES, () => {
    const cases = {
      NL: ctx.openCase('NL', 'Politie Eenheid Rotterdam', 'Identiteitsfraude en adreskwaliteit'),
      BE: ctx.openCase('BE', 'FGP Antwerpen', 'Domiciliefraude', 'Antwerpen'),
    };
    for (let i = 0; i < CROSS_BORDER_PEOPLE_PER_UNIT; i++) crossBorderSpelling(ctx, cases);
    for (let i = 0; i < TWINS_PER_UNIT; i++) twins(ctx, cases);
    for (let i = 0; i < FATHERS_AND_SONS_PER_UNIT; i++) fatherAndSon(ctx, cases);
  });
}

type Cases = Record<Country, ReturnType<ScenarioContext['openCase']>>;

function crossBorderSpelling(ctx: ScenarioContext, cases: Cases): void {
  const { random, world } = ctx;
  const home: Country = random.chance(0.5) ? 'NL' : 'BE';
  const abroad: Country = home === 'NL' ? 'BE' : 'NL';
  const real = world.person(random, { residence: home, origin: 'migrant' });
  const given = random.pick(CROSS_BORDER_GIVEN_NAMES.filter((n) => n.gender === real.gender));
  const family = random.pick(CROSS_BORDER_FAMILY_NAMES);
  real.givenSpellings = [given.spellings[0]];
  real.familySpellings = [family[0]];
  const phone = world.phone(random, home);
  ctx.registerPerson(cases[home], real, { phones: [phone] });
  // The record abroad: another transliteration of the given name always, of the family name often; a phone
  // only sometimes, so recall is measured without that help too.
  const spelledAbroad: RealPerson = {
    ...real,
    givenSpellings: [random.pick(given.spellings.slice(1))],
    familySpellings: [random.chance(0.6) ? random.pick(family.slice(1)) : family[0]],
  };
  ctx.recordAbroad(cases[abroad], spelledAbroad, { phone: random.chance(0.4) ? phone : undefined });
}

function twins(ctx: ScenarioContext, cases: Cases): void {
  const { random, world } = ctx;
  const country: Country = random.chance(0.5) ? 'NL' : 'BE';
  const { gender, names } = random.pick(TWIN_GIVEN_NAMES);
  const first = world.person(random, { residence: country, origin: 'migrant', gender, bornFrom: 1980, bornUntil: 2005 });
  const second = world.person(random, { residence: country, origin: 'migrant', gender, bornFrom: 1980, bornUntil: 2005 });
  first.givenSpellings = [names[0]];
  second.givenSpellings = [names[1]];
  second.familySpellings = [...first.familySpellings];
  second.dateOfBirth = first.dateOfBirth;
  second.residence = first.residence;
  const landline = world.phone(random, country, 'landline');
  ctx.registerPerson(cases[country], first, { phones: [landline] });
  ctx.registerPerson(cases[country], second, { phones: [landline] });
}

function fatherAndSon(ctx: ScenarioContext, cases: Cases): void {
  const { random, world } = ctx;
  const country: Country = random.chance(0.5) ? 'NL' : 'BE';
  const father = world.person(random, { residence: country, origin: random.chance(0.5) ? 'migrant' : country === 'NL' ? 'dutch' : 'flemish', gender: 'M', bornFrom: 1950, bornUntil: 1970 });
  const son = world.person(random, { residence: country, origin: 'dutch', gender: 'M' });
  son.givenSpellings = [...father.givenSpellings];
  son.familySpellings = [...father.familySpellings];
  son.dateOfBirth = randomDate(random, Number(father.dateOfBirth.slice(0, 4)) + 22, Number(father.dateOfBirth.slice(0, 4)) + 35);
  son.residence = father.residence;
  const landline = world.phone(random, country, 'landline');
  ctx.registerPerson(cases[country], father, { phones: [landline] });
  ctx.registerPerson(cases[country], son, { phones: [landline] });
}
