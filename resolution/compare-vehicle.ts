// Compares two vehicle records. A VIN decides; a plate is strong evidence, a Dutch plate more than a Belgian
// one (a Belgian plate belongs to the holder and moves to their next car); make, model and colour that
// disagree expose a cloned plate; two records passing nearby cameras minutes apart are one car on one trip.
import { evidence } from './evidence';
import type { Evidence, Sighting } from './records';
import type { VehicleProfile } from './profiles';
import { WEIGHTS } from './weights';

const W = WEIGHTS.vehicle;
/** Sightings this close in time and space are one journey (border cameras sit a few kilometres apart). */
const TOGETHER_MINUTES = 180;
const TOGETHER_KM = 30;

function attribute(field: string, a: string | undefined, b: string | undefined, same: number, different: number, out: Evidence[]): void {
  if (!a || !b) return;
  if (a === b) out.push(evidence(field, 'exact', same, 'attribute.same', { value: a }, `${a} on both records`));
  else out.push(evidence(field, 'different', different, 'attribute.different', { left: a, right: b }, `${a} ≠ ${b}`));
}

function kilometres(a: Sighting, b: Sighting): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function sightedTogether(a: Sighting[] | undefined, b: Sighting[] | undefined): [Sighting, Sighting] | undefined {
  if (!a?.length || !b?.length) return undefined;
  for (const x of a) {
    const tx = Date.parse(x.at);
    for (const y of b) {
      if (Math.abs(Date.parse(y.at) - tx) <= TOGETHER_MINUTES * 60_000 && kilometres(x, y) <= TOGETHER_KM) return [x, y];
    }
  }
  return undefined;
}

/** What both records say about make and colour agrees, and they say at least one of them. */
function looksAlike(a: VehicleProfile, b: VehicleProfile): boolean {
  const make = a.make && b.make ? a.make === b.make : undefined;
  const colour = a.colour && b.colour ? a.colour === b.colour : undefined;
  return make !== false && colour !== false && (make === true || colour === true);
}

export function compareVehicles(a: VehicleProfile, b: VehicleProfile): Evidence[] {
  const out: Evidence[] = [];
  if (a.vin && b.vin) {
    out.push(
      a.vin === b.vin
        ? evidence('vin', 'exact', W.vinSame, 'vin.same', { vin: a.vin }, `VIN ${a.vin} on both records`)
        : evidence('vin', 'different', W.vinDifferent, 'vin.different', { left: a.vin, right: b.vin }, `VIN ${a.vin} ≠ ${b.vin}`),
    );
  }
  if (a.plate && b.plate && a.plate === b.plate) {
    // Dutch when a record says so and the other does not say otherwise (symmetric in a and b).
    const countries = [a.plateCountry, b.plateCountry];
    const dutch = countries.includes('NL') && countries.every((c) => c === undefined || c === 'NL');
    const plate = a.plate;
    out.push(
      dutch
        ? evidence('plate', 'exact', W.dutchPlateSame, 'plate.sameDutch', { plate }, `plate ${plate} on both records (a Dutch plate stays with its car)`)
        : evidence('plate', 'exact', W.otherPlateSame, 'plate.sameOther', { plate }, `plate ${plate} on both records (a Belgian plate can move to another car)`),
    );
    const sighting = a.clonedPlateSuspect && b.vin ? a : b.clonedPlateSuspect && a.vin ? b : undefined;
    if (sighting) {
      out.push(evidence('plate', 'cloned-plate', W.clonedPlateRegister, 'plate.cloned', { plate }, `plate ${plate} has been seen on a car that does not match its registration: probably cloned`));
    }
    if (a.record.caseId && a.record.caseId === b.record.caseId) {
      out.push(evidence('case', 'same', W.sameInvestigation, 'plate.sameInvestigation', { caseId: a.record.caseId }, `same plate within one investigation (${a.record.caseId})`));
    }
  }
  const [suspect, stolen] = a.clonedPlateSuspect && b.stolen ? [a, b] : b.clonedPlateSuspect && a.stolen ? [b, a] : [];
  if (suspect && stolen && suspect.record.caseId === stolen.record.caseId && looksAlike(suspect, stolen)) {
    // What the stolen car is, in the records' own words: looksAlike() guarantees a make or a colour.
    const vehicle = [stolen.make, stolen.colour].filter(Boolean).join(' ');
    out.push(
      evidence(
        'plate',
        'cloned-plate-lookalike',
        W.clonedPlateLookalike,
        'plate.clonedLookalike',
        { plate: suspect.plate ?? '', vehicle },
        `plate ${suspect.plate} is registered to a car that looks different; this stolen ${stolen.make ?? ''} ${stolen.colour ?? ''} in the same investigation matches what was seen`.replace(/\s+/g, ' '),
      ),
    );
  }
  attribute('make', a.make, b.make, W.makeSame, W.makeDifferent, out);
  attribute('model', a.model, b.model, W.modelSame, W.modelDifferent, out);
  attribute('colour', a.colour, b.colour, W.colourSame, W.colourDifferent, out);
  const together = sightedTogether(a.record.sightings, b.record.sightings);
  if (together) {
    const minutes = Math.round(Math.abs(Date.parse(together[1].at) - Date.parse(together[0].at)) / 60_000);
    const [leftAt, rightAt] = [together[0].at, together[1].at];
    out.push(evidence('sightings', 'together', W.sightedTogether, 'sightings.together', { minutes, leftAt, rightAt }, `seen by nearby cameras ${minutes} min apart (${leftAt}, ${rightAt})`));
  }
  return out;
}
