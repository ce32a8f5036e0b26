// What the export dialog proposes for a chart: the case reference from the chart's cases, the export
// language remembered for that case (else the last one used, else the case's country), the marking of the
// same level in another language, and the records behind merged (collapsed) entities.
import type { ChartDocument, ChartEntity } from '../../../contract/chart';
import type { ExportLanguage, ExportLanguageChoice } from '../../../contract/export-requests';
import type { EntitySummary } from '../../../contract/model';

const CASE_REFERENCE_MAX = 200;
const STORAGE_KEY = 'schakel.exportLanguageByCase';
/** The entry for "whatever case came last": a new case starts in the language last chosen. */
const LAST_USED = '*';

/** The cases the chart's records come from, as the cover sheet's case reference ("" when none). */
export function caseReferenceOf(chart: ChartDocument): string {
  const cases = [...new Set([...chart.entities, ...chart.links].filter((item) => !item.hidden).map((item) => item.caseId).filter((id): id is string => Boolean(id)))].sort();
  const joined = cases.join(', ');
  return joined.length <= CASE_REFERENCE_MAX ? joined : `${joined.slice(0, CASE_REFERENCE_MAX - 1)}…`;
}

export interface LanguageMemory {
  get(caseReference: string): string | undefined;
  remember(caseReference: string, language: ExportLanguage): void;
}

/** Export languages per case reference, kept in the browser's storage (per user profile). */
export function languageMemory(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): LanguageMemory {
  const read = (): Record<string, string> => {
    try {
      const parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (caseReference) => read()[caseReference.trim() || LAST_USED] ?? read()[LAST_USED],
    remember(caseReference, language) {
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify({ ...read(), [caseReference.trim() || LAST_USED]: language, [LAST_USED]: language }));
      } catch {
        // Storage full or refused: the choice is simply not remembered.
      }
    },
  };
}

/** The remembered language if the backend still offers it; else Dutch as in the Netherlands for a Dutch-only chart, Belgian Dutch otherwise. */
export function proposedLanguage(chart: ChartDocument, remembered: string | undefined, offered: readonly ExportLanguageChoice[]): ExportLanguage {
  const known = (language: string | undefined) => offered.find((choice) => choice.language === language)?.language;
  const countries = new Set(chart.entities.map((entity) => entity.country).filter(Boolean));
  const byCountry = countries.size === 1 && countries.has('NL') ? 'nl-NL' : 'nl-BE';
  return known(remembered) ?? known(byCountry) ?? offered[0]?.language ?? 'en';
}

/** The marking of the same level in the other language ("CONFIDENTIEL" → "VERTROUWELIJK"); a marking typed by hand stays. */
export function equivalentMarking(current: string, from: readonly string[], to: readonly string[], fallbackLevel = 1): string {
  const level = from.indexOf(current.trim());
  if (level >= 0 && to[level]) return to[level]!;
  if (current.trim()) return current;
  return to[fallbackLevel] ?? to[0] ?? current;
}

/** Merged entities carry the records they stand for, so the export lists every source and grading. */
export function withMergedRecords(chart: ChartDocument, merged: ReadonlyMap<string, { records: EntitySummary[] }>): ChartDocument {
  if (merged.size === 0) return chart;
  const entities = chart.entities.map((entity): ChartEntity => {
    const group = merged.get(entity.id);
    if (!group) return entity;
    const records = group.records.map(({ id, label, sourceId, caseId, country, agency, sourceReliability, informationReliability, handling }) =>
      Object.fromEntries(Object.entries({ id, label, sourceId, caseId, country, agency, sourceReliability, informationReliability, handling }).filter(([, value]) => value !== undefined)),
    ) as NonNullable<ChartEntity['records']>;
    return { ...entity, records };
  });
  return { ...chart, entities };
}
