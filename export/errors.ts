// One error type for everything the export engine refuses or cannot do. The message says what happened
// and the hint what to do; neither ever carries a stack trace, so the backend can show both to the user.
export type ExportErrorCode =
  | 'INVALID_CHART'
  | 'INVALID_OPTIONS'
  | 'FILE_TOO_LARGE'
  | 'FILE_UNREADABLE'
  | 'MALFORMED_FILE'
  | 'UNSAFE_XML'
  | 'TOO_MANY_ELEMENTS'
  | 'DISCLOSURE_STOPPED'
  | 'FILE_EXISTS'
  | 'MANIFEST_MISSING'
  | 'MANIFEST_MALFORMED';

export class ExportError extends Error {
  readonly code: ExportErrorCode;
  readonly hint?: string;
  /** Extra structured detail for the caller (e.g. the items that stopped a disclosure). */
  readonly details?: unknown;

  constructor(code: ExportErrorCode, message: string, hint?: string, details?: unknown) {
    super(message);
    this.name = 'ExportError';
    this.code = code;
    this.hint = hint;
    this.details = details;
  }
}

export function isExportError(error: unknown): error is ExportError {
  return error instanceof ExportError;
}
