// The export engine's refusals (ExportError: message + hint, no stack) as API errors, so the export dialog
// shows exactly what the engine said and what to do.
import { ApiError, type ErrorCode } from '../../contract/api';
import { isExportError, type ExportErrorCode } from '../../export/index';

const API_CODE: Record<ExportErrorCode, ErrorCode> = {
  INVALID_CHART: 'BAD_REQUEST',
  INVALID_OPTIONS: 'BAD_REQUEST',
  FILE_TOO_LARGE: 'BAD_REQUEST',
  FILE_UNREADABLE: 'NOT_FOUND',
  MALFORMED_FILE: 'BAD_REQUEST',
  UNSAFE_XML: 'BAD_REQUEST',
  TOO_MANY_ELEMENTS: 'BAD_REQUEST',
  // The user must decide (record permission or leave the items out): not a fault in the request.
  DISCLOSURE_STOPPED: 'CONFLICT',
  FILE_EXISTS: 'CONFLICT',
  MANIFEST_MISSING: 'NOT_FOUND',
  MANIFEST_MALFORMED: 'BAD_REQUEST',
};

/** Runs `work`, turning an ExportError into the matching ApiError; anything else passes through. */
export async function withExportErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExportError(error)) throw new ApiError({ code: API_CODE[error.code], message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
    throw error;
  }
}
