import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { encodeGroups, sliceGroup, UnsafePropertyKeyError } from './import-encoding';
import { dateTimeValue, dateValue, type ImportLink } from './import-writes';

const link = (id: string, props: ImportLink['props']): ImportLink => ({ id, type: 'CALLED', from: `A-${id}`, to: `B-${id}`, props });
const fields = (l: ImportLink) => [l.id, l.from, l.to];

describe('encodeGroups', () => {
  it('sends shared values once and the rest column-wise, with Cypher that restores each type', () => {
    const links = [
      link('1', { caseId: 'CASE-1', count: 3, share: 0.5, at: dateTimeValue(1_700_000_000_123), on: dateValue('2024-02-29'), tags: ['x'], ok: true }),
      link('2', { caseId: 'CASE-1', count: 4, share: 0.25, at: dateTimeValue(1_700_000_001_000), on: dateValue('2024-03-01'), tags: ['y', 'z'], ok: true }),
    ];
    const [group] = encodeGroups(links, (l) => l.type, fields);
    const { encoded } = group;
    expect(encoded.common).toEqual({ caseId: 'CASE-1', ok: true });
    expect(encoded.columns.slice(0, 3)).toEqual([['1', '2'], ['A-1', 'A-2'], ['B-1', 'B-2']]);
    expect(encoded.columns).toContainEqual([3, 4]);
    expect(encoded.columns).toContainEqual([1_700_000_000_123, 1_700_000_001_000]);
    expect(encoded.columns).toContainEqual(['2024-02-29', '2024-03-01']);
    expect(encoded.columns).toContainEqual([['x'], ['y', 'z']]);
    const cypher = encoded.assignments('r');
    const columnOf = (values: unknown[]) => encoded.columns.findIndex((column) => JSON.stringify(column) === JSON.stringify(values));
    expect(cypher).toContain(`r.\`count\` = toInteger($columns[${columnOf([3, 4])}][i])`);
    expect(cypher).toContain(`r.\`share\` = $columns[${columnOf([0.5, 0.25])}][i]`);
    expect(cypher).toContain(`r.\`at\` = datetime({epochMillis: toInteger($columns[${columnOf([1_700_000_000_123, 1_700_000_001_000])}][i])})`);
    expect(cypher).toContain(`r.\`on\` = date($columns[${columnOf(['2024-02-29', '2024-03-01'])}][i])`);
    expect(cypher).not.toContain('caseId');
  });

  it('keeps shared integers integers', () => {
    const [{ encoded }] = encodeGroups([link('1', { count: 1 }), link('2', { count: 1 })], (l) => l.type, fields);
    expect(neo4j.isInt(encoded.common.count)).toBe(true);
  });

  it('splits records whose keys or kinds differ into separate groups', () => {
    const groups = encodeGroups([link('1', { count: 1 }), link('2', { count: 1.5 }), link('3', { note: 'x' }), link('4', { count: 2 })], (l) => l.type, fields);
    expect(groups.map((g) => g.encoded.columns[0])).toEqual([['1', '4'], ['2'], ['3']]);
  });

  it('refuses a property key that is not a plain identifier', () => {
    expect(() => encodeGroups([link('1', { 'x` = 1 DETACH DELETE r //': 1 })], (l) => l.type, fields)).toThrow(UnsafePropertyKeyError);
  });

  it('slices every column alike', () => {
    const links = Array.from({ length: 5 }, (_, i) => link(String(i), { row: i, at: dateTimeValue(i) }));
    const [{ encoded }] = encodeGroups(links, (l) => l.type, fields);
    const slices = sliceGroup(encoded, 2);
    expect(slices.map((s) => s.size)).toEqual([2, 2, 1]);
    expect(slices[2].columns.map((column) => column.length)).toEqual(encoded.columns.map(() => 1));
    expect(slices[1].columns[0]).toEqual(['2', '3']);
  });
});
