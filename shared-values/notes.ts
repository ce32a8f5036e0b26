// The rules of an analyst's note text that both the editor and the backend apply.

export const MAX_NOTE_LENGTH = 4_000;

/**
 * Mentions are written into the text as `@[Label](ENTITY-ID)`, so the text alone says who is meant even
 * when the entity is later renamed. The backend reads the ids from the text; the renderer shows them as
 * plain text chips. Script tags and other markup stay literal text: nothing is ever rendered as HTML.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,200})\]\(([^)\s]{1,200})\)/g;

export type NotePart = { kind: 'text'; text: string } | { kind: 'mention'; label: string; id: string };

export function mentionedIds(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION_PATTERN)].map((match) => match[2]))];
}

/** The text split into plain runs and mentions, in order (for rendering as text nodes). */
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

/** The text as a reader sees it: each mention `@[Label](ID)` becomes `@Label`. */
export function mentionsAsNames(text: string): string {
  return text.replace(MENTION_PATTERN, (_match, label: string) => `@${label}`);
}
