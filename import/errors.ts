// The one error type the importer throws before anything is written (unreadable file, bad spec, missing
// columns, empty file). `message` says what happened, `hint` what to do; the CLI and the app show both,
// never a stack trace. Problems in single rows are not errors: they go to the rejects file.
// Like a reject reason, the error is made where the problem is found as a catalogue key and the values it
// names; `message` and `hint` are its English words (logs, the CLI's default), and describeImportError gives
// them in the language of the import (import/locales/<language>.json, section `problems`).
import { IMPORT_CATALOGUES, fillText, type ImportCatalogue, type ImportLanguage, type ReasonValue } from './rejections';

export type ImportErrorCode =
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_FORMAT'
  | 'FILE_TOO_LARGE'
  | 'ENCODING_MIXED'
  | 'SPEC_INVALID'
  | 'COLUMNS_MISSING'
  | 'CASE_CONFLICT';

/** A catalogue entry with a message and a hint: errors, and a failed import's summary error. */
export type ProblemKey = keyof ImportCatalogue['problems'];
/** A one-line catalogue text: the import summary's warnings and the note on a failed resolution. */
export type NoteKey = keyof ImportCatalogue['notes'];

export interface ImportProblem {
  key: ProblemKey;
  values: Record<string, ReasonValue>;
}

export interface ImportNote {
  key: NoteKey;
  values: Record<string, ReasonValue>;
}

export function describeProblem(problem: ImportProblem, language: ImportLanguage = 'en'): { message: string; hint: string } {
  const { message, hint } = IMPORT_CATALOGUES[language].problems[problem.key];
  return { message: fillText(message, problem.values, language), hint: fillText(hint, problem.values, language) };
}

export function describeNote(note: ImportNote, language: ImportLanguage = 'en'): string {
  return fillText(IMPORT_CATALOGUES[language].notes[note.key], note.values, language);
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly hint: string;
  readonly problem: ImportProblem;

  constructor(code: ImportErrorCode, key: ProblemKey, values: Record<string, ReasonValue> = {}) {
    const problem = { key, values };
    const english = describeProblem(problem, 'en');
    super(english.message);
    this.name = 'ImportError';
    this.code = code;
    this.hint = english.hint;
    this.problem = problem;
  }
}

/** The error's message and hint in the import's language. */
export function describeImportError(error: ImportError, language: ImportLanguage = 'en'): { message: string; hint: string } {
  return describeProblem(error.problem, language);
}
