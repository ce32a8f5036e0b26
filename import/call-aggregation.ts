// Call records become one CALLED link per (A, B) pair with the number of calls and the first and last call,
// as docs/data-model.md defines CALLED. Counting happens over the whole file before the links are written,
// and the link stores the totals (not an increment), so importing the file again leaves them unchanged.
import { dateTimeValue, type ImportLink } from '../graph-queries/import-writes';
import type { CallObservation } from './mapping';
import { compact, type RecordFactory } from './mapping/record-factory';

interface PairTotals {
  from: string;
  to: string;
  count: number;
  first: number;
  last: number;
  durationSeconds: number;
  durationKnown: boolean;
  firstRow: number;
  sourceId: string;
}

export class CallAggregator {
  private readonly pairs = new Map<string, PairTotals>();

  add(call: CallObservation): void {
    const key = `${call.from}>${call.to}`;
    const totals = this.pairs.get(key);
    if (!totals) {
      this.pairs.set(key, {
        from: call.from,
        to: call.to,
        count: 1,
        first: call.epochMs,
        last: call.epochMs,
        durationSeconds: call.durationSeconds ?? 0,
        durationKnown: call.durationSeconds !== undefined,
        firstRow: call.row,
        sourceId: call.sourceId,
      });
      return;
    }
    totals.count += 1;
    totals.first = Math.min(totals.first, call.epochMs);
    totals.last = Math.max(totals.last, call.epochMs);
    totals.durationSeconds += call.durationSeconds ?? 0;
    totals.durationKnown ||= call.durationSeconds !== undefined;
    totals.firstRow = Math.min(totals.firstRow, call.row);
  }

  get pairCount(): number {
    return this.pairs.size;
  }

  /** The CALLED links, in groups of `size` for one transaction each. */
  *linkBatches(factory: RecordFactory, size: number): Generator<ImportLink[]> {
    let batch: ImportLink[] = [];
    for (const totals of this.pairs.values()) {
      const props = compact({
        count: totals.count,
        from: dateTimeValue(totals.first),
        until: dateTimeValue(totals.last),
        durationSeconds: totals.durationKnown ? totals.durationSeconds : undefined,
        row: totals.firstRow,
      });
      batch.push(factory.link('CALLED', totals.from, totals.to, { id: totals.sourceId }, props));
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
