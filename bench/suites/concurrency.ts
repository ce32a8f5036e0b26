// Many analysts at once. (1) Audited read throughput with 1, 8 and 32 concurrent clients against the same
// reads without the audit entry (aim: ≥ 0.7× at 32): the audit log group-commits the entries of reads that
// arrive together into its local journal (one flush for all of them) and ships them to Neo4j in batches, so
// concurrent readers share one flush and one write transaction on the chain's head instead of queueing. (2) Search p95 with 20 concurrent clients against one client (aim: ≤ 3×).
import type { Driver } from 'neo4j-driver';
import { requestSchemas } from '../../contract/api';
import type { Workbench } from '../../backend/workbench';
import { getEntityDetails } from '../../graph-queries/entity';
import { searchEntities } from '../../graph-queries/search';
import { interpretQuery } from '../../identifiers';
import type { BenchmarkResult } from '../report';
import { round, summarise } from '../stats';
import type { SuiteContext } from './context';
import { entityIds, searchTerms } from './queries';

type Read = (i: number) => Promise<unknown>;

/** Runs `total` calls of `read` spread over `clients` concurrent loops; returns each call's ms and the wall time. */
async function runClients(clients: number, total: number, read: Read): Promise<{ latencies: number[]; seconds: number }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const begun = performance.now();
        await read(i);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export async function concurrencyBenchmarks(ctx: SuiteContext, workbench: Workbench, driver: Driver, entityCount: number): Promise<BenchmarkResult[]> {
  const terms = await searchTerms(driver, 40);
  const ids = await entityIds(driver, 200);
  const db = { driver };
  const searchRequest = (i: number) => requestSchemas.search.parse({ query: terms[i % terms.length], limit: 25 });
  // A consultation mix: every other read a search, the others an entity's details.
  const audited: Read = (i) => (i % 2 === 0 ? workbench.handlers.search(searchRequest(i)) : workbench.handlers.getEntity({ id: ids[i % ids.length] }));
  const bare: Read = (i) => {
    if (i % 2 === 1) return getEntityDetails(db, ids[i % ids.length]);
    const request = searchRequest(i);
    return searchEntities(db, { ...request, interpretations: interpretQuery(request.query).map(({ kind, value }) => ({ kind, value })) });
  };

  const results: BenchmarkResult[] = [];
  const rounds = ctx.quick ? 1 : 3;
  for (const clients of [1, 8, 32]) {
    const total = ctx.quick ? Math.max(40, clients * 3) : Math.max(300, clients * 20);
    await runClients(clients, Math.min(total, clients * 2), audited);
    await runClients(clients, Math.min(total, clients * 2), bare);
    // Interleaved rounds, so other load on the machine hits both sides alike.
    const sums = { audited: { reads: 0, seconds: 0 }, bare: { reads: 0, seconds: 0 } };
    for (let r = 0; r < rounds; r++) {
      for (const side of r % 2 === 0 ? (['bare', 'audited'] as const) : (['audited', 'bare'] as const)) {
        const { seconds } = await runClients(clients, total, side === 'audited' ? audited : bare);
        sums[side].reads += total;
        sums[side].seconds += seconds;
      }
    }
    const auditedRate = round(sums.audited.reads / sums.audited.seconds, 1);
    const bareRate = round(sums.bare.reads / sums.bare.seconds, 1);
    results.push({
      name: `audited reads: ${clients} concurrent client${clients === 1 ? '' : 's'}`,
      group: 'concurrency',
      parameters: { entities: entityCount, clients, readsPerRound: total, rounds, mix: 'search and getEntity alternately' },
      unit: 'reads/s',
      warmup: Math.min(total, clients * 2),
      repetitions: rounds,
      schakel: { description: 'workbench handlers: each answer after its sealed audit entry is flushed to the local audit journal (entries of concurrent reads group-committed), shipped to Neo4j in batches in the background', throughput: auditedRate },
      baseline: { description: 'the same graph-queries reads (searchEntities, getEntityDetails) without identity or audit', throughput: bareRate },
      ratio: round(auditedRate / bareRate, 3),
      ratioMeaning: 'audited reads/s ÷ unaudited reads/s (higher is better; 1.0 = audit costs nothing)',
      aim: clients === 32 ? '≥ 0.7' : undefined,
    });
  }

  const perClient = ctx.quick ? 5 : 20;
  const search: Read = (i) => workbench.handlers.search(searchRequest(i));
  await runClients(1, 5, search);
  const single = await runClients(1, perClient * 4, search);
  const crowd = await runClients(20, perClient * 20, search);
  const alone = summarise(single.latencies);
  const busy = summarise(crowd.latencies);
  // The same with the unaudited search: how much of the growth the machine itself causes (2 cores busy
  // with 20 searches queue on CPU whatever the audit does).
  const bareSearch: Read = (i) => bare(i - (i % 2));
  const bareAlone = summarise((await runClients(1, perClient * 4, bareSearch)).latencies);
  const bareBusy = summarise((await runClients(20, perClient * 20, bareSearch)).latencies);
  results.push({
    name: 'search p95: 20 concurrent clients vs 1',
    group: 'concurrency',
    parameters: { entities: entityCount, clients: 20, searchesPerClient: perClient },
    unit: 'ms',
    warmup: 5,
    repetitions: perClient * 20,
    schakel: {
      description: 'handlers.search (audited) with 20 clients searching at once',
      latency: busy,
      details: { unauditedP95With1Client: bareAlone.p95, unauditedP95With20Clients: bareBusy.p95, unauditedRatio: round(bareBusy.p95 / bareAlone.p95, 3) },
    },
    baseline: { description: 'handlers.search (audited) with one client', latency: alone },
    ratio: round(busy.p95 / alone.p95, 3),
    ratioMeaning: 'p95 with 20 clients ÷ p95 with 1 client (lower is better)',
    aim: '≤ 3',
  });
  return results;
}
