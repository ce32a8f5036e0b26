// Why a row was not imported: a stable code and the values it names (column, cell text, row counts), made
// where the problem is found. The words are looked up only when the rejects file is written, in the language
// of the import, from the catalogues in import/locales/<language>.json (plain JSON, typed by the English one
// so a reason without English text fails the type check; rejections.test.ts checks the other languages).
import { IMPORT_LANGUAGES, intlLocale, isImportLanguage, type ImportLanguage } from '../shared-values/languages';
import en from './locales/en.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';

export { IMPORT_LANGUAGES, isImportLanguage, type ImportLanguage };

export type ImportCatalogue = typeof en;
export type RejectCode = keyof ImportCatalogue['reasons'];
/** A word of the catalogue's `terms`: what a value is ("call time"), or whose it is ("holder"). */
export type TermName = keyof ImportCatalogue['terms'];
/** Rows named in a sentence ("rows 2, 6 and 3 more are"); `form` picks the wording in catalogue `rowLists`. */
export interface RowList {
  rows: number[];
  /** How many rows there are in all; more than `rows` names. */
  count: number;
  form: 'row' | 'rowIs' | 'rowHas';
}
/** What is wrong with one field of an import specification; its words are in the catalogue's `specIssues`. */
export type SpecIssueCode = keyof ImportCatalogue['specIssues'];
export interface SpecIssue {
  code: SpecIssueCode;
  values: Record<string, ReasonValue>;
}
/**
 * Text and numbers are written as they are (numbers with the language's separators); a term is translated;
 * a list of specification issues is written one a line.
 */
export type ReasonValue = string | number | { term: TermName } | { rowList: RowList } | { specIssues: SpecIssue[] };

export interface RejectReason {
  code: RejectCode;
  values: Record<string, ReasonValue>;
}

export const IMPORT_CATALOGUES: Record<ImportLanguage, ImportCatalogue> = { nl, fr, en };

export function rejection(code: RejectCode, values: Record<string, ReasonValue> = {}): RejectReason {
  return { code, values };
}

export const term = (name: TermName): { term: TermName } => ({ term: name });

export const rowList = (rows: number[], count: number, form: RowList['form']): { rowList: RowList } => ({ rowList: { rows, count, form } });

const PLURAL_FORMS = { row: 'rows', rowIs: 'rowsAre', rowHas: 'rowsHave' } as const;
/** Each issue on a line of its own under the message's first line, as a list item. */
const SPEC_ISSUE_SEPARATOR = '\n  - ';

/**
 * A catalogue text with its placeholders filled in the given language; a placeholder without a value stays
 * visible rather than vanishing. Shared by reasons, the importer's errors and its notes.
 */
export function fillText(text: string, values: Record<string, ReasonValue>, language: ImportLanguage): string {
  const catalogue = IMPORT_CATALOGUES[language];
  const numbers = new Intl.NumberFormat(intlLocale(language));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return numbers.format(value);
    if (typeof value === 'string') return value;
    if ('term' in value) return catalogue.terms[value.term];
    if ('specIssues' in value) return value.specIssues.map((issue) => fillText(catalogue.specIssues[issue.code], issue.values, language)).join(SPEC_ISSUE_SEPARATOR);
    const { rows, count, form } = value.rowList;
    const named = rows.join(', ');
    const listed = count > rows.length ? fillText(catalogue.rowLists.more, { rows: named, more: count - rows.length }, language) : named;
    return catalogue.rowLists[count === 1 ? form : PLURAL_FORMS[form]].replace('{rows}', listed);
  });
}

/** The reason in words. */
export function describeRejection(reason: RejectReason, language: ImportLanguage = 'en'): string {
  return fillText(IMPORT_CATALOGUES[language].reasons[reason.code], reason.values, language);
}

/** The rejects file's own column names, before the file's: row number, reason in words, reason code. */
export function rejectsFileColumns(language: ImportLanguage = 'en'): [string, string, string] {
  const { row, reason, code } = IMPORT_CATALOGUES[language].rejectsFile;
  return [row, reason, code];
}
