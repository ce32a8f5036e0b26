// Entity resolution over the demo persons: Schakel's resolver (blocking, fuzzy name/date/identifier and
// graph-context comparison) against the plain exact-key deduplication a database query would do (same
// normalised name and date of birth), timed on the same records and scored against the generator's
// ground truth (pairwise precision and recall).
import { generateDemo } from '../../demo-data/generate';
import { evaluatePairs, type TruthEntity } from '../../resolution/evaluate';
import { recordsFromDemo } from '../../resolution/from-demo';
import type { PersonRecord, ScoredPair } from '../../resolution/records';
import { resolveRecords } from '../../resolution/resolve';
import type { BenchmarkResult, Figure } from '../report';
import { round } from '../stats';
import type { SuiteContext } from './context';

const TARGET_PERSONS_FULL = 100_000;

function foldName(text: string | undefined): string {
  return (text ?? '').normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** Exact-key deduplication: records with the same folded full name and date of birth are one person. */
function exactKeyPairs(persons: readonly PersonRecord[]): ScoredPair[] {
  const groups = new Map<string, string[]>();
  for (const person of persons) {
    const name = foldName(person.fullName ?? `${person.givenName ?? ''}${person.familyName ?? ''}`);
    if (!name || !person.dateOfBirth) continue;
    const key = `${name}|${person.dateOfBirth}`;
    const group = groups.get(key);
    if (group) group.push(person.id);
    else groups.set(key, [person.id]);
  }
  const pairs: ScoredPair[] = [];
  for (const ids of groups.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [leftId, rightId] = ids[i] < ids[j] ? [ids[i], ids[j]] : [ids[j], ids[i]];
        pairs.push({ type: 'Person', leftId, rightId, score: 1, evidence: [] });
      }
    }
  }
  return pairs;
}

export async function resolutionBenchmark(ctx: SuiteContext): Promise<BenchmarkResult> {
  // Persons per scale unit, measured on scale 1, decides the scale that yields about 100,000 persons.
  const probe = generateDemo({ scale: 1 });
  const personsPerScale = probe.entities.filter((node) => node.type === 'Person').length;
  const scale = ctx.quick ? 1 : Math.max(1, Math.ceil(TARGET_PERSONS_FULL / Math.max(1, personsPerScale)));
  ctx.log(`  Generating demo records at scale ${scale} for entity resolution…`);
  const data = scale === 1 ? probe : generateDemo({ scale });
  const persons = recordsFromDemo(data).filter((record): record is PersonRecord => record.type === 'Person');
  const truth: TruthEntity[] = data.groundTruth.entities.filter((entity) => entity.type === 'Person');

  const repetitions = ctx.quick ? 2 : 1;
  const schakelMs: number[] = [];
  const baselineMs: number[] = [];
  let proposed: ScoredPair[] = [];
  let exact: ScoredPair[] = [];
  for (let i = 0; i < repetitions; i++) {
    let started = performance.now();
    proposed = resolveRecords(persons, { types: ['Person'] }).pairs;
    schakelMs.push(performance.now() - started);
    started = performance.now();
    exact = exactKeyPairs(persons);
    baselineMs.push(performance.now() - started);
  }
  const quality = (pairs: ScoredPair[]) => {
    const { overall } = evaluatePairs(pairs, truth, ['Person']);
    return { precision: round(overall.precision, 4), recall: round(overall.recall, 4), proposedPairs: overall.proposedPairs, truePairs: overall.truePairs };
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] / 1000;
  const schakel: Figure = {
    description: 'resolveRecords (Person): blocking, fuzzy names, dates, identifiers, shared phones/cars/addresses',
    value: round(median(schakelMs), 2),
    details: { quality: quality(proposed), runsSeconds: schakelMs.map((ms) => round(ms / 1000, 2)) },
  };
  const baseline: Figure = {
    description: 'exact-key deduplication: same folded full name and date of birth',
    value: round(median(baselineMs), 3),
    details: { quality: quality(exact), runsSeconds: baselineMs.map((ms) => round(ms / 1000, 3)) },
  };
  return {
    name: `entity resolution: ${persons.length.toLocaleString('en')} persons`,
    group: 'entity-resolution',
    parameters: { persons: persons.length, demoScale: scale, threshold: 'default' },
    unit: 's',
    warmup: 0,
    repetitions,
    schakel,
    baseline,
    ratio: schakel.value && baseline.value ? round(schakel.value / baseline.value, 1) : undefined,
    ratioMeaning: 'Schakel seconds / exact-key seconds: what the fuzzy matching costs; read it with precision/recall in details.quality',
  };
}
