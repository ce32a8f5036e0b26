// The import specification as the dialog edits it: JSON text, with the case fields (id, reference,
// country, agency) offered as form fields because every import must say whose records these are.
import { t } from '../i18n';
export interface CaseFields {
  id: string;
  reference: string;
  country: 'NL' | 'BE';
  agency: string;
}

export type SpecParse = { ok: true; spec: Record<string, unknown> } | { ok: false; message: string };

export function parseSpecText(text: string): SpecParse {
  if (!text.trim()) return { ok: false, message: t('imports:specEmpty') };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: t('imports:specNotObject') };
    return { ok: true, spec: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: t('imports:specInvalid', { reason: (error as Error).message }) };
  }
}

export function caseFieldsOf(spec: Record<string, unknown>): CaseFields {
  const kase = (typeof spec.case === 'object' && spec.case !== null ? spec.case : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { id: text(kase.id), reference: text(kase.reference), country: kase.country === 'BE' ? 'BE' : 'NL', agency: text(kase.agency) };
}

/** The specification with the case fields the user filled in. */
export function withCaseFields(spec: Record<string, unknown>, fields: CaseFields): Record<string, unknown> {
  const kase = (typeof spec.case === 'object' && spec.case !== null ? spec.case : {}) as Record<string, unknown>;
  return { ...spec, case: { ...kase, ...fields } };
}

export function specToText(spec: Record<string, unknown>): string {
  return JSON.stringify(spec, null, 2);
}
