// Schakel's chart centralities on the real CAVIAR phases, checked against networkx within 1e-6.
// The phase graphs are read from Neo4j the way the workbench does it (expand the case, its wiretap sources,
// then the lines' CALLED links, through the backend's `expand` operation) and fed to the renderer's own
// analysis module; networkx gets the undirected edge list straight from the CSV files. Agreement therefore
// checks the import, the expand pipeline and the measures' definitions at once.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../contract/model';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { CAVIAR_CASE_ID, loadCaviar, readCaviarPhases, type CaviarPhase } from '../../demo-data/caviar';
import type { AnalysisInput } from '../../renderer/src/analysis/analysis-graph';
import { CENTRALITY_MEASURES, centrality, type CentralityMeasure } from '../../renderer/src/analysis/centrality';
import { DEFAULT_NETWORK_OPTIONS, measuredNetwork } from '../../renderer/src/analysis/network-view';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

const REFERENCE_SCRIPT = path.resolve(import.meta.dirname, '..', 'reference', 'centrality_networkx.py');
const TOLERANCE = 1e-6;

let workbench: Workbench;
const phases = readCaviarPhases();

beforeAll(async () => {
  const driver = createTestDriver();
  try {
    await loadCaviar(driver);
  } finally {
    await driver.close();
  }
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined });
  await workbench.start();
});

afterAll(async () => {
  await workbench?.shutdown();
});

/** What an analyst's chart holds after expanding the case, then its sources, then every line's calls (and, with `users`, every player's lines). */
async function caviarChartThroughExpand(options: { users?: boolean } = {}): Promise<{ entities: EntitySummary[]; links: LinkSummary[] }> {
  const api = workbench.handlers;
  const entities = new Map<string, EntitySummary>();
  const links = new Map<string, LinkSummary>();
  const expand = async (ids: string[], relationshipTypes: LinkSummary['type'][]) => {
    const result = await api.expand({ ids, relationshipTypes, direction: 'both', exclude: [...entities.keys()], limit: 10_000 });
    expect(result.omitted).toBe(0);
    for (const node of result.nodes) entities.set(node.id, node);
    for (const link of result.links) links.set(link.id, link);
    return result;
  };
  const sources = await expand([CAVIAR_CASE_ID], ['PART_OF']);
  const records = await expand(sources.nodes.map((n) => n.id), ['RECORDED_IN']);
  const lines = records.nodes.filter((n) => n.type === 'Phone').map((n) => n.id);
  for (let i = 0; i < lines.length; i += 500) await expand(lines.slice(i, i + 500), ['CALLED']);
  if (options.users) {
    // The analyst started from the case: it is on the chart too.
    const kase = await api.getEntity({ id: CAVIAR_CASE_ID });
    entities.set(kase.entity.id, kase.entity);
    const players = records.nodes.filter((n) => n.type === 'Person').map((n) => n.id);
    // USES links between players and lines already on the chart: expand returns the links, no new nodes.
    const result = await api.expand({ ids: players, relationshipTypes: ['USES'], direction: 'both', exclude: [], limit: 10_000 });
    for (const link of result.links) links.set(link.id, link);
  }
  return { entities: [...entities.values()], links: [...links.values()] };
}

/** One phase as the chart sees it: the lines recorded in that phase and the CALLED links of that phase. */
function phaseGraphFromChart(chart: { entities: EntitySummary[]; links: LinkSummary[] }, phase: number): AnalysisInput {
  const nodes = chart.entities
    .filter((e) => e.type === 'Phone' && Array.isArray(e.properties.phases) && (e.properties.phases as number[]).includes(phase))
    .map((e) => e.id);
  const edges = chart.links
    .filter((l) => l.type === 'CALLED' && l.properties.phase === phase)
    .map((l) => ({ source: l.source, target: l.target }));
  return { nodes, edges };
}

/** The same phase straight from the CSV: player ids as the line ids the import gives them. */
function phaseGraphFromCsv({ players, matrix }: CaviarPhase): { nodes: string[]; edges: [string, string][] } {
  const line = (player: number) => `CAVIAR-PH${player}`;
  const edges: [string, string][] = [];
  players.forEach((a, i) =>
    players.forEach((b, j) => {
      if (i !== j && matrix[i][j] > 0) edges.push([line(a), line(b)]);
    }),
  );
  return { nodes: players.map(line), edges };
}

type Reference = Record<string, Record<CentralityMeasure, Record<string, number>>>;

/** Who called whom in any phase, player to player, straight from the CSV. */
function playerGraphFromCsv(): { nodes: string[]; edges: [string, string][] } {
  const player = (id: number) => `CAVIAR-P${id}`;
  const nodes = new Set<string>();
  const edges: [string, string][] = [];
  for (const { players, matrix } of phases) {
    for (const p of players) nodes.add(player(p));
    players.forEach((a, i) => players.forEach((b, j) => i !== j && matrix[i][j] > 0 && edges.push([player(a), player(b)])));
  }
  return { nodes: [...nodes], edges };
}

function networkxReference(): Reference {
  const graphs = [...phases.map((p) => ({ name: String(p.phase), ...phaseGraphFromCsv(p) })), { name: 'players', ...playerGraphFromCsv() }];
  const output = execFileSync('python3', [REFERENCE_SCRIPT], { input: JSON.stringify({ graphs }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(output) as { graphs: Reference }).graphs;
}

describe('CAVIAR centrality', () => {
  it('matches networkx within 1e-6 for every phase and measure', async () => {
    const chart = await caviarChartThroughExpand();
    const reference = networkxReference();
    let compared = 0;
    for (const { phase, players } of phases) {
      const graph = phaseGraphFromChart(chart, phase);
      expect(graph.nodes.length).toBe(players.length);
      for (const measure of CENTRALITY_MEASURES) {
        const ours = centrality(graph, measure);
        const theirs = reference[String(phase)][measure];
        expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
        for (const [id, value] of Object.entries(theirs)) {
          const difference = Math.abs(ours[id] - value);
          if (difference > TOLERANCE) throw new Error(`phase ${phase} ${measure} of ${id}: Schakel ${ours[id]}, networkx ${value}`);
          compared++;
        }
      }
    }
    expect(compared).toBe(phases.reduce((n, p) => n + p.players.length, 0) * CENTRALITY_MEASURES.length);
  });

  it('puts the principal trafficker (player 1) at the top of degree centrality in the first phase', async () => {
    const chart = await caviarChartThroughExpand();
    const scores = centrality(phaseGraphFromChart(chart, 1), 'degree');
    const top = Object.entries(scores).sort(([, a], [, b]) => b - a)[0][0];
    expect(top).toBe('CAVIAR-PH1');
  });

  it('measures the investigative network by default, and at person level equals networkx on the player network to 1e-9', async () => {
    const chart = await caviarChartThroughExpand({ users: true });
    expect(chart.entities.some((e) => e.type === 'Case')).toBe(true);
    expect(chart.entities.filter((e) => e.type === 'Source').length).toBe(phases.length);

    const withProvenance = measuredNetwork(chart, { ...DEFAULT_NETWORK_OPTIONS, includeProvenance: true });
    const byDefault = measuredNetwork(chart);
    const types = new Map(chart.entities.map((e) => [e.id, e.type]));
    expect(byDefault.input.nodes.every((id) => types.get(id) !== 'Case' && types.get(id) !== 'Source')).toBe(true);
    expect(withProvenance.nodes - byDefault.nodes).toBe(1 + phases.length);
    // With them, a source file tops betweenness; without, a player's line does.
    const top = (scores: Record<string, number>) => Object.entries(scores).sort(([, a], [, b]) => b - a)[0][0];
    expect(types.get(top(centrality(withProvenance.input, 'betweenness')))).toMatch(/^(Source|Case)$/);
    expect(types.get(top(centrality(byDefault.input, 'betweenness')))).not.toMatch(/^(Source|Case)$/);

    const people = measuredNetwork(chart, { ...DEFAULT_NETWORK_OPTIONS, level: 'persons' });
    const reference = networkxReference().players;
    expect(people.folded).toBe(Object.keys(reference.degree).length);
    expect(new Set(people.input.nodes.map((id) => types.get(id)))).toEqual(new Set(['Person']));
    for (const measure of ['degree', 'betweenness'] as const) {
      const ours = centrality(people.input, measure);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(reference[measure]).sort());
      for (const [id, value] of Object.entries(reference[measure])) {
        if (Math.abs(ours[id] - value) > 1e-9) throw new Error(`players ${measure} of ${id}: Schakel ${ours[id]}, networkx ${value}`);
      }
    }
  });
});
