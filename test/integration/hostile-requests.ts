// fast-check arbitraries for hostile requests, derived from each operation's own zod schema: the schema's
// shape gives the fields and their kinds, so most generated requests are close enough to valid to reach the
// handler, and every string field may instead carry a lone surrogate, a bidi override, a control character,
// an injection attempt or a huge text; on top, fields are dropped, added, or given the wrong type.
import fc from 'fast-check';
import type { z } from 'zod';
import type { OperationName } from '../../contract/api';

export interface FuzzPools {
  /** Ids of entities that exist in the seeded database. */
  entityIds: string[];
  chartIds: string[];
  annotationIds: string[];
  /** The test database: the only address `connect` is ever sent to (anything else would be a network probe). */
  neo4jUri: string;
}

const HOSTILE_STRINGS = [
  '\ud800',
  'a\udc00b',
  '\udbff',
  'Jan \u202Enesnaj',
  '\u2066isolated\u2069',
  '\u202A\u202B\u202C\u202D',
  'bell\u0007',
  'nul\u0000byte',
  'line\nbreak',
  '\u0085next-line',
  '%',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '$where',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '2024-02-30',
  '2024-13-01',
  '2024-03-01T25:00',
  '',
  ' ',
];
const HUGE_STRINGS = ['x'.repeat(20_000), '\u00e9'.repeat(5_000), '\ud83d\ude00'.repeat(3_000), `${'a'.repeat(296)}.csv`];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  // Any code point, half surrogates included.
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 2 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 2 }),
);

const DATES = ['2024-03-01', '2023-12-31T23:59', '2024-02-29T12:00:00Z', '2025-06-30T08:15:00.000+02:00'];
const FILE_NAMES = ['records.csv', 'records.xlsx', 'chart.json', 'chart.graphml', 'chart.anx', 'notes.txt', `${'\u00e9'.repeat(190)}.csv`];
const SMALL_FILES = ['name;phone\nJan;+31612345678\n', '<graphml/>', '{"format":"schakel-chart","version":1}', 'PK\u0003\u0004junk', ''];
const WORDS = ['jan', 'Peeters', '+31612345678', '1-ABC-123', 'Antwerpen', 'de Vries', '85.07.30-033.61'];

/** A plausible value for a string field, chosen by its name; otherwise a word. */
function plausibleString(key: string, pools: FuzzPools): fc.Arbitrary<string> {
  const lower = key.toLowerCase();
  if (lower === 'uri') return fc.constantFrom(pools.neo4jUri, 'http://127.0.0.1:7474', 'bolt://', 'ftp://example');
  if (lower === 'database') return fc.constantFrom('nosuchdatabase', 'other-db');
  if (lower === 'base64') return fc.constantFrom(...SMALL_FILES).map((text) => Buffer.from(text).toString('base64'));
  if (lower === 'name') return fc.constantFrom(...FILE_NAMES, ...WORDS);
  if (lower === 'from' || lower === 'until' || lower === 'at') return fc.constantFrom(...DATES);
  if (lower === 'text') return fc.constantFrom('{"format":"schakel-chart"}', 'not json', 'A note about @[Jan](P-1).', 'plain note');
  if (lower.includes('chart')) return fc.constantFrom(...pools.chartIds);
  if (lower === 'id' || lower.endsWith('id') || lower.endsWith('ids') || lower === 'source' || lower === 'target') {
    return fc.constantFrom(...pools.entityIds, ...pools.chartIds, ...pools.annotationIds, 'imp-00000000-0000-0000-0000-000000000000', '20240301T120000Z-case');
  }
  if (lower === 'path') return fc.constantFrom('20240301T120000Z-case/chart.pdf', '../secrets', 'x/y');
  return fc.constantFrom(...WORDS);
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A value shaped by the schema (valid most of the time), with hostile strings and wrong types mixed in. */
function shaped(schema: unknown, key: string, pools: FuzzPools, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return fc.oneof(
        { weight: 3, arbitrary: shaped(def.innerType, key, pools, depth) },
        { weight: 1, arbitrary: def.type === 'nullable' ? fc.constant(null) : fc.constant(undefined) },
      );
    case 'string':
      return fc.oneof({ weight: 5, arbitrary: plausibleString(key, pools) }, { weight: 2, arbitrary: hostileString });
    case 'number':
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.double() });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, string>)) }, { weight: 1, arbitrary: hostileString });
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(shaped(def.element, key, pools, depth + 1), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => shaped(option, key, pools, depth)));
    case 'record':
      return depth > 4 ? fc.constant({}) : fc.dictionary(fc.oneof(fc.constantFrom(...WORDS), hostileString), shaped(def.valueType, key, pools, depth + 1), { maxKeys: 2 });
    case 'object':
      return depth > 4 ? fc.constant({}) : objectOf(def.shape as Record<string, unknown>, pools, depth + 1);
    default:
      // unknown / any: any small JSON value, hostile strings included.
      return fc.oneof(wrongType, fc.jsonValue({ maxDepth: 2 }));
  }
}

function objectOf(shape: Record<string, unknown>, pools: FuzzPools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, shaped(schema, key, pools, depth)]));
  return fc.record(fields).map((value) => Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)));
}

/** Breaks a well-shaped request: drops a field, adds one, or gives one the wrong type or a hostile text. */
function mutated(request: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: request },
    {
      weight: 2,
      arbitrary: fc.tuple(request, fc.nat(), fc.oneof(hostileString, wrongType)).map(([value, index, replacement]) => {
        const keys = Object.keys(value);
        return keys.length ? { ...value, [keys[index % keys.length]]: replacement } : value;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(request, fc.nat()).map(([value, index]) => {
        const keys = Object.keys(value);
        if (!keys.length) return value;
        const { [keys[index % keys.length]]: _dropped, ...rest } = value;
        return rest;
      }),
    },
    { weight: 1, arbitrary: fc.tuple(request, fc.constantFrom('extra', '__proto__', 'constructor'), hostileString).map(([value, key, extra]) => ({ ...value, [key]: extra })) },
    { weight: 1, arbitrary: fc.oneof(fc.constant([]), fc.integer(), hostileString, fc.constant(true)) },
  );
}

/**
 * A hostile request for `operation`. Three operations are only ever sent invalid or harmless requests:
 * `useLocalDatabase` and `openDemo` (a valid one would start a second, managed Neo4j and switch to it) and
 * `connect` (only to the test
 * database, under a database name it does not have, so the working connection is never replaced mid-run).
 */
export function hostileRequest(operation: OperationName, schema: z.ZodType, pools: FuzzPools): fc.Arbitrary<unknown> {
  const shape = (defOf(schema).shape ?? {}) as Record<string, unknown>;
  if (operation === 'useLocalDatabase' || operation === 'openDemo') {
    return fc.oneof(fc.dictionary(fc.constantFrom('extra', 'uri', '__proto__'), fc.oneof(hostileString, wrongType), { minKeys: 1, maxKeys: 2 }), fc.constant([]), fc.integer(), hostileString);
  }
  if (operation === 'connect') {
    const attempt = fc.record({
      uri: fc.oneof({ weight: 3, arbitrary: fc.constant(pools.neo4jUri) }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom('http://127.0.0.1:7474', 'bolt://', 'ftp://x') }),
      database: fc.oneof(fc.constantFrom('nosuchdatabase', 'other-db'), hostileString.filter((text) => text.trim().length > 0)),
      user: fc.oneof(fc.constant('neo4j'), hostileString),
      password: fc.oneof(fc.constant(''), hostileString),
      rememberPassword: fc.boolean(),
    });
    return mutated(attempt).filter((request) => !connectsToTestDatabaseDefault(request, pools));
  }
  const request = mutated(objectOf(shape, pools, 0));
  // Each valid one recomputes resolution over the whole database: a few suffice, the rest probe the schema.
  return SLOW_OPERATIONS.has(operation) ? fc.oneof({ weight: 1, arbitrary: request }, { weight: 5, arbitrary: wrongType }) : request;
}

const SLOW_OPERATIONS = new Set<OperationName>(['runResolution']);

/** A connect that would succeed (the test database under its default or real name) would swap the driver under the other requests. */
function connectsToTestDatabaseDefault(request: unknown, pools: FuzzPools): boolean {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return false;
  const { uri, database } = request as { uri?: unknown; database?: unknown };
  const trimmed = typeof database === 'string' ? database.trim().toLowerCase() : database;
  return uri === pools.neo4jUri && (trimmed === undefined || trimmed === '' || trimmed === 'neo4j' || trimmed === 'system');
}
