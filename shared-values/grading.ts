// Grading and handling: the codes an analyst may give a source, a piece of information and its handling,
// under the grading scheme the workbench uses, and the statuses of an analyst's link.

/** EU 4x4 grading (Europol Regulation Art. 29) and handling codes; see README "Grading". */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_RELIABILITY = ['1', '2', '3', '4'] as const;
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export type InformationReliability = (typeof INFORMATION_RELIABILITY)[number];
export type HandlingCode = (typeof HANDLING_CODES)[number];

/**
 * EU 4x4 (Europol Regulation Art. 29) is the default; some forces grade with the UK 3x5x2 system. The
 * workbench's scheme is a setting (settings.json `gradingScheme` or SCHAKEL_GRADING_SCHEME).
 */
export const GRADING_SCHEMES = {
  'eu-4x4': {
    label: 'EU 4x4',
    source: SOURCE_RELIABILITY,
    information: INFORMATION_RELIABILITY,
    handling: HANDLING_CODES,
  },
  'uk-3x5x2': {
    label: 'UK 3x5x2',
    source: ['1', '2', '3'],
    information: ['A', 'B', 'C', 'D', 'E'],
    handling: ['P', 'C'],
  },
} as const satisfies Record<string, { label: string; source: readonly string[]; information: readonly string[]; handling: readonly string[] }>;

export type GradingSchemeName = keyof typeof GRADING_SCHEMES;
export const GRADING_SCHEME_NAMES = Object.keys(GRADING_SCHEMES) as GradingSchemeName[];
export const DEFAULT_GRADING_SCHEME: GradingSchemeName = 'eu-4x4';

export interface Grading {
  sourceReliability: string;
  informationReliability: string;
  handling: string;
}

/** What is wrong with a grading under a scheme, in words; null when it fits. */
export function gradingProblem(scheme: GradingSchemeName, grading: Partial<Grading>): string | null {
  const rules = GRADING_SCHEMES[scheme];
  const checks: [keyof Grading, string, readonly string[]][] = [
    ['sourceReliability', 'source reliability', rules.source],
    ['informationReliability', 'information reliability', rules.information],
    ['handling', 'handling code', rules.handling],
  ];
  for (const [key, name, allowed] of checks) {
    const value = grading[key];
    if (value !== undefined && !allowed.includes(value)) {
      return `"${value}" is not a ${name} in the ${rules.label} grading scheme this workbench uses; use one of ${allowed.join(', ')}.`;
    }
  }
  return null;
}

export const ANALYST_LINK_STATUSES = ['hypothesis', 'associate', 'confirmed'] as const;
export type AnalystLinkStatus = (typeof ANALYST_LINK_STATUSES)[number];
