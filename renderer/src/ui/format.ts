// Turning API values into text an analyst reads: property names in words, dates without time-zone noise.
import type { PropertyValue } from '../../../contract/model';

/** `dateOfBirth` → "Date of birth", `e164` → "E164". */
export function propertyName(key: string): string {
  const words = key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function formatValue(value: PropertyValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return formatDateTime(value);
  return String(value);
}

/** "2024-03-05T14:07:00Z" → "2024-03-05 14:07" (dates stay ISO-ordered: both countries read them). */
export function formatDateTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

/** EU 4x4 grading as written on intelligence reports, e.g. "B2". */
export function gradingCode(source?: string, information?: string): string | undefined {
  if (!source && !information) return undefined;
  return `${source ?? '?'}${information ?? '?'}`;
}
