// `npx tsx resolution/bench.ts [--persons N] [--out FILE]`: entity-resolution speed on generated demo records
// (default about 100,000 person records), printed as JSON. The baseline is what blocking avoids: the number of
// comparisons all-pairs matching would need, and the measured cost per comparison extrapolated to it.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemo } from '../demo-data/generate';
import { candidatePairs } from './blocking';
import { recordsFromDemo } from './from-demo';
import { profileOf } from './profiles';
import { resolveRecords } from './resolve';

const PERSONS_PER_SCALE_UNIT = 357; // measured on the generator at scale 1

const { values } = parseArgs({ args: process.argv.slice(2), options: { persons: { type: 'string' }, out: { type: 'string' } } });
const wanted = Number(values.persons ?? 100_000);
const scale = Math.max(1, Math.ceil(wanted / PERSONS_PER_SCALE_UNIT));

let started = performance.now();
const data = generateDemo({ scale });
const records = recordsFromDemo(data);
const generateMs = performance.now() - started;
const persons = records.filter((r) => r.type === 'Person');

started = performance.now();
const personProfiles = persons.map(profileOf);
const blocking = candidatePairs(personProfiles);
const blockingMs = performance.now() - started;

started = performance.now();
const result = resolveRecords(records);
const resolveMs = performance.now() - started;

const compared = Object.values(result.stats).reduce((sum, s) => sum + s.candidatePairs, 0);
const allPairs = (persons.length * (persons.length - 1)) / 2;
const msPerComparison = resolveMs / Math.max(1, compared);
const report = {
  benchmark: 'entity-resolution',
  scale,
  records: records.length,
  personRecords: persons.length,
  generateMs: Math.round(generateMs),
  personBlockingMs: Math.round(blockingMs),
  personCandidatePairs: blocking.stats.candidatePairs,
  oversizedBlocksSkipped: blocking.stats.oversizedBlocks,
  resolveAllTypesMs: Math.round(resolveMs),
  comparedPairsAllTypes: compared,
  proposedMatches: result.pairs.length,
  baseline: {
    description: 'all-pairs person comparison without blocking, extrapolated from the measured cost per comparison',
    personPairs: allPairs,
    estimatedMs: Math.round(allPairs * msPerComparison),
  },
  speedupOverAllPairs: Math.round((allPairs * msPerComparison) / Math.max(1, resolveMs)),
};
const json = JSON.stringify(report, null, 2);
if (values.out) fs.writeFileSync(values.out, `${json}\n`);
console.log(json);
