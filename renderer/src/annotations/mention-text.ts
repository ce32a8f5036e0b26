// The note field shows mentions by name ("@Jan Peeters") while the note stores them as `@[Jan Peeters](ID)`,
// so the entity stays identified by its id. These functions translate between the two and find the
// "@name" being typed before the caret (names may hold spaces: "@Jan Pe").
import { splitMentions } from '../../../shared-values/notes';

export interface Mention {
  id: string;
  label: string;
}

/** The text as shown in the field, and the mentions it holds, in order. */
export function toDisplay(stored: string): { text: string; mentions: Mention[] } {
  const mentions: Mention[] = [];
  let text = '';
  for (const part of splitMentions(stored)) {
    if (part.kind === 'text') text += part.text;
    else {
      text += `@${part.label}`;
      mentions.push({ id: part.id, label: part.label });
    }
  }
  return { text, mentions };
}

/**
 * Back to the stored form: every "@name" of a known mention becomes `@[name](id)`. A mention whose name
 * was edited is plain text from then on (the analyst changed what it says).
 */
export function toStored(display: string, mentions: readonly Mention[]): string {
  const byLength = uniqueByLabel(mentions).sort((a, b) => b.label.length - a.label.length);
  if (!byLength.length) return display;
  let out = '';
  let index = 0;
  while (index < display.length) {
    const at = display.indexOf('@', index);
    if (at < 0) break;
    out += display.slice(index, at);
    const mention = byLength.find((candidate) => display.startsWith(candidate.label, at + 1));
    if (mention) {
      out += `@[${mention.label}](${mention.id})`;
      index = at + 1 + mention.label.length;
    } else {
      out += '@';
      index = at + 1;
    }
  }
  return out + display.slice(index);
}

const MAX_QUERY_LENGTH = 40;
const MAX_QUERY_WORDS = 4;

/**
 * The name being typed after an "@" that ends at the caret: at least two characters, on one line, at most
 * four words, and not a mention already made. The "@" starts the text or follows a space or bracket, so
 * an e-mail address does not open the list.
 */
export function mentionQueryAt(display: string, caret: number, mentions: readonly Mention[]): { start: number; query: string } | undefined {
  const before = display.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && !/[\s([{"'«]/.test(before[at - 1]))) return undefined;
  const query = before.slice(at + 1);
  if (query.length < 2 || query.length > MAX_QUERY_LENGTH || /^\s|[\n@]/.test(query)) return undefined;
  if (query.trim().split(/\s+/).length > MAX_QUERY_WORDS) return undefined;
  const made = mentions.find((mention) => display.startsWith(mention.label, at + 1));
  if (made && caret >= at + 1 + made.label.length) return undefined;
  return { start: at, query };
}

/** A mention's name as it can be stored (no brackets or line breaks, which end the markup). */
export function mentionLabel(label: string): string {
  return label.replace(/[[\]\n\r]/g, ' ').slice(0, 200).trim();
}

/** Does every word typed begin a word of the name? ("jan pe" matches "Jan Peeters"; accents ignored.) */
export function nameMatches(label: string, query: string): boolean {
  const words = fold(label).split(/[\s,.'-]+/).filter(Boolean);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((typed) => words.some((word) => word.startsWith(typed)));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function uniqueByLabel(mentions: readonly Mention[]): Mention[] {
  const seen = new Map<string, Mention>();
  for (const mention of mentions) if (!seen.has(mention.label)) seen.set(mention.label, mention);
  return [...seen.values()];
}
