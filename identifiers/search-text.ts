// The text the full-text index `entity_search` holds for an entity: names in every order, aliases and the
// identifier forms users type, so a search finds the record whatever format the user types. The index analyzer
// ('standard-folding') folds accents and splits on punctuation, so compact forms ('0612345678', '12AB34') are
// included next to the written ones: a written form like '06-12345678' alone would be split into two tokens.
// Property names follow docs/data-model.md.
import { formatBelgianNationalNumber, parseBelgianNationalNumber } from './belgian-national-number';
import { parseBsn } from './bsn';
import { parseImei } from './imei';
import { parseImsi } from './imsi';
import { normalizePersonName } from './person-name';
import { normalizePhone, phoneVariants } from './phone';
import { formatPlate, normalizePlate } from './plate';
import { normalizePostcode } from './postcode';

type Props = Record<string, unknown>;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

function personTerms(p: Props): string[] {
  const terms: string[] = [];
  const given = strings(p.givenName)[0];
  const family = strings(p.familyName)[0];
  const full = strings(p.fullName)[0];
  const names = [
    given || family ? normalizePersonName({ given, family }) : undefined,
    full ? normalizePersonName({ full }) : undefined,
    ...strings(p.aliases).map((alias) => normalizePersonName({ full: alias })),
  ];
  terms.push(...strings(p.aliases));
  for (const name of names) {
    if (!name) continue;
    // Both orders ('Jan van der Berg', 'van der Berg Jan', 'Berg Jan van der') and particles written together.
    terms.push(name.full, `${name.family} ${name.given}`, `${name.familyCore} ${name.given} ${name.particles}`);
    if (name.particles) terms.push(`${name.particles}${name.familyCore}`.replace(/[\s']/g, ''));
    // Canonical spellings, so 'Muhammad' finds 'Mohammed'.
    terms.push(name.givenKey, name.familyKey);
  }
  for (const raw of strings(p.nationalNumber)) {
    const rrn = parseBelgianNationalNumber(raw);
    terms.push(raw, ...(rrn ? [rrn.normalized, formatBelgianNationalNumber(rrn.normalized)] : []));
  }
  for (const raw of strings(p.bsn)) {
    const bsn = parseBsn(raw);
    terms.push(raw, ...(bsn ? [bsn.normalized] : []));
  }
  for (const raw of strings(p.dateOfBirth)) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
    terms.push(raw, ...(iso ? [`${iso[3]}-${iso[2]}-${iso[1]}`, `${iso[3]}${iso[2]}${iso[1]}`] : []));
  }
  terms.push(...strings(p.nationality));
  return terms;
}

function vehicleTerms(p: Props): string[] {
  const terms: string[] = [];
  for (const raw of [...strings(p.plate), ...strings(p.plateNormalized)]) {
    const plate = normalizePlate(raw);
    terms.push(raw, ...(plate ? [plate.normalized, formatPlate(plate.normalized)] : []));
  }
  terms.push(...strings(p.vin), ...strings(p.make), ...strings(p.model), ...strings(p.colour));
  return terms;
}

function phoneTerms(p: Props): string[] {
  const terms: string[] = [];
  const e164 = strings(p.e164)[0] ?? normalizePhone(strings(p.number)[0] ?? '')?.e164;
  terms.push(...strings(p.number));
  if (e164) terms.push(...phoneVariants(e164));
  for (const raw of strings(p.imei)) terms.push(parseImei(raw)?.normalized ?? raw);
  for (const raw of strings(p.imsi)) terms.push(parseImsi(raw)?.normalized ?? raw);
  return terms;
}

function locationTerms(p: Props): string[] {
  const terms = [...strings(p.name), ...strings(p.street), ...strings(p.city)];
  for (const raw of strings(p.postcode)) {
    const postcode = normalizePostcode(raw);
    terms.push(raw, ...(postcode ? [postcode.normalized, postcode.normalized.replace(' ', '')] : []));
  }
  return terms;
}

const TERMS_BY_TYPE: Record<string, (p: Props) => string[]> = {
  Person: personTerms,
  Vehicle: vehicleTerms,
  Phone: phoneTerms,
  Location: locationTerms,
  Gang: (p) => [...strings(p.name), ...strings(p.chapter)],
  Incident: (p) => [...strings(p.kind), ...strings(p.description)],
  Case: (p) => [...strings(p.reference), ...strings(p.title), ...strings(p.agency)],
  Source: (p) => [...strings(p.file), ...strings(p.kind)],
};

/** Space-separated, de-duplicated search terms for an entity of `type` (a label from contract/model.ts). */
export function searchTextFor(type: string, props: Record<string, unknown>): string {
  const typeTerms = TERMS_BY_TYPE[type]?.(props) ?? [];
  const terms = [...strings(props.id), ...strings(props.label), ...typeTerms];
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const term of terms.map((t) => t.replace(/\s+/g, ' ').trim())) {
    const folded = term.toLowerCase();
    if (term && !seen.has(folded)) {
      seen.add(folded);
      unique.push(term);
    }
  }
  return unique.join(' ');
}
