// How free-form entity/link properties travel through typed exchange formats (GraphML keys, i2
// attribute classes), which give every property name one type. Lists and mixed-type properties are
// carried as JSON text so they come back exactly as they went out.
import type { PropertyValue } from '../contract/model';

export type PropertyEncoding = 'string' | 'number' | 'boolean' | 'json';

/** The one encoding that carries every value a property name takes on the chart. */
export function encodingFor(values: PropertyValue[]): PropertyEncoding {
  const present = values.filter((value) => value !== null);
  if (present.length === 0) return 'string';
  if (present.every((value) => typeof value === 'string')) return 'string';
  if (present.every((value) => typeof value === 'number' && Number.isFinite(value))) return 'number';
  if (present.every((value) => typeof value === 'boolean')) return 'boolean';
  return 'json';
}

export function encodeValue(value: PropertyValue, encoding: PropertyEncoding): string {
  if (encoding === 'json') return JSON.stringify(value);
  return String(value);
}

/** Decodes a value written by encodeValue; on text that does not fit the encoding, keeps the text. */
export function decodeValue(text: string, encoding: PropertyEncoding): PropertyValue {
  switch (encoding) {
    case 'number': {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      return text;
    case 'json':
      return parseJsonPropertyValue(text) ?? text;
    default:
      return text;
  }
}

function parseJsonPropertyValue(text: string): PropertyValue | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || ['string', 'number', 'boolean'].includes(typeof parsed)) return parsed as PropertyValue;
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed as string[];
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'number')) return parsed as number[];
  } catch {
    // Not JSON: the caller keeps the text as it is.
  }
  return undefined;
}

/** Property names used on the given records with all their values, sorted by name for stable output. */
export function collectPropertyValues(records: { properties: Record<string, PropertyValue> }[]): Map<string, PropertyValue[]> {
  const byName = new Map<string, PropertyValue[]>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record.properties)) {
      const list = byName.get(name);
      if (list) list.push(value);
      else byName.set(name, [value]);
    }
  }
  return new Map([...byName.entries()].sort(([a], [b]) => compareText(a, b)));
}

/** Code-unit order, independent of the machine's locale: the same input sorts the same everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
