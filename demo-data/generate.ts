// generateDemo: the deterministic Belgian–Dutch demo data set. Pure: no clock, no I/O, no database.
// Scale 1 is one "unit" of about 2,000 nodes: an OMCG with a Dutch and a Belgian chapter, a drugs cell
// (Antwerp cocaine, Limburg cannabis), an ATM gas-attack crew, a trafficking route and the ordinary people
// around them. Scale N is N such units, each from its own random stream.
import type { DemoData, GroundTruth } from './demo-records';
import { RecordBook } from './record-book';
import { DemoRandom } from './random';
import { RealWorld } from './real-world';
import { recordReferenceLocations } from './reference-locations';
import { ScenarioContext } from './scenario-context';
import { atmCrew } from './scenarios/atm-crew';
import { backgroundPopulation } from './scenarios/background';
import { drugsCell } from './scenarios/drugs';
import { hardMatches, HARD_MATCH_SERIES } from './scenarios/hard-matches';
import { motorcycleGangs } from './scenarios/omcg';
import { traffickingRoute } from './scenarios/trafficking';

export const DEFAULT_DEMO_SEED = 20240611;
export const MAX_DEMO_SCALE = 1000;
/** Stream number reserved for the shared reference data (no unit uses it). */
const REFERENCE_STREAM = 999_999;
/** Streams of the entity-resolution traps: one per unit, apart from the unit's own stream. */
const HARD_MATCH_STREAMS = 500_000;

export interface GenerateOptions {
  scale: number;
  seed?: number;
}

export function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE) {
    throw new RangeError(`Scale must be a whole number from 1 to ${MAX_DEMO_SCALE}, not ${scale}.`);
  }
}

export function generateDemo({ scale, seed = DEFAULT_DEMO_SEED }: GenerateOptions): DemoData {
  checkScale(scale);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Seed must be a whole number, not ${seed}.`);
  const book = new RecordBook();
  const world = new RealWorld();
  const refs = recordReferenceLocations(book, new DemoRandom(seed, REFERENCE_STREAM));
  const trapWorld = new RealWorld(HARD_MATCH_SERIES);
  for (let unit = 0; unit < scale; unit++) {
    const ctx = new ScenarioContext(unit, new DemoRandom(seed, unit), book, world, refs);
    motorcycleGangs(ctx);
    drugsCell(ctx);
    atmCrew(ctx);
    traffickingRoute(ctx);
    backgroundPopulation(ctx);
    hardMatches(new ScenarioContext(unit, new DemoRandom(seed, HARD_MATCH_STREAMS + unit), book, trapWorld, refs));
  }
  return book.build(seed, scale);
}

/** The ground truth alone (for entity-resolution scoring), generated exactly as generateDemo does. */
export function demoGroundTruth(opts: GenerateOptions): GroundTruth {
  return generateDemo(opts).groundTruth;
}
