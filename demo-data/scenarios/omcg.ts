// Motorcycle-gang chapters on both sides of the border: a Dutch and a Belgian chapter of the same club, each
// investigated by its own country, with members visiting the other chapter (and so recorded abroad).
import type { Country } from '../../contract/model';
import { BE_AGENCIES, NL_AGENCIES, OMCG_NAMES } from '../reference-organisations';
import { BE_TOWNS, NL_TOWNS } from '../reference-places';
import { MOTORCYCLES } from '../reference-vehicles';
import type { RegisteredPerson, ScenarioContext } from '../scenario-context';

const ROLES = ['president', 'vice-president', 'sergeant-at-arms', 'treasurer'];

export function motorcycleGangs(ctx: ScenarioContext): void {
  const { random, book, world } = ctx;
  const club = OMCG_NAMES[ctx.unit % OMCG_NAMES.length];
  const nlTown = random.pick(NL_TOWNS.filter((t) => ['Eindhoven', 'Breda', 'Tilburg', 'Maastricht', 'Heerlen', 'Venlo', 'Roermond', 'Bergen op Zoom'].includes(t.city)));
  const beTown = random.pick(BE_TOWNS.filter((t) => ['Genk', 'Maasmechelen', 'Hasselt', 'Lommel', 'Turnhout', 'Antwerpen', 'Mechelen', 'Zelzate'].includes(t.city)));
  const nlCase = ctx.openCase('NL', random.pick([NL_AGENCIES.zuid, NL_AGENCIES.limburg]), `OMCG ${club} chapter ${nlTown.city}`);
  const beCase = ctx.openCase('BE', BE_AGENCIES.fgpLimburg, `OMCG ${club} chapter ${beTown.city}`, 'Parket Limburg');

  const chapter = (country: Country) => {
    const kase = country === 'NL' ? nlCase : beCase;
    const town = country === 'NL' ? nlTown : beTown;
    const gangSource = book.source(random, kase, 'gang-membership', ctx.instant());
    const gangId = book.entity('Gang', gangSource, { label: `${club} – ${town.city}`, name: club, chapter: town.city, kind: 'omcg' });
    const clubhouseId = book.entity(
      'Location',
      gangSource,
      { label: `Clubhuis ${club}, ${town.city}`, name: `Clubhuis ${club}`, kind: 'address', city: town.city, postcode: town.postcode, lat: town.lat, lon: town.lon },
      town.country,
    );
    const size = random.int(8, 11);
    const members: RegisteredPerson[] = [];
    for (let i = 0; i < size; i++) {
      const origin = country === 'NL' ? random.weighted([['dutch', 6], ['migrant', 3]] as const) : random.weighted([['flemish', 5], ['migrant', 3], ['walloon', 1]] as const);
      const real = world.person(random, { residence: country, origin, town: random.chance(0.6) ? town : undefined, bornFrom: 1965, bornUntil: 2000, gender: 'M' });
      if (random.chance(0.5)) real.nickname = world.nickname(random);
      const bike = world.vehicle(random, country, random.pick(MOTORCYCLES));
      const member = ctx.registerPerson(kase, real, { phones: [world.phone(random, country)], vehicles: [{ vehicle: bike }], withAlias: true });
      const membership = book.source(random, kase, 'gang-membership', ctx.instant());
      book.relate('MEMBER_OF', member.personId, gangId, membership, {
        role: i < ROLES.length ? ROLES[i] : random.weighted([['member', 4], ['prospect', 1]] as const),
        from: ctx.instant('2012-01-01T00:00:00Z', '2022-12-31T00:00:00Z'),
      });
      members.push(member);
    }
    ctx.criminals.push(...members);
    return { kase, gangId, clubhouseId, members, town };
  };

  const nl = chapter('NL');
  const be = chapter('BE');

  // Visiting members: recorded abroad at a run or a control, linked to the host chapter's president.
  const visit = (guests: RegisteredPerson[], host: typeof nl) => {
    for (const guest of random.sample(guests, random.int(1, 2))) {
      const abroad = ctx.recordAbroad(host.kase, guest.real, { phone: random.chance(0.5) ? guest.phones[0] : undefined, kind: random.pick(['statement', 'intelligence'] as const) });
      book.relate('ASSOCIATE_OF', abroad.personId, host.members[0].personId, abroad.source, { from: ctx.instant() });
    }
  };
  visit(nl.members, be);
  visit(be.members, nl);

  // A fight outside the Belgian clubhouse with members of both chapters involved.
  const fightSource = book.source(random, be.kase, 'statement', ctx.instant());
  const fightAt = ctx.instant();
  const fightId = book.entity('Incident', fightSource, {
    label: `Vechtpartij clubhuis ${club} ${be.town.city}`,
    kind: 'assault',
    at: fightAt,
    description: `Vechtpartij met zwaargewonde aan het clubhuis van ${club} in ${be.town.city}.`,
  });
  book.relate('PART_OF', fightId, be.kase.id, fightSource, {});
  book.relate('OCCURRED_AT', fightId, be.clubhouseId, fightSource, { at: fightAt });
  for (const member of random.sample(be.members, 3)) book.relate('INVOLVED_IN', member.personId, fightId, fightSource, { role: 'suspect' });
}
