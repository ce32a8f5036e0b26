// What an analyst link says about the two entities, beyond its status: a kind from a fixed vocabulary
// (so links can be filtered, translated and exported alike) and an optional free label in the analyst's
// own words ("drove him to the port"). The chart labels the link with the free label, else the kind.

export const ANALYST_LINK_KINDS = [
  'family',
  'partner',
  'acquaintance',
  'co-offender',
  'business',
  'financial',
  'communication',
  'seen-together',
  'shared-address',
  'uses',
  'other',
] as const;
export type AnalystLinkKind = (typeof ANALYST_LINK_KINDS)[number];

export const MAX_LINK_LABEL_LENGTH = 80;

export function isAnalystLinkKind(value: unknown): value is AnalystLinkKind {
  return typeof value === 'string' && (ANALYST_LINK_KINDS as readonly string[]).includes(value);
}
