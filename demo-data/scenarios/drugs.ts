// A drugs cell with two lines of business: cocaine pulled out of containers in the port of Antwerp
// (investigated in Belgium, with Dutch buyers also investigated in the Netherlands) and cannabis grown on
// plantations in Belgian and Dutch Limburg by a Dutch organiser.
import { BE_AGENCIES, NL_AGENCIES } from '../reference-organisations';
import { PLANTATION_TOWNS, townNamed } from '../reference-places';
import { ORDINARY_CARS, VANS } from '../reference-vehicles';
import type { RegisteredPerson, ScenarioContext } from '../scenario-context';

export function drugsCell(ctx: ScenarioContext): void {
  cocaineThroughAntwerp(ctx);
  cannabisFromLimburg(ctx);
}

function cocaineThroughAntwerp(ctx: ScenarioContext): void {
  const { random, book, world } = ctx;
  const beCase = ctx.openCase('BE', BE_AGENCIES.fgpAntwerpen, 'Cocaïne-invoer haven Antwerpen', 'Parket Antwerpen');
  const nlCase = ctx.openCase('NL', random.pick([NL_AGENCIES.rotterdam, NL_AGENCIES.zeelandWestBrabant]), 'Afnemers cocaïne uit Antwerpen');

  const cellSource = book.source(random, beCase, 'intelligence', ctx.instant());
  const cellId = book.entity('Gang', cellSource, { label: `Cocaïnecel Antwerpen ${ctx.unit + 1}`, name: `Cocaïnecel Antwerpen ${ctx.unit + 1}`, kind: 'drugs-cell' });
  const antwerp = townNamed('Antwerpen');

  const members: RegisteredPerson[] = [];
  const burners: string[] = [];
  const roles = ['leader', 'logistics', 'dock-worker', 'dock-worker', 'dock-worker', 'extractor', 'extractor', 'courier'];
  for (const role of roles) {
    const real = world.person(random, { residence: 'BE', origin: random.weighted([['migrant', 5], ['flemish', 3]] as const), town: random.chance(0.7) ? antwerp : undefined, bornFrom: 1975, bornUntil: 2004, gender: 'M' });
    if (random.chance(0.4)) real.nickname = world.nickname(random);
    const burner = world.phone(random, 'BE', 'burner');
    const member = ctx.registerPerson(beCase, real, { phones: [world.phone(random, 'BE'), burner], withAlias: true, withHandset: random.chance(0.3) });
    book.relate('MEMBER_OF', member.personId, cellId, cellSource, { role, from: ctx.instant('2021-01-01T00:00:00Z', '2023-01-01T00:00:00Z') });
    members.push(member);
    burners.push(member.phoneIds[1]);
  }

  // Dutch buyers: investigated at home, and known to the Belgian case from intercepted calls.
  const buyers: RegisteredPerson[] = [];
  for (let i = 0; i < 3; i++) {
    const real = world.person(random, { residence: 'NL', origin: random.weighted([['migrant', 1], ['dutch', 1]] as const), bornFrom: 1970, bornUntil: 2000, gender: 'M' });
    const burner = world.phone(random, random.pick(['NL', 'BE'] as const), 'burner');
    const buyer = ctx.registerPerson(nlCase, real, { phones: [burner], vehicles: [{ vehicle: world.vehicle(random, 'NL', random.pick(ORDINARY_CARS)) }] });
    buyers.push(buyer);
    if (random.chance(0.7)) {
      const abroad = ctx.recordAbroad(beCase, real, { phone: burner, kind: 'intelligence' });
      ctx.calls(beCase, burners[0], abroad.phoneId!, { from: '2023-03-01T00:00:00Z', until: '2024-09-30T00:00:00Z' }, random.int(5, 80));
    }
  }
  ctx.criminals.push(...members, ...buyers);

  // The cell's burners call each other; the leader's most.
  for (let i = 0; i < burners.length; i++) {
    for (let j = 0; j < burners.length; j++) {
      if (i === j || !(i === 0 || random.chance(0.25))) continue;
      ctx.calls(beCase, burners[i], burners[j], { from: '2023-03-01T00:00:00Z', until: '2024-09-30T00:00:00Z' }, random.int(i === 0 ? 20 : 2, i === 0 ? 300 : 60));
    }
  }
  for (let i = 1; i < buyers.length; i++) ctx.calls(nlCase, buyers[0].phoneIds[0], buyers[i].phoneIds[0], { from: '2023-03-01T00:00:00Z', until: '2024-09-30T00:00:00Z' }, random.int(3, 90));

  // Seizures in the port.
  for (let s = 0; s < random.int(1, 3); s++) {
    const port = random.pick(ctx.refs.ports.filter((p) => p.port.city === 'Antwerpen'));
    const seizureSource = book.source(random, beCase, 'statement', ctx.instant());
    const at = ctx.instant('2023-06-01T00:00:00Z', '2024-12-31T00:00:00Z');
    const kilos = random.int(2, 90) * 25;
    const incidentId = book.entity('Incident', seizureSource, {
      label: `Inbeslagname ${kilos} kg cocaïne`,
      kind: 'drug-seizure',
      at,
      description: `${kilos} kg cocaïne aangetroffen in een container met bananen uit Guayaquil (${port.port.name}).`,
    });
    book.relate('PART_OF', incidentId, beCase.id, seizureSource, {});
    book.relate('OCCURRED_AT', incidentId, port.id, seizureSource, { at });
    for (const member of random.sample(members.slice(2), 2)) book.relate('INVOLVED_IN', member.personId, incidentId, seizureSource, { role: 'suspect' });
  }
}

function cannabisFromLimburg(ctx: ScenarioContext): void {
  const { random, book, world } = ctx;
  const beCase = ctx.openCase('BE', random.pick([BE_AGENCIES.pzLanakenMaasmechelen, BE_AGENCIES.pzCarma]), 'Cannabisplantages Limburg', 'Parket Limburg');
  const nlCase = ctx.openCase('NL', NL_AGENCIES.limburg, 'Hennepteelt Limburg');

  const organiser = world.person(random, { residence: 'NL', origin: 'dutch', town: townNamed(random.pick(['Venlo', 'Roermond', 'Sittard', 'Maastricht'])), bornFrom: 1965, bornUntil: 1990, gender: 'M' });
  organiser.nickname = world.nickname(random);
  const organiserPhone = world.phone(random, 'NL');
  const boss = ctx.registerPerson(nlCase, organiser, { phones: [organiserPhone], vehicles: [{ vehicle: world.vehicle(random, 'NL', random.pick(VANS)) }], withAlias: true });
  const bossInBelgium = ctx.recordAbroad(beCase, organiser, { phone: organiserPhone, kind: 'intelligence' });
  ctx.criminals.push(boss);

  const cellSource = book.source(random, nlCase, 'intelligence', ctx.instant());
  const cellId = book.entity('Gang', cellSource, { label: `Hennepnetwerk ${organiser.familySpellings[0]}`, name: `Hennepnetwerk ${organiser.familySpellings[0]}`, kind: 'drugs-cell' });
  book.relate('MEMBER_OF', boss.personId, cellId, cellSource, { role: 'leader', from: ctx.instant('2020-01-01T00:00:00Z', '2022-12-31T00:00:00Z') });

  for (const townName of random.sample(PLANTATION_TOWNS, random.int(2, 4))) {
    const town = townNamed(townName);
    const kase = town.country === 'NL' ? nlCase : beCase;
    const grower = world.person(random, { residence: town.country, origin: town.country === 'NL' ? 'dutch' : 'flemish', town, bornFrom: 1960, bornUntil: 2000 });
    const registered = ctx.registerPerson(kase, grower, { phones: [world.phone(random, town.country)] });
    ctx.criminals.push(registered);
    const raid = book.source(random, kase, 'statement', ctx.instant());
    const street = `${(town.country === 'NL' ? random.nl : random.be).location.street()} ${random.int(1, 200)}`;
    const plantationId = book.entity(
      'Location',
      raid,
      { label: `Plantage ${street}, ${town.city}`, name: `Plantage ${street}`, kind: 'plantation', street, postcode: town.postcode, city: town.city, lat: town.lat, lon: town.lon },
      town.country,
    );
    const at = ctx.instant('2023-03-01T00:00:00Z', '2024-12-31T00:00:00Z');
    const plants = random.int(3, 30) * 50;
    const incidentId = book.entity('Incident', raid, {
      label: `Ontmanteling cannabisplantage ${town.city}`,
      kind: 'drug-seizure',
      at,
      description: `Cannabisplantage met ${plants} planten ontmanteld in ${town.city}.`,
    });
    book.relate('PART_OF', incidentId, kase.id, raid, {});
    book.relate('OCCURRED_AT', incidentId, plantationId, raid, { at });
    book.relate('INVOLVED_IN', registered.personId, incidentId, raid, { role: 'grower' });
    book.relate('MEMBER_OF', registered.personId, cellId, cellSource, { role: 'grower' });
    const bossRecord = kase === nlCase ? boss.personId : bossInBelgium.personId;
    book.relate('INVOLVED_IN', bossRecord, incidentId, raid, { role: 'organiser' });
    const growerPhone = registered.phoneIds[0];
    const bossPhone = kase === nlCase ? boss.phoneIds[0] : bossInBelgium.phoneId!;
    ctx.calls(kase, bossPhone, growerPhone, { from: '2023-01-01T00:00:00Z', until: at }, random.int(4, 120));
  }
}
