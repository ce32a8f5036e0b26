// `npm run er:eval -- [--scale N]... [--threshold T]`: entity-resolution precision and recall on the demo data
// in Neo4j (NEO4J_URI, else the managed local Neo4j), per scale, overall and per type. Seeds the demo data when
// the database holds a smaller scale. Failures print one message and a hint, never a stack trace.
import { parseArgs } from 'node:util';
import { createDriver } from '../graph-queries/driver';
import { LocalNeo4jError, resolveDataDir, startLocalNeo4j } from '../local-neo4j/manager';
import { evaluateDemo, type DemoEvaluation } from './eval-demo';
import type { QualityFigures } from './evaluate';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

const USAGE = 'Usage: npm run er:eval -- [--scale N] [--scale M] [--threshold T] [--show-errors]';

function line(name: string, f: QualityFigures): string {
  return `  ${name.padEnd(8)} precision ${f.precision.toFixed(3)}  recall ${f.recall.toFixed(3)}   (${f.correctPairs} of ${f.proposedPairs} proposed pairs right; ${f.truePairs} true pairs)`;
}

function report(e: DemoEvaluation, showErrors: boolean): string {
  const rows = [
    `Scale ${e.scale}: ${e.records.toLocaleString('en')} Person/Vehicle/Phone records, ${e.comparedPairs.toLocaleString('en')} pairs compared after blocking, resolved in ${e.resolveMs} ms (threshold ${e.threshold})`,
    line('overall', e.overall),
    ...Object.entries(e.byType).map(([type, f]) => line(type, f!)),
    '  without phone evidence (every person\'s phones removed):',
    line('overall', e.withoutPhones.overall),
    ...Object.entries(e.withoutPhones.byType).map(([type, f]) => line(type, f!)),
  ];
  if (showErrors) {
    for (const fp of e.falsePositives.slice(0, 20)) rows.push(`  wrong:  ${fp.leftId} ~ ${fp.rightId} (${fp.score}: ${fp.evidence.map((x) => `${x.field} ${x.comparison}`).join(', ')})`);
    for (const m of e.missed.slice(0, 20)) rows.push(`  missed: ${m.leftId} ~ ${m.rightId}`);
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { scale: { type: 'string', multiple: true }, threshold: { type: 'string' }, 'show-errors': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scales = (values.scale ?? ['1']).map(Number);
  if (scales.some((s) => !Number.isInteger(s) || s < 1 || s > 1000)) throw new RangeError(`--scale takes whole numbers from 1 to 1000. ${USAGE}`);
  const threshold = values.threshold === undefined ? DEFAULT_MATCH_THRESHOLD : Number(values.threshold);
  if (!Number.isFinite(threshold)) throw new RangeError(`--threshold takes a number. ${USAGE}`);

  const uri = process.env.NEO4J_URI ?? (await startLocalNeo4j({ dataDir: resolveDataDir(), onProgress: (l) => console.error(l) })).boltUri!;
  const driver = createDriver({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
  try {
    console.error(`Entity-resolution quality on the demo data in ${uri}`);
    // Smallest first: seeding a larger scale afterwards only adds to it.
    for (const scale of [...scales].sort((a, b) => a - b)) {
      const evaluation = await evaluateDemo(driver, { scale, threshold, onProgress: (l) => console.error(l) });
      console.log(report(evaluation, values['show-errors'] === true));
    }
  } finally {
    await driver.close();
  }
}

function describeFailure(error: unknown): { message: string; hint: string } {
  if (error instanceof LocalNeo4jError) return { message: error.message, hint: error.hint ?? 'Run "npm run db:status".' };
  if (error instanceof RangeError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) return { message: (error as Error).message, hint: USAGE };
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return { message: `Cannot reach Neo4j at ${process.env.NEO4J_URI ?? 'the local Neo4j'}.`, hint: 'Check NEO4J_URI, or "npm run db:status" for the local one.' };
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { message: `The evaluation failed: ${message}`, hint: 'Run again; if it keeps failing, check the Neo4j log (npm run db:status shows where).' };
}

try {
  await main();
} catch (error) {
  const { message, hint } = describeFailure(error);
  console.error(`Error: ${message}\nHint: ${hint}`);
  process.exitCode = 1;
}
