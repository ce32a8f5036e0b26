// What entity resolution says about a pair of records, in a form every interface language can word: each
// piece of evidence carries a stable message code and the values its sentence needs, beside the English
// `detail` it always had. The comparators (resolution/) produce the codes, the review panels (renderer/) word
// them from the `review` catalogue, and both sides read stored evidence through `readMatchEvidence`, which
// also accepts evidence stored before codes existed (it has only `detail`).

/**
 * How the interface shows a value: `text` as given (names, numbers, plates: the records' own writing),
 * `date` a calendar date (YYYY-MM-DD), `instant` a moment in time (ISO), `count` a whole number.
 */
export type EvidenceValueKind = 'text' | 'date' | 'instant' | 'count';

/**
 * Every message code with the values (placeholders) its sentence takes. `left`/`right` (TWO_TEXTS, TWO_DATES) follow the pair's
 * record order (the lower id is left), as the English detail does, so a pair reads the same whichever record
 * resolution met first. A code, once stored in a database, keeps its meaning and its placeholders: change
 * a sentence's wording in the catalogues, and add a new code when the values change.
 */
const TWO_TEXTS = { left: 'text', right: 'text' } as const;
const TWO_DATES = { left: 'date', right: 'date' } as const;

export const EVIDENCE_MESSAGES = {
  'identifier.sameValid': { identifier: 'text' },
  'identifier.sameUnchecked': { identifier: 'text' },
  'identifier.differentValid': TWO_TEXTS,
  'identifier.differentUnchecked': TWO_TEXTS,
  'dateOfBirth.same': { date: 'date' },
  'dateOfBirth.dayMonthSwapped': TWO_DATES,
  'dateOfBirth.oneDigit': TWO_DATES,
  'dateOfBirth.different': TWO_DATES,
  'name.swapped': TWO_TEXTS,
  'familyName.compared': TWO_TEXTS,
  'familyName.variant': TWO_TEXTS,
  'familyName.soundsAlike': TWO_TEXTS,
  'familyName.similar': TWO_TEXTS,
  'givenName.compared': TWO_TEXTS,
  'givenName.variant': TWO_TEXTS,
  'givenName.soundsAlike': TWO_TEXTS,
  'givenName.similar': TWO_TEXTS,
  'gender.different': TWO_TEXTS,
  'shared.phone': { number: 'text' },
  'shared.vehicle': { plate: 'text' },
  'shared.address': { street: 'text', postcode: 'text' },
  'sharedHousehold.phone': { number: 'text' },
  'sharedHousehold.vehicle': { plate: 'text' },
  'sharedHousehold.address': { street: 'text', postcode: 'text' },
  'phone.sameNumber': { number: 'text', writtenLeft: 'text', writtenRight: 'text' },
  'phone.differentNumber': TWO_TEXTS,
  'imei.same': { imei: 'text' },
  'imei.sameUnchecked': { imei: 'text' },
  'imei.different': TWO_TEXTS,
  'imsi.same': { imsi: 'text' },
  'imsi.different': TWO_TEXTS,
  'vin.same': { vin: 'text' },
  'vin.different': TWO_TEXTS,
  'plate.sameDutch': { plate: 'text' },
  'plate.sameOther': { plate: 'text' },
  'plate.cloned': { plate: 'text' },
  'plate.clonedLookalike': { plate: 'text', vehicle: 'text' },
  'plate.sameInvestigation': { caseId: 'text' },
  'attribute.same': { value: 'text' },
  'attribute.different': TWO_TEXTS,
  'sightings.together': { minutes: 'count', leftAt: 'instant', rightAt: 'instant' },
} as const satisfies Record<string, Record<string, EvidenceValueKind>>;

export type EvidenceCode = keyof typeof EVIDENCE_MESSAGES;
export const EVIDENCE_CODES = Object.keys(EVIDENCE_MESSAGES) as EvidenceCode[];

type ValueOf<Kind> = Kind extends 'count' ? number : string;
/** The values a code's sentence takes, typed: a comparator cannot forget one or add one the sentence lacks. */
export type EvidenceValuesOf<C extends EvidenceCode> = { [Name in keyof (typeof EVIDENCE_MESSAGES)[C]]: ValueOf<(typeof EVIDENCE_MESSAGES)[C][Name]> };
export type EvidenceValue = string | number;

/**
 * One piece of evidence for or against a match: which field, how it compared, its weight (positive: for the
 * match; the score is the sum), the English sentence, and — on evidence produced since codes exist — the
 * message code and its values for other languages.
 */
export interface MatchEvidence {
  field: string;
  /** e.g. 'exact', 'variant', 'similar', 'swapped', 'different', 'shared'. */
  comparison: string;
  weight: number;
  /** What was compared, in English (kept for audit and court texts, and for evidence stored without a code). */
  detail: string;
  /** A key of EVIDENCE_MESSAGES; absent on evidence stored before codes existed. */
  code?: string;
  values?: Record<string, EvidenceValue>;
}

export function isEvidenceCode(value: unknown): value is EvidenceCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVIDENCE_MESSAGES, value);
}

/** The placeholders of a code's sentence, in a stable order. */
export function evidencePlaceholders(code: EvidenceCode): string[] {
  return Object.keys(EVIDENCE_MESSAGES[code]).sort();
}

/**
 * The code and values when they can be worded: a code this version knows, with exactly the values its
 * sentence takes, each of the right kind. Anything else (no code, a code from a newer version, values
 * damaged in storage) is undefined, and the English detail is shown instead.
 */
export function wordableEvidence(evidence: Pick<MatchEvidence, 'code' | 'values'>): { code: EvidenceCode; values: Record<string, EvidenceValue> } | undefined {
  const { code, values } = evidence;
  if (!isEvidenceCode(code) || !values) return undefined;
  const kinds = EVIDENCE_MESSAGES[code] as Record<string, EvidenceValueKind>;
  const given = Object.keys(values).sort();
  if (given.join() !== evidencePlaceholders(code).join()) return undefined;
  for (const name of given) {
    const expected = kinds[name] === 'count' ? 'number' : 'string';
    if (typeof values[name] !== expected) return undefined;
  }
  return { code, values };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One stored evidence item as the contract types it, or null when it lacks what every item has. */
function readItem(item: unknown): MatchEvidence | null {
  if (!isRecord(item)) return null;
  const { field, comparison, weight, detail, code, values } = item;
  if (typeof field !== 'string' || typeof comparison !== 'string' || typeof weight !== 'number' || !Number.isFinite(weight)) return null;
  const read: MatchEvidence = { field, comparison, weight, detail: typeof detail === 'string' ? detail : '' };
  if (typeof code === 'string' && code !== '') read.code = code;
  if (read.code && isRecord(values)) {
    const kept = Object.entries(values).filter((entry): entry is [string, EvidenceValue] => typeof entry[1] === 'string' || (typeof entry[1] === 'number' && Number.isFinite(entry[1])));
    read.values = Object.fromEntries(kept);
  }
  return read;
}

/**
 * Evidence as stored with a match candidate or a SAME_AS link (a JSON array, or the array itself): the items
 * that have a field, a comparison and a weight, with their code and values when present. Unreadable JSON
 * counts as no evidence.
 */
export function readMatchEvidence(stored: unknown): MatchEvidence[] {
  let parsed: unknown = stored;
  if (typeof stored === 'string') {
    try {
      parsed = JSON.parse(stored) as unknown;
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map(readItem).filter((item): item is MatchEvidence => item !== null);
}
