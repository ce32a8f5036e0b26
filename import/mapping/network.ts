// Rows of a network file → entities and link observations (counted per pair in network-links.ts):
//   edge-list         one row per link: source, target, and optionally a type, a weight and a time
//   adjacency-matrix  the first row and the first column hold the ids, each cell the weight of row → column
//                     (blank or 0: no link)
//   graphml, gexf     read by network-xml.ts into rows of NETWORK_XML_HEADERS: a node row, then edge rows
// Every id becomes an entity of the spec's entityType, keyed on the id within the file, labelled with the
// file's label or the id itself; provenance is one Source for the file, and links carry their first row.
import { isRelationshipType, type RelationshipType } from '../../contract/model';
import { parseDateTime } from '../datetime';
import type { EdgeObservation } from '../network-links';
import { NETWORK_LINK_TYPES, type SpecOf } from '../spec';
import { parseDecimal } from '../value-parsers';
import type { MappedRow } from './kinds';
import { compact, type RecordFactory, type SourceRecord } from './record-factory';
import { RowRejection, type RowValues } from './row-values';

type NetworkSpec = SpecOf<'network'>;

/** The columns network-xml.ts gives a GraphML or GEXF file. */
export const NETWORK_XML_HEADERS = ['node', 'label', 'source', 'target', 'type', 'weight', 'time', 'directed'] as const;
const XML_COLUMNS = Object.fromEntries(NETWORK_XML_HEADERS.map((name) => [name, name])) as Record<(typeof NETWORK_XML_HEADERS)[number], string>;

/** The columns a network spec maps, for ColumnMap.resolve. */
export function networkColumns(spec: NetworkSpec): object {
  if (spec.format === 'edge-list') return spec.columns ?? {};
  if (spec.format === 'adjacency-matrix') return {};
  return XML_COLUMNS;
}

/** A weight as public data writes it: 2, 0.5, 0,5, 1e-3. */
export function parseWeight(text: string): number | null {
  const trimmed = text.trim();
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  return parseDecimal(trimmed);
}

const LINK_TYPE_WORDS = new Set<string>(NETWORK_LINK_TYPES);

/** A type cell naming a relationship type ("associate of", "CALLED") is that type; any other word is a kind. */
function linkTypeOf(text: string | undefined, fallback: RelationshipType): { type: RelationshipType; kind?: string } {
  if (!text) return { type: fallback };
  const asType = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (LINK_TYPE_WORDS.has(asType) && isRelationshipType(asType)) return { type: asType };
  return { type: fallback, kind: text.trim() };
}

function readWhen(text: string | undefined, spec: NetworkSpec): { epochMs?: number; step?: number } {
  if (text === undefined) return {};
  const epochMs = parseDateTime(text, { timeZone: spec.options.timeZone });
  if (epochMs !== null) return { epochMs };
  const step = parseWeight(text);
  if (step !== null) return { step };
  throw new RowRejection('NETWORK_TIME_INVALID', { value: text });
}

export class NetworkRowMapper {
  private headerNodesGiven = false;
  private readonly source: SourceRecord;

  constructor(
    private readonly factory: RecordFactory,
    private readonly spec: NetworkSpec,
    private readonly headers: string[],
  ) {
    this.source = factory.sourceForRow(0, { nodes: [], links: [] });
  }

  map(values: RowValues): MappedRow {
    if (this.spec.format === 'adjacency-matrix') return this.matrixRow(values);
    if (this.spec.format === 'edge-list') {
      const columns = this.spec.columns!;
      return this.edgeRow(values, { ...columns, node: undefined, label: undefined, directed: undefined });
    }
    return this.edgeRow(values, XML_COLUMNS);
  }

  private node(out: MappedRow, id: string, label?: string): string {
    return this.factory.entity(out, this.spec.entityType, `network:${id}`, compact({ label: label ?? id, networkId: id }), this.source);
  }

  private edge(from: string, to: string, row: number, extra: Partial<EdgeObservation> & { directed: boolean }): EdgeObservation {
    return { from, to, type: this.spec.linkType, weight: 1, row, sourceId: this.source.id, ...extra };
  }

  private edgeRow(
    values: RowValues,
    columns: { node?: string; label?: string; source: string; target: string; type?: string; weight?: string; time?: string; sourceLabel?: string; targetLabel?: string; directed?: string },
  ): MappedRow {
    const out: MappedRow = { nodes: [], links: [], edges: [] };
    const nodeId = values.text(columns.node);
    if (nodeId !== undefined) {
      this.node(out, nodeId, values.text(columns.label));
      return out;
    }
    const from = this.node(out, values.required(columns.source, 'sourceId'), values.text(columns.sourceLabel));
    const to = this.node(out, values.required(columns.target, 'targetId'), values.text(columns.targetLabel));
    const weightText = values.text(columns.weight);
    const weight = weightText === undefined ? 1 : parseWeight(weightText);
    if (weight === null || !Number.isFinite(weight)) throw new RowRejection('WEIGHT_NOT_A_NUMBER', { value: weightText ?? '' });
    const directedText = values.text(columns.directed);
    const directed = this.spec.directed ?? (directedText === undefined ? true : directedText !== 'false');
    out.edges!.push(this.edge(from, to, values.row.number, { ...linkTypeOf(values.text(columns.type), this.spec.linkType), weight, ...readWhen(values.text(columns.time), this.spec), directed }));
    return out;
  }

  private matrixRow(values: RowValues): MappedRow {
    const out: MappedRow = { nodes: [], links: [], edges: [] };
    const cells = values.row.cells;
    const rowId = (cells[0] ?? '').trim();
    if (!rowId) throw new RowRejection('MATRIX_ROW_ID_MISSING');
    const directed = this.spec.directed ?? true;
    const edges: EdgeObservation[] = [];
    for (let column = 1; column < this.headers.length; column++) {
      const columnId = this.headers[column].trim();
      const text = (cells[column] ?? '').trim();
      if (!columnId || text === '') continue;
      const weight = parseWeight(text);
      if (weight === null || !Number.isFinite(weight)) throw new RowRejection('MATRIX_CELL_NOT_A_NUMBER', { column: columnId, value: text });
      // An undirected matrix holds each pair twice: the cell whose row id sorts first stands for the pair.
      if (weight === 0 || (!directed && rowId > columnId)) continue;
      edges.push(this.edge(rowId, columnId, values.row.number, { weight, directed }));
    }
    if (!this.headerNodesGiven) {
      // Every id of the header is an entity, also one no row links to.
      this.headerNodesGiven = true;
      for (const id of this.headers.slice(1).map((header) => header.trim()).filter(Boolean)) this.node(out, id);
    }
    const rowNode = this.node(out, rowId);
    out.edges = edges.map((edge) => ({ ...edge, from: rowNode, to: this.node(out, edge.to) }));
    return out;
  }
}
