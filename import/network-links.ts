// A network file's links, counted per (from, to, type, kind) over the whole file before they are written, as
// call records are: a pair that several rows (or a matrix cell) connect becomes ONE link whose `weight` is
// the sum of the rows' weights (1 each when the file gives none) and whose `count` is the number of rows.
// Those are the figures a weighted centrality needs; the links store totals, not increments, so importing the
// file again leaves them as they are.
import { dateTimeValue, type ImportLink } from '../graph-queries/import-writes';
import type { RelationshipType } from '../contract/model';
import { compact, type RecordFactory } from './mapping/record-factory';

export interface EdgeObservation {
  from: string;
  to: string;
  type: RelationshipType;
  /** The file's own word for the link when it is not a relationship type ("meeting", "co-offending"). */
  kind?: string;
  weight: number;
  /** A date or time the row gives (epoch ms), or a plain number (a period, a wave) when it is not a date. */
  epochMs?: number;
  step?: number;
  row: number;
  sourceId: string;
  directed: boolean;
}

interface EdgeTotals {
  sample: EdgeObservation;
  count: number;
  weight: number;
  first?: number;
  last?: number;
  firstStep?: number;
  lastStep?: number;
  firstRow: number;
}

const min = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const max = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

export class EdgeAggregator {
  private readonly edges = new Map<string, EdgeTotals>();

  add(edge: EdgeObservation): void {
    // Undirected: a–b and b–a are one link, stored from the smaller id.
    const [from, to] = edge.directed || edge.from <= edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const key = `${from}\u0000${to}\u0000${edge.type}\u0000${edge.kind ?? ''}`;
    const totals = this.edges.get(key);
    if (!totals) {
      this.edges.set(key, {
        sample: { ...edge, from, to },
        count: 1,
        weight: edge.weight,
        first: edge.epochMs,
        last: edge.epochMs,
        firstStep: edge.step,
        lastStep: edge.step,
        firstRow: edge.row,
      });
      return;
    }
    totals.count += 1;
    totals.weight += edge.weight;
    totals.first = min(totals.first, edge.epochMs);
    totals.last = max(totals.last, edge.epochMs);
    totals.firstStep = min(totals.firstStep, edge.step);
    totals.lastStep = max(totals.lastStep, edge.step);
    totals.firstRow = Math.min(totals.firstRow, edge.row);
  }

  get linkCount(): number {
    return this.edges.size;
  }

  /** The links, in groups of `size` for one transaction each. */
  *linkBatches(factory: RecordFactory, size: number): Generator<ImportLink[]> {
    let batch: ImportLink[] = [];
    for (const totals of this.edges.values()) {
      const { sample } = totals;
      const props = compact({
        weight: totals.weight,
        count: totals.count,
        kind: sample.kind,
        directed: sample.directed ? undefined : false,
        from: totals.first === undefined ? undefined : dateTimeValue(totals.first),
        until: totals.last === undefined ? undefined : dateTimeValue(totals.last),
        firstStep: totals.firstStep,
        lastStep: totals.lastStep,
        row: totals.firstRow,
      });
      batch.push(factory.link(sample.type, sample.from, sample.to, { id: sample.sourceId }, props, sample.kind ?? ''));
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
