import { describe, expect, it } from 'vitest';
import { CallAggregator } from './call-aggregation';
import { RecordFactory } from './mapping';
import { parseImportSpec } from './spec';

const spec = parseImportSpec({
  name: 'calls',
  kind: 'call-records',
  case: { id: 'CASE-NL-1', reference: 'R', country: 'NL', agency: 'Politie' },
  columns: { aNumber: 'A', bNumber: 'B', time: 'T' },
});

describe('CallAggregator', () => {
  it('counts calls per direction with the first and last call and total duration', () => {
    const calls = new CallAggregator();
    const call = (from: string, to: string, epochMs: number, row: number, durationSeconds?: number) =>
      calls.add({ from, to, epochMs, row, durationSeconds, sourceId: 'S-1' });
    call('PH-a', 'PH-b', 3_000, 4, 30);
    call('PH-a', 'PH-b', 1_000, 7, 10);
    call('PH-a', 'PH-b', 2_000, 2);
    call('PH-b', 'PH-a', 5_000, 3);
    expect(calls.pairCount).toBe(2);
    const batches = [...calls.linkBatches(new RecordFactory(spec, 'calls.csv'), 1)];
    expect(batches).toHaveLength(2);
    const [aToB] = batches[0];
    expect(aToB).toMatchObject({
      type: 'CALLED',
      from: 'PH-a',
      to: 'PH-b',
      props: {
        count: 3,
        from: { temporal: 'datetime', epochMs: 1_000 },
        until: { temporal: 'datetime', epochMs: 3_000 },
        durationSeconds: 40,
        row: 2,
        sourceId: 'S-1',
        caseId: 'CASE-NL-1',
      },
    });
    expect(batches[1][0].props.durationSeconds).toBeUndefined();
  });
});
