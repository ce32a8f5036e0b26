// The import specification: a reusable JSON file that says what kind of records a file holds, which column
// feeds which model property (docs/data-model.md), and the provenance every row is stamped with (case,
// country, agency, optional grading). Validated with zod like everything else that crosses into the backend.
// Examples: docs/import-specs/.
import fs from 'node:fs';
import { z } from 'zod';
import { COUNTRIES, HANDLING_CODES, INFORMATION_RELIABILITY, SOURCE_RELIABILITY } from '../contract/model';
import { DELIMITERS } from './delimiter';
import { COORDINATE_SYSTEMS } from './coordinates';
import { DEFAULT_TIME_ZONE, isKnownTimeZone } from './datetime';
import { ImportError } from './errors';
import { term, type SpecIssue, type SpecIssueCode, type TermName } from './rejections';

/**
 * The rules the schema checks beyond types and bounds. Each refinement carries its code (zod's `params`), so
 * its words come from the catalogue's `specIssues` in the language of the import.
 */
const SPEC_RULES = [
  'CASE_ID_FORMAT',
  'TIME_ZONE_UNKNOWN',
  'PERSON_NAME_UNMAPPED',
  'ADDRESS_UNMAPPED',
  'EDGE_LIST_COLUMNS_MISSING',
  'COLUMNS_NOT_EDGE_LIST',
] as const satisfies readonly SpecIssueCode[];
type SpecRule = (typeof SPEC_RULES)[number];
const rule = (code: SpecRule) => ({ params: { rule: code } });

/** A column of the file, by its header text (compared without regard to case, accents kept). */
const column = z.string().trim().min(1).max(200);
/** The register's own key for the row (its record number): stored as `registerId`, shown and searchable. */
const recordIdColumn = { recordId: column.optional() };

const personColumns = z
  .object({
    fullName: column,
    givenName: column,
    familyName: column,
    dateOfBirth: column,
    gender: column,
    nationalNumber: column,
    bsn: column,
    nationality: column,
    /** Several aliases in one cell, separated by ';' or '|'. */
    aliases: column,
  })
  .partial()
  .strict()
  .refine((p) => p.fullName || p.familyName, rule('PERSON_NAME_UNMAPPED'));

const addressColumns = z
  .object({ street: column, houseNumber: column, postcode: column, city: column })
  .partial()
  .strict()
  .refine((a) => a.street || a.postcode || a.city, rule('ADDRESS_UNMAPPED'));

const personRegister = z.object({
  kind: z.literal('person-register'),
  columns: z
    .object({
      person: personColumns,
      address: addressColumns.optional(),
      /** A phone number the register lists for the person: Phone + USES. */
      phone: column.optional(),
      ...recordIdColumn,
    })
    .strict(),
});

const vehicleRegister = z.object({
  kind: z.literal('vehicle-register'),
  columns: z
    .object({
      plate: column,
      plateCountry: column.optional(),
      vin: column.optional(),
      make: column.optional(),
      model: column.optional(),
      colour: column.optional(),
      stolen: column.optional(),
      /** Start of the registration: OWNS.from. */
      registeredFrom: column.optional(),
      /** The registered holder: Person + OWNS. */
      holder: personColumns.optional(),
      ...recordIdColumn,
    })
    .strict(),
});

const phoneSubscribers = z.object({
  kind: z.literal('phone-subscribers'),
  columns: z
    .object({
      number: column,
      imei: column.optional(),
      imsi: column.optional(),
      /** mobile, burner, landline. */
      phoneKind: column.optional(),
      from: column.optional(),
      until: column.optional(),
      /** The subscriber: Person + USES. */
      subscriber: personColumns.optional(),
      ...recordIdColumn,
    })
    .strict(),
});

const callRecords = z.object({
  kind: z.literal('call-records'),
  columns: z
    .object({
      aNumber: column,
      bNumber: column,
      time: column,
      duration: column.optional(),
    })
    .strict(),
});

const anprHits = z.object({
  kind: z.literal('anpr'),
  columns: z
    .object({
      plate: column,
      camera: column,
      time: column,
      plateCountry: column.optional(),
      city: column.optional(),
      /** WGS84 degrees (options.coordinateSystem WGS84, the default). */
      lat: column.optional(),
      lon: column.optional(),
      /** Easting and northing in metres of the grid options.coordinateSystem names (Lambert 72/2008, RD New). */
      x: column.optional(),
      y: column.optional(),
      direction: column.optional(),
    })
    .strict(),
});

const GANG_KINDS = ['omcg', 'drugs-cell', 'atm-crew', 'trafficking-network'] as const;

const gangMembership = z.object({
  kind: z.literal('gang-membership'),
  /** The kind of every gang in the file, unless a gangKind column says otherwise. */
  gangKind: z.enum(GANG_KINDS).optional(),
  columns: z
    .object({
      person: personColumns,
      gang: column,
      chapter: column.optional(),
      gangKind: column.optional(),
      role: column.optional(),
      from: column.optional(),
      until: column.optional(),
      ...recordIdColumn,
    })
    .strict(),
});

/** What the ids of a network file are (Case and Source are provenance, never network nodes). */
export const NETWORK_ENTITY_TYPES = ['Person', 'Phone', 'Vehicle', 'Gang', 'Location', 'Incident'] as const;
/** Link types a network file may make (provenance, matches and analyst links have their own paths in). */
export const NETWORK_LINK_TYPES = ['ASSOCIATE_OF', 'CALLED', 'MEMBER_OF', 'USES', 'OWNS', 'DRIVES', 'SIGHTED_AT', 'LIVES_AT', 'INVOLVED_IN', 'OCCURRED_AT'] as const;
export const NETWORK_FORMATS = ['edge-list', 'adjacency-matrix', 'graphml', 'gexf'] as const;

const network = z.object({
  kind: z.literal('network'),
  /** edge-list: a CSV/XLSX row per link; adjacency-matrix: first row and column the ids, cells the weights; GraphML/GEXF. */
  format: z.enum(NETWORK_FORMATS),
  /** What every id in the file is (default Person). */
  entityType: z.enum(NETWORK_ENTITY_TYPES).default('Person'),
  /** The type of every link, unless an edge-list type column names another one (default ASSOCIATE_OF). */
  linkType: z.enum(NETWORK_LINK_TYPES).default('ASSOCIATE_OF'),
  /** Whether a→b and b→a are different links; default: the file's own declaration (GraphML/GEXF), else true. */
  directed: z.boolean().optional(),
  /** Edge lists only: which column holds what. */
  columns: z
    .object({
      source: column,
      target: column,
      /** A relationship type (e.g. ASSOCIATE_OF) or any word, kept as the link's `kind`. */
      type: column.optional(),
      weight: column.optional(),
      time: column.optional(),
      sourceLabel: column.optional(),
      targetLabel: column.optional(),
    })
    .strict()
    .optional(),
});

const caseSchema = z
  .object({
    id: z.string().refine((id) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id), rule('CASE_ID_FORMAT')),
    reference: z.string().trim().min(1).max(200),
    country: z.enum(COUNTRIES),
    agency: z.string().trim().min(1).max(200),
    title: z.string().trim().max(300).optional(),
  })
  .strict();

const gradingSchema = z
  .object({
    sourceReliability: z.enum(SOURCE_RELIABILITY),
    informationReliability: z.enum(INFORMATION_RELIABILITY),
    handling: z.enum(HANDLING_CODES),
  })
  .partial()
  .strict();

const optionsSchema = z
  .object({
    /** XLSX: the worksheet to read (default: the first). */
    sheet: z.string().min(1).max(200).optional(),
    /** CSV: override encoding detection; 'per-row' reads each row as UTF-8 when it is valid UTF-8, else Windows-1252. */
    encoding: z.enum(['utf-8', 'windows-1252', 'per-row']).optional(),
    /** CSV: override delimiter detection. */
    delimiter: z.enum(DELIMITERS).optional(),
    /** Zone of times written without an offset. */
    timeZone: z.string().refine(isKnownTimeZone, rule('TIME_ZONE_UNKNOWN')).default(DEFAULT_TIME_ZONE),
    /** Dates of birth with a two-digit year in either order ('12-03-91', '91.03.12'): which order wins. */
    dateOfBirthOrder: z.enum(['DMY', 'YMD']).default('DMY'),
    /** How to read national phone numbers ('0475…'): as the case's country (default), NL, BE, or 'auto'. */
    phoneCountry: z.enum(['case', 'NL', 'BE', 'auto']).default('case'),
    /** Cells longer than this reject their row (Excel's own limit by default). */
    maxCellChars: z.number().int().min(1).max(10_000_000).default(32_767),
    /** How coordinate columns are written: WGS84 degrees (lat/lon) or a national grid in metres (x/y), converted to WGS84. */
    coordinateSystem: z.enum(COORDINATE_SYSTEMS).default('WGS84'),
    /** Rows per transaction. */
    batchSize: z.number().int().min(1).max(50_000).default(2_000),
  })
  .strict();

const commonFields = {
  $schema: z.string().optional(),
  /** A name for the mapping, shown in summaries. */
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  case: caseSchema,
  grading: gradingSchema.default({}),
  /** The `dataset` property of every record (docs/data-model.md); default 'import'. */
  dataset: z.string().trim().min(1).max(100).default('import'),
  /** When the source recorded the data (ISO date), stamped on its Source records. */
  recordedAt: z.iso.date().optional(),
  options: optionsSchema.prefault({}),
};

export const importSpecSchema = z.discriminatedUnion('kind', [
  personRegister.extend(commonFields).strict(),
  vehicleRegister.extend(commonFields).strict(),
  phoneSubscribers.extend(commonFields).strict(),
  callRecords.extend(commonFields).strict(),
  anprHits.extend(commonFields).strict(),
  gangMembership.extend(commonFields).strict(),
  network
    .extend(commonFields)
    .strict()
    .refine((spec) => spec.format !== 'edge-list' || spec.columns !== undefined, { ...rule('EDGE_LIST_COLUMNS_MISSING'), path: ['columns'] })
    .refine((spec) => spec.format === 'edge-list' || spec.columns === undefined, { ...rule('COLUMNS_NOT_EDGE_LIST'), path: ['columns'] }),
]);

export type ImportSpec = z.output<typeof importSpecSchema>;
export type ImportSpecInput = z.input<typeof importSpecSchema>;
export type ImportKind = ImportSpec['kind'];
export type PersonColumns = z.output<typeof personColumns>;
export type AddressColumns = z.output<typeof addressColumns>;
export type SpecOf<K extends ImportKind> = Extract<ImportSpec, { kind: K }>;

export const IMPORT_KINDS = ['person-register', 'vehicle-register', 'phone-subscribers', 'call-records', 'anpr', 'gang-membership', 'network'] as const;

/** What the schema expected, in the words of the catalogue's terms; zod's own name when it has none. */
const EXPECTED_TYPES: Partial<Record<string, TermName>> = {
  string: 'specText',
  number: 'specNumber',
  int: 'specWholeNumber',
  boolean: 'specTrueOrFalse',
  object: 'specObject',
  array: 'specList',
};

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((inner, key) => (inner !== null && typeof inner === 'object' ? (inner as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/** One zod issue as a catalogue code and the values it names; an issue no code fits is "not valid". */
export function specIssueOf(issue: z.core.$ZodIssue, value: unknown): SpecIssue {
  const at = { path: issue.path.length ? issue.path.map(String).join('.') : term('specTopLevel') };
  const bound = (limit: number | bigint) => Number(limit);
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { rule?: unknown } | undefined)?.rule;
      if (SPEC_RULES.includes(code as SpecRule)) return { code: code as SpecRule, values: at };
      break;
    }
    case 'invalid_type': {
      if (valueAt(value, issue.path) === undefined) return { code: 'FIELD_MISSING', values: at };
      const expected = EXPECTED_TYPES[issue.expected];
      return { code: 'WRONG_TYPE', values: { ...at, expected: expected ? term(expected) : issue.expected } };
    }
    case 'unrecognized_keys':
      return { code: issue.keys.length === 1 ? 'UNKNOWN_FIELD' : 'UNKNOWN_FIELDS', values: { ...at, fields: issue.keys.map((key) => `"${key}"`).join(', ') } };
    case 'invalid_value':
      return { code: 'NOT_ONE_OF', values: { ...at, allowed: issue.values.map((allowed) => JSON.stringify(allowed)).join(', ') } };
    case 'invalid_union': {
      // A discriminated union names the values its discriminator (kind) may take.
      const options = (issue as { options?: unknown[] }).options;
      if (options?.length) return { code: 'NOT_ONE_OF', values: { ...at, allowed: options.map((option) => JSON.stringify(option)).join(', ') } };
      break;
    }
    case 'too_small':
      if (issue.origin === 'string') return bound(issue.minimum) <= 1 ? { code: 'TEXT_EMPTY', values: at } : { code: 'TEXT_TOO_SHORT', values: { ...at, minimum: bound(issue.minimum) } };
      if (issue.origin === 'number') return { code: 'NUMBER_TOO_SMALL', values: { ...at, minimum: bound(issue.minimum) } };
      break;
    case 'too_big':
      if (issue.origin === 'string') return { code: 'TEXT_TOO_LONG', values: { ...at, maximum: bound(issue.maximum) } };
      if (issue.origin === 'number') return { code: 'NUMBER_TOO_LARGE', values: { ...at, maximum: bound(issue.maximum) } };
      break;
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'DATE_FORMAT', values: at };
      break;
  }
  return { code: 'VALUE_INVALID', values: at };
}

/** Validates a parsed JSON value; ImportError listing every problem with its path. */
export function parseImportSpec(value: unknown, specPath?: string): ImportSpec {
  const result = importSpecSchema.safeParse(value);
  if (result.success) return result.data;
  const values = { problems: { specIssues: result.error.issues.map((issue) => specIssueOf(issue, value)) }, kinds: IMPORT_KINDS.join(', ') };
  throw specPath === undefined ? new ImportError('SPEC_INVALID', 'SPEC_INVALID', values) : new ImportError('SPEC_INVALID', 'SPEC_FILE_INVALID', { ...values, path: specPath });
}

export function loadImportSpec(path: string): ImportSpec {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch {
    throw new ImportError('SPEC_INVALID', 'SPEC_UNREADABLE', { path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError('SPEC_INVALID', 'SPEC_NOT_JSON', { path, error: (error as Error).message });
  }
  return parseImportSpec(json, path);
}

export function saveImportSpec(path: string, spec: ImportSpecInput): void {
  parseImportSpec(spec); // refuse to save a mapping that would not load again
  fs.writeFileSync(path, `${JSON.stringify(spec, null, 2)}\n`);
}
