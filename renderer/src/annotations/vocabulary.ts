// The annotation vocabulary the UI needs at run time. The renderer may import only TYPES from contract/
// (import-boundary.test.ts), so these values are repeated here; the types pin them to the contract and
// vocabulary.test.ts beside this file checks they stay equal.
import type { AnalystLinkStatus, GradingSchemeName } from '../../../contract/annotations';

export const GRADING_SCHEMES: Record<GradingSchemeName, { label: string; source: readonly string[]; information: readonly string[]; handling: readonly string[] }> = {
  'eu-4x4': { label: 'EU 4x4', source: ['A', 'B', 'C', 'X'], information: ['1', '2', '3', '4'], handling: ['H0', 'H1', 'H2', 'H3'] },
  'uk-3x5x2': { label: 'UK 3x5x2', source: ['1', '2', '3'], information: ['A', 'B', 'C', 'D', 'E'], handling: ['P', 'C'] },
};

export const ANALYST_LINK_STATUSES: readonly AnalystLinkStatus[] = ['hypothesis', 'associate', 'confirmed'];

export const MAX_NOTE_LENGTH = 4_000;

/** `@[Label](ENTITY-ID)`, as in contract/annotations.ts. */
export const MENTION_PATTERN = /@\[([^\]\n]{1,200})\]\(([^)\s]{1,200})\)/g;

export type NotePart = { kind: 'text'; text: string } | { kind: 'mention'; label: string; id: string };

export function splitMentions(text: string): NotePart[] {
  const parts: NotePart[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) });
    parts.push({ kind: 'mention', label: match[1], id: match[2] });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
