// The one set of rules for text that crosses the boundary. Every free-text field of every operation is built
// from these helpers, so a lone UTF-16 surrogate (which breaks canonical JSON, and with it the audit entry),
// an invisible control character or a bidi override (which spoofs the reading order in a court PDF) is
// refused at the door with a message naming the field, never half-way through a handler.
// No Node or DOM imports: the renderer bundles this file.
import { z } from 'zod';

/** Stable reasons a field was refused; they travel in ApiErrorBody.invalid.rule for the renderer. */
export const FIELD_RULES = ['invalid_text', 'too_long', 'too_large', 'invalid_date', 'invalid'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** A lone high surrogate not followed by a low one, or a lone low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what a reader sees. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export interface TextRules {
  /** Longest accepted text, in UTF-16 code units (what JavaScript's length counts). */
  max: number;
  /** Shortest accepted text after trimming; 0 allows empty text. */
  min?: number;
  /** Line breaks and tabs are legitimate (notes, comments, justifications). */
  multiline?: boolean;
  /** Trim surrounding white space before checking (default true). */
  trim?: boolean;
}

/** Why a text breaks the rules, in words; null when it is fine. Shared with code that checks outside zod. */
export function textProblem(text: string, { multiline = false }: Pick<TextRules, 'multiline'> = {}): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains a broken character (an incomplete UTF-16 pair); retype it';
  if ((multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(text)) {
    return multiline
      ? 'contains invisible control characters (often pasted from another program); retype or remove them'
      : 'contains a line break or an invisible control character; keep it on one line and retype it';
  }
  if (BIDI_CONTROL.test(text)) return 'contains a right-to-left override or isolate character, which can disguise text; remove it';
  return null;
}

/**
 * A free-text field: well-formed Unicode, no control characters (line breaks only when multiline), no bidi
 * overrides or isolates, at most `max` characters. A refusal is a zod issue whose params carry the rule;
 * the dispatcher puts the field's path in front of the message.
 */
export function freeText(rules: TextRules) {
  const { max, min = 0, multiline = false, trim = true } = rules;
  const base = trim ? z.string().trim() : z.string();
  return base.check((ctx) => {
    const text = ctx.value;
    if (text.length > max) {
      ctx.issues.push({
        code: 'custom',
        input: text,
        message: `is too long: at most ${max.toLocaleString('en')} characters`,
        params: { rule: 'too_long' },
      });
      return;
    }
    const problem = textProblem(text, { multiline });
    if (problem) {
      ctx.issues.push({ code: 'custom', input: text, message: problem, params: { rule: 'invalid_text' } });
      return;
    }
    if (text.length < min) {
      ctx.issues.push({
        code: 'custom',
        input: text,
        message: min === 1 ? `is required` : `needs at least ${min} characters`,
        params: { rule: 'invalid' },
      });
    }
  });
}

/**
 * Text that comes from data rather than from typing (labels and properties of records, chart file contents):
 * only well-formed Unicode is required, so nothing imported is refused for a stray tab.
 */
export function dataText(max = Number.MAX_SAFE_INTEGER) {
  return z.string().max(max).refine((text) => !LONE_SURROGATE.test(text), {
    message: 'contains a broken character (an incomplete UTF-16 pair)',
    params: { rule: 'invalid_text' },
  });
}

/**
 * Deepest nesting accepted in a free-form JSON value (saved filters, an import specification, the queries
 * of an export): far more than any of them needs, and well within what JSON.stringify and the audit's
 * canonical JSON can walk without running out of stack.
 */
export const MAX_JSON_DEPTH = 64;

/** What is wrong with a JSON value: a key or string with a lone surrogate, or nesting beyond MAX_JSON_DEPTH. */
function jsonValueProblem(value: unknown, depth = 0): 'broken_character' | 'too_deep' | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? 'broken_character' : null;
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_JSON_DEPTH) return 'too_deep';
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return 'broken_character';
    const problem = jsonValueProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Any JSON value (an import specification, saved filters) whose strings and keys are all well-formed, nested at most MAX_JSON_DEPTH deep. */
export function wellFormedJson() {
  return z.unknown().check((ctx) => {
    const problem = jsonValueProblem(ctx.value);
    if (problem === 'broken_character') {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'contains a broken character (an incomplete UTF-16 pair)', params: { rule: 'invalid_text' } });
    } else if (problem === 'too_deep') {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `is nested too deeply: at most ${MAX_JSON_DEPTH} levels`, params: { rule: 'invalid' } });
    }
  });
}

/** An identifier (entity, chart, candidate): one line of free text, 1 to `max` characters. */
export function identifier(max = 200) {
  return freeText({ max, min: 1 });
}

/** A file name as the user's system gave it; 200 characters leave room for the prefix the backend adds. */
export const fileName = freeText({ min: 1, max: 200 });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Whether an ISO-8601 date or date-time names a real moment: 2024-02-30, 2024-13-01 and T25:00 do not. */
export function isRealIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, mo, d, h, mi, s, , offsetH, offsetM] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59))) return false;
  if (offsetH !== undefined && (Number(offsetH) > 14 || Number(offsetM) > 59)) return false;
  return true;
}

/**
 * An ISO-8601 date (2024-03-01) or date-time (2024-03-01T14:30, with seconds and offset optional). A space
 * between date and time is accepted and handed on as the "T" that Neo4j's datetime() and the audit log's
 * string comparisons expect.
 */
export const isoDate = z
  .string()
  .max(40)
  .check((ctx) => {
    if (!isRealIsoDate(ctx.value)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: 'is not a real date; use an ISO-8601 date such as 2024-03-01 or 2024-03-01T14:30',
        params: { rule: 'invalid_date' },
      });
    }
  })
  .overwrite((text) => text.replace(' ', 'T'));

/** The rule a zod issue broke, as carried in ApiErrorBody.invalid. */
export function ruleOf(issue: { code: string; params?: unknown; origin?: unknown }): FieldRule {
  const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
  if (typeof rule === 'string' && (FIELD_RULES as readonly string[]).includes(rule)) return rule as FieldRule;
  // A number past its maximum is too large, not too long: a text, list or file is too long.
  if (issue.code === 'too_big') return issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint' ? 'too_large' : 'too_long';
  return 'invalid';
}
