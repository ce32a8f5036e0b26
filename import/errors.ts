// The one error type the importer throws before anything is written (unreadable file, bad spec, missing
// columns, empty file). `message` says what happened, `hint` what to do; the CLI and the app show both,
// never a stack trace. Problems in single rows are not errors: they go to the rejects file.
export type ImportErrorCode =
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_FORMAT'
  | 'FILE_TOO_LARGE'
  | 'ENCODING_MIXED'
  | 'SPEC_INVALID'
  | 'COLUMNS_MISSING'
  | 'CASE_CONFLICT';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly hint: string;

  constructor(code: ImportErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.hint = hint;
  }
}
