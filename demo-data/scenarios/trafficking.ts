// A human-trafficking route: recruiters bring victims from Eastern Europe and Nigeria through Belgium to
// addresses on both sides of the border, in vans that get stopped at border crossings now and then.
import { BE_AGENCIES, NL_AGENCIES } from '../reference-organisations';
import { BORDER_CROSSINGS, townNamed } from '../reference-places';
import { TRAFFICKING_VICTIM_ORIGINS } from '../reference-names';
import { VANS } from '../reference-vehicles';
import { recordVehicle } from '../record-writers';
import type { RegisteredPerson, ScenarioContext } from '../scenario-context';

export function traffickingRoute(ctx: ScenarioContext): void {
  const { random, book, world } = ctx;
  const beCase = ctx.openCase('BE', random.pick([BE_AGENCIES.fgpAntwerpen, BE_AGENCIES.fgpOostVlaanderen]), 'Mensenhandel seksuele uitbuiting', random.pick(['Parket Antwerpen', 'Parket Oost-Vlaanderen']));
  const nlCase = ctx.openCase('NL', random.pick([NL_AGENCIES.zeelandWestBrabant, NL_AGENCIES.rotterdam]), 'Mensenhandel route België–Nederland');

  const networkSource = book.source(random, beCase, 'intelligence', ctx.instant());
  const networkId = book.entity('Gang', networkSource, { label: `Mensenhandelnetwerk ${ctx.unit + 1}`, name: `Mensenhandelnetwerk ${ctx.unit + 1}`, kind: 'trafficking-network' });

  const van = world.vehicle(random, random.pick(['NL', 'BE'] as const), random.pick(VANS));
  const organisers: RegisteredPerson[] = [];
  for (let i = 0; i < 4; i++) {
    const country = i % 2 === 0 ? 'BE' : 'NL';
    const real = world.person(random, { residence: country, origin: random.weighted([['migrant', 3], [country === 'NL' ? 'dutch' : 'flemish', 1]] as const), bornFrom: 1970, bornUntil: 1998, gender: random.chance(0.7) ? 'M' : 'F' });
    const kase = country === 'BE' ? beCase : nlCase;
    const organiser = ctx.registerPerson(kase, real, {
      phones: [world.phone(random, country)],
      vehicles: i === 0 ? [{ vehicle: van }] : [],
    });
    book.relate('MEMBER_OF', organiser.personId, networkId, networkSource, { role: i === 0 ? 'leader' : random.pick(['recruiter', 'driver', 'manager']) });
    organisers.push(organiser);
    // Each organiser also turns up in the other country's case.
    if (random.chance(0.35)) ctx.recordAbroad(country === 'BE' ? nlCase : beCase, real, { phone: organiser.phones[0], kind: 'intelligence' });
  }
  ctx.criminals.push(...organisers);
  for (let i = 1; i < organisers.length; i++) {
    ctx.calls(organisers[i].source.caseId === beCase.id ? beCase : nlCase, organisers[0].phoneIds[0], organisers[i].phoneIds[0], { from: '2023-01-01T00:00:00Z', until: '2024-12-31T00:00:00Z' }, random.int(10, 250));
  }

  // Victims are registered where they were found; they carry no national identifier.
  for (const [index, townName] of random.sample(['Antwerpen', 'Gent', 'Brussel', 'Rotterdam', 'Breda', 'Den Haag'], 3).entries()) {
    const town = townNamed(townName);
    const kase = town.country === 'BE' ? beCase : nlCase;
    const victim = world.person(random, { residence: town.country, origin: 'migrant', town, bornFrom: 1996, bornUntil: 2006, gender: 'F', undocumentedFrom: random.pick(TRAFFICKING_VICTIM_ORIGINS) });
    victim.givenSpellings = [random.pick(['Elena', 'Ioana', 'Maria', 'Blessing', 'Joy', 'Linh', 'Olena', 'Ana'])];
    const registered = ctx.registerPerson(kase, victim, {});
    const statement = book.source(random, kase, 'statement', ctx.instant());
    const at = ctx.instant();
    const incidentId = book.entity('Incident', statement, {
      label: `Mensenhandel ${town.city} (${index + 1})`,
      kind: 'trafficking',
      at,
      description: `Slachtoffer van seksuele uitbuiting aangetroffen op een adres in ${town.city}.`,
    });
    book.relate('PART_OF', incidentId, kase.id, statement, {});
    book.relate('OCCURRED_AT', incidentId, ctx.addresses.locationFor(registered.source, victim.residence), statement, { at });
    book.relate('INVOLVED_IN', registered.personId, incidentId, statement, { role: 'victim' });
    const organiser = random.pick(organisers.filter((o) => o.source.caseId === kase.id));
    book.relate('INVOLVED_IN', organiser.personId, incidentId, statement, { role: 'suspect' });
  }

  // The van, stopped at a border crossing with passengers; recorded by the stopping country.
  const crossing = random.pick(BORDER_CROSSINGS);
  const stopCountry = random.pick(['NL', 'BE'] as const);
  const kase = stopCountry === 'BE' ? beCase : nlCase;
  const control = book.source(random, kase, 'statement', ctx.instant());
  const at = ctx.instant();
  const vanRecord = recordVehicle(book, random, control, van, {});
  const incidentId = book.entity('Incident', control, {
    label: `Controle bestelwagen ${crossing.name}`,
    kind: 'trafficking',
    at,
    description: `Bestelwagen met vijf passagiers zonder papieren gecontroleerd bij ${crossing.name}.`,
  });
  book.relate('PART_OF', incidentId, kase.id, control, {});
  book.relate('OCCURRED_AT', incidentId, ctx.refs.crossings[crossing.key], control, { at });
  book.relate('INVOLVED_IN', vanRecord, incidentId, control, { role: 'transport' });
}
