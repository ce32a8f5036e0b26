// Match evidence in the interface language: the sentence from the review catalogue for the evidence's message
// code, with its dates, times and numbers formatted for the locale; the comparison and the field in words; the
// weight with the locale's decimal separator. Evidence stored before codes existed (or with a code this
// version does not know) keeps its English detail: it is the only wording it has.
import { EVIDENCE_MESSAGES, wordableEvidence, type EvidenceValue, type EvidenceValueKind, type MatchEvidence } from '../../../shared-values/match-evidence';
import { formatLocale, i18n } from '../i18n';
import { formatDate, formatDateTime, formatNumber, formatWeight, propertyName } from '../ui/format';

function formatEvidenceValue(kind: EvidenceValueKind, value: EvidenceValue, locale: string): string {
  if (kind === 'count' && typeof value === 'number') return formatNumber(value, locale);
  if (kind === 'date' && typeof value === 'string') return formatDate(value, locale);
  if (kind === 'instant' && typeof value === 'string') return formatDateTime(value, locale);
  return String(value);
}

/** The evidence's sentence: translated when its code and values allow, else the English detail as stored. */
export function evidenceSentence(evidence: MatchEvidence, locale = formatLocale()): string {
  const wordable = wordableEvidence(evidence);
  if (!wordable) return evidence.detail;
  const kinds: Record<string, EvidenceValueKind> = EVIDENCE_MESSAGES[wordable.code];
  const values = Object.fromEntries(Object.entries(wordable.values).map(([name, value]) => [name, formatEvidenceValue(kinds[name], value, locale)]));
  return i18n.t(`review:evidenceText.${wordable.code}`, values);
}

/** "exact" → "gelijk"; a comparison this version does not name is shown as stored. */
export function comparisonName(comparison: string): string {
  return i18n.t(`review:comparison.${comparison}`, { defaultValue: comparison });
}

/** The field the evidence is about: review's own names for what is not a record property (a shared phone, sightings). */
export function evidenceFieldName(field: string): string {
  return i18n.t(`review:evidenceField.${field}`, { defaultValue: propertyName(field) });
}

export interface EvidenceLine {
  weight: string;
  field: string;
  comparison: string;
  sentence: string;
  /** Counts for the match (or is shown without counting), rather than against it. */
  supports: boolean;
}

export function evidenceLine(evidence: MatchEvidence, locale = formatLocale()): EvidenceLine {
  return {
    weight: formatWeight(evidence.weight, locale),
    field: evidenceFieldName(evidence.field),
    comparison: comparisonName(evidence.comparison),
    sentence: evidenceSentence(evidence, locale),
    supports: evidence.weight >= 0,
  };
}
