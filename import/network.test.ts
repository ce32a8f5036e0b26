// Network files without code: edge lists, adjacency matrices, GraphML and GEXF read into entities and links
// counted per pair, with the weights a weighted centrality needs; bad rows go to the rejects file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportLink, ImportNode } from '../graph-queries/import-writes';
import { ImportError } from './errors';
import { describeRejection } from './rejections';
import { createRowMapper, type MappedRow } from './mapping/index';
import { EdgeAggregator } from './network-links';
import { parseImportSpec, type ImportSpecInput } from './spec';
import { openTabularFile } from './tabular-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-network-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const networkSpec = (extra: Record<string, unknown>) =>
  parseImportSpec({
    name: 'network',
    kind: 'network',
    case: { id: 'CASE-BE-NET-T', reference: 'NET-T', country: 'BE', agency: 'FGP' },
    ...extra,
  } as ImportSpecInput);

interface ReadNetwork {
  nodes: Map<string, ImportNode>;
  links: ImportLink[];
  rejected: { row: number; reason: string }[];
}

/** Reads a file through the mapper and the aggregator as the engine does, without a database. */
async function readNetwork(file: string, extra: Record<string, unknown>): Promise<ReadNetwork> {
  const spec = networkSpec(extra);
  const opened = await openTabularFile(file, spec.options);
  const mapper = createRowMapper(spec, opened.headers, opened.fileName);
  const aggregator = new EdgeAggregator();
  const nodes = new Map<string, ImportNode>();
  const rejected: ReadNetwork['rejected'] = [];
  for await (const row of opened.rows) {
    const outcome = mapper.map(row);
    if (!outcome.ok) {
      rejected.push({ row: row.number, reason: describeRejection(outcome.reason) });
      continue;
    }
    const mapped: MappedRow = outcome.mapped;
    for (const node of mapped.nodes) if (node.type !== 'Source' && !nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of mapped.edges ?? []) aggregator.add(edge);
  }
  return { nodes, links: [...aggregator.linkBatches(mapper.factory, 1000)].flat(), rejected };
}

/** Links as "from>to:TYPE" → props, with the file's ids instead of record ids (sorted for undirected links). */
function byIds({ nodes, links }: ReadNetwork): Record<string, Record<string, unknown>> {
  const idOf = (recordId: string) => String(nodes.get(recordId)!.props.networkId);
  return Object.fromEntries(
    links.map((link) => {
      const ids = [idOf(link.from), idOf(link.to)];
      if (link.props.directed === false) ids.sort();
      return [`${ids.join('>')}:${link.type}`, link.props];
    }),
  );
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('an edge list', () => {
  const file = write(
    'edges.csv',
    'van;naar;soort;gewicht;datum\nA;B;ontmoeting;2;01-03-2024\nB;A;ontmoeting;1;05-03-2024\nA;C;ASSOCIATE_OF;;\nC;D;ontmoeting;veel;\n;D;ontmoeting;1;\n',
  );
  const columns = { source: 'van', target: 'naar', type: 'soort', weight: 'gewicht', time: 'datum' };

  it('sums the weights of an undirected pair, keeps the kind and the first and last time', async () => {
    const network = await readNetwork(file, { format: 'edge-list', directed: false, columns });
    expect([...network.nodes.values()].map((node) => [node.type, node.props.label])).toEqual([
      ['Person', 'A'],
      ['Person', 'B'],
      ['Person', 'C'],
    ]);
    const links = byIds(network);
    expect(Object.keys(links).sort()).toEqual(['A>B:ASSOCIATE_OF', 'A>C:ASSOCIATE_OF']);
    const pair = links['A>B:ASSOCIATE_OF'];
    expect(pair).toMatchObject({ weight: 3, count: 2, kind: 'ontmoeting', directed: false });
    expect(pair.from).toEqual({ temporal: 'datetime', epochMs: Date.UTC(2024, 1, 29, 23) });
    expect(links['A>C:ASSOCIATE_OF']).toMatchObject({ weight: 1, count: 1, directed: false });
    expect(links['A>C:ASSOCIATE_OF'].kind).toBeUndefined();
    expect(network.rejected).toEqual([
      { row: 5, reason: 'the weight "veel" is not a number' },
      { row: 6, reason: 'no source id (column "van" is empty)' },
    ]);
  });

  it('keeps both directions of a directed network apart, as the type the spec names', async () => {
    const links = byIds(await readNetwork(file, { format: 'edge-list', linkType: 'CALLED', entityType: 'Phone', columns }));
    expect(links['A>B:CALLED']).toMatchObject({ weight: 2, count: 1 });
    expect(links['B>A:CALLED']).toMatchObject({ weight: 1, count: 1 });
  });

  it('needs its source and target columns in the specification', () => {
    expect(() => networkSpec({ format: 'edge-list' })).toThrow(ImportError);
    expect(() => networkSpec({ format: 'adjacency-matrix', columns })).toThrow(/only an edge list maps columns/);
  });
});

describe('an adjacency matrix', () => {
  it('makes a link per non-zero cell with its weight, and an entity for every id of the header', async () => {
    const file = write('matrix.csv', '"ids","1","4","89","7"\n"1",0,2,0,0\n"4",1,0,0,0\n"89",0,0,0,5\n');
    const network = await readNetwork(file, { format: 'adjacency-matrix' });
    expect([...network.nodes.values()].map((node) => node.props.networkId).sort()).toEqual(['1', '4', '7', '89']);
    expect(byIds(network)).toEqual({
      '1>4:ASSOCIATE_OF': expect.objectContaining({ weight: 2, count: 1, row: 2 }),
      '4>1:ASSOCIATE_OF': expect.objectContaining({ weight: 1, count: 1, row: 3 }),
      '89>7:ASSOCIATE_OF': expect.objectContaining({ weight: 5, count: 1, row: 4 }),
    });
  });

  it('reads a symmetric undirected matrix once per pair and rejects a row with a word in a cell', async () => {
    const file = write('symmetric.csv', ',a,b,c\na,0,3,0\nb,3,0,x\nc,0,1,0\n');
    const network = await readNetwork(file, { format: 'adjacency-matrix', directed: false });
    expect(byIds(network)).toEqual({ 'a>b:ASSOCIATE_OF': expect.objectContaining({ weight: 3, directed: false }) });
    expect(network.rejected).toEqual([{ row: 3, reason: 'the cell in column "c" holds "x", not a number' }]);
  });
});

describe('GraphML and GEXF', () => {
  it('reads nodes with labels and edges with weights and types from GraphML', async () => {
    const file = write(
      'net.graphml',
      `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d2" for="edge" attr.name="type" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="d0">Vos</data></node>
    <node id="n1"><data key="d0">Das</data></node>
    <node id="n2"/>
    <edge source="n0" target="n1"><data key="d1">2.5</data><data key="d2">meeting</data></edge>
    <edge source="n1" target="n2"/>
  </graph>
</graphml>`,
    );
    const network = await readNetwork(file, { format: 'graphml' });
    expect([...network.nodes.values()].map((node) => node.props.label)).toEqual(['Vos', 'Das', 'n2']);
    const links = Object.values(byIds(network));
    expect(links).toEqual([expect.objectContaining({ weight: 2.5, kind: 'meeting', directed: false }), expect.objectContaining({ weight: 1, directed: false })]);
  });

  it('reads GEXF with per-edge direction and refuses a DOCTYPE', async () => {
    const file = write(
      'net.gexf',
      `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
  <nodes><node id="0" label="Kat"/><node id="1" label="Hond"/><node id="2" label="Muis"/></nodes>
  <edges><edge id="e0" source="0" target="1" weight="4"/><edge id="e1" source="2" target="1" type="undirected"/></edges>
</graph></gexf>`,
    );
    const links = byIds(await readNetwork(file, { format: 'gexf' }));
    expect(links['0>1:ASSOCIATE_OF']).toMatchObject({ weight: 4 });
    expect(links['0>1:ASSOCIATE_OF'].directed).toBeUndefined();
    expect(links['1>2:ASSOCIATE_OF']).toMatchObject({ weight: 1, directed: false });

    const hostile = write('hostile.graphml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><graphml><graph/></graphml>');
    await expect(openTabularFile(hostile)).rejects.toThrow(/DOCTYPE/);
  });
});
