// How one batch of import records travels to Neo4j. Packing parameters into Bolt, not Cypher, was the
// importer's largest cost on the Node side: the driver inspects every object (each row map, each property map,
// each Integer and DateTime) against its structure types before packing it, and packs every map key as a string.
// So records go column-wise, as lists of plain strings, numbers and booleans, per group of records that share a
// type and the same property keys and kinds:
// - properties with one value across the whole group go once, as $common;
// - integers travel as numbers and temporals as epoch milliseconds or ISO dates, and Cypher turns them back into
//   INTEGER, DATETIME (UTC, offset 0) and DATE, so what is stored is exactly what the driver types would store;
// - property keys are written into the query only after checking that they are plain identifiers.
import neo4j from 'neo4j-driver';
import type { ImportPropertyValue, ImportProps } from './import-writes';

type ValueKind = 'string' | 'int' | 'float' | 'bool' | 'list' | 'date' | 'datetime';

export interface EncodedGroup {
  /** Column 0 is the record id; links add `from` and `to` as columns 1 and 2; properties follow. */
  columns: unknown[][];
  common: Record<string, unknown>;
  size: number;
  /** `, x.\`key\` = …` for each per-record property, reading column j at row index `i`. */
  assignments(variable: string): string;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class UnsafePropertyKeyError extends Error {}

function kindOf(value: ImportPropertyValue): ValueKind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  return value.temporal;
}

function columnValue(value: ImportPropertyValue): unknown {
  if (typeof value === 'object' && !Array.isArray(value)) return value.temporal === 'date' ? value.iso : value.epochMs;
  return value;
}

/** Cypher that turns a column value back into the stored type. */
function decode(kind: ValueKind, source: string): string {
  switch (kind) {
    case 'int':
      return `toInteger(${source})`;
    case 'date':
      return `date(${source})`;
    case 'datetime':
      return `datetime({epochMillis: toInteger(${source})})`;
    default:
      return source;
  }
}

/** Driver values: integers as Integer (a JS number would be stored as a float), temporals as DATE/DATETIME. */
export function toDriverValue(value: ImportPropertyValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (value.temporal === 'date') {
      const [year, month, day] = value.iso.split('-').map(Number);
      return new neo4j.types.Date(year, month, day);
    }
    const at = new Date(value.epochMs);
    return new neo4j.types.DateTime(
      at.getUTCFullYear(),
      at.getUTCMonth() + 1,
      at.getUTCDate(),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds() * 1_000_000,
      0,
    );
  }
  return value;
}

export function toDriverProps(props: ImportProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = toDriverValue(value);
  return out;
}

function signature(props: ImportProps): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(props)) parts.push(`${key}:${kindOf(value)}`);
  return parts.sort().join(',');
}

function sharedPlainProps(records: ReadonlyArray<{ props: ImportProps }>): Set<string> {
  const shared = new Set<string>();
  if (records.length < 2) return shared;
  const first = records[0].props;
  for (const [key, value] of Object.entries(first)) {
    if (typeof value !== 'object') shared.add(key); // lists and temporals are never hoisted
  }
  for (let i = 1; i < records.length && shared.size > 0; i++) {
    const props = records[i].props;
    for (const key of shared) {
      if (props[key] !== first[key]) shared.delete(key);
    }
  }
  return shared;
}

/**
 * Splits records into groups that one parameterised statement can write: same `groupKey(record)` (the label or
 * relationship type) and the same property keys and kinds. `fields` are the leading columns (id, from, to).
 */
export function encodeGroups<T extends { props: ImportProps }>(
  records: readonly T[],
  groupKey: (record: T) => string,
  fields: (record: T) => readonly string[],
): Array<{ sample: T; encoded: EncodedGroup }> {
  const grouped = new Map<string, T[]>();
  for (const record of records) {
    const key = `${groupKey(record)}|${signature(record.props)}`;
    const group = grouped.get(key);
    if (group) group.push(record);
    else grouped.set(key, [record]);
  }
  return [...grouped.values()].map((group) => ({ sample: group[0], encoded: encodeGroup(group, fields) }));
}

function encodeGroup<T extends { props: ImportProps }>(records: readonly T[], fields: (record: T) => readonly string[]): EncodedGroup {
  const shared = sharedPlainProps(records);
  const first = records[0].props;
  const common: Record<string, unknown> = {};
  const perRecord: Array<{ key: string; kind: ValueKind }> = [];
  for (const [key, value] of Object.entries(first)) {
    if (!PLAIN_KEY.test(key)) throw new UnsafePropertyKeyError(`Refusing to write property "${key}": not a plain identifier`);
    if (shared.has(key)) common[key] = toDriverValue(value);
    else perRecord.push({ key, kind: kindOf(value) });
  }
  const leading = fields(records[0]).length;
  const columns: unknown[][] = Array.from({ length: leading + perRecord.length }, () => new Array<unknown>(records.length));
  records.forEach((record, row) => {
    const lead = fields(record);
    for (let c = 0; c < leading; c++) columns[c][row] = lead[c];
    for (let p = 0; p < perRecord.length; p++) columns[leading + p][row] = columnValue(record.props[perRecord[p].key]);
  });
  return {
    columns,
    common,
    size: records.length,
    assignments(variable: string): string {
      return perRecord.map(({ key, kind }, p) => `, ${variable}.\`${key}\` = ${decode(kind, `$columns[${leading + p}][i]`)}`).join('');
    },
  };
}

/** The same group cut into statements of at most `size` records (columns sliced alike). */
export function sliceGroup(group: EncodedGroup, size: number): Array<{ columns: unknown[][]; common: Record<string, unknown>; size: number }> {
  const slices: Array<{ columns: unknown[][]; common: Record<string, unknown>; size: number }> = [];
  for (let start = 0; start < group.size; start += size) {
    const end = Math.min(group.size, start + size);
    slices.push({ columns: group.columns.map((column) => column.slice(start, end)), common: group.common, size: end - start });
  }
  return slices;
}
