// Turns whatever went wrong (driver errors, our own ApiErrors, bugs) into a message a police analyst can
// act on. Driver error codes are documented in the Neo4j status-code reference.
import { ApiError } from '../contract/api';

interface ErrorWithCode {
  code?: unknown;
  message?: unknown;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = typeof (error as ErrorWithCode)?.code === 'string' ? String((error as ErrorWithCode).code) : '';
  const message = typeof (error as ErrorWithCode)?.message === 'string' ? String((error as ErrorWithCode).message) : '';

  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new ApiError({
      code: 'DB_AUTH',
      message: 'Neo4j refused the user name or password.',
      hint: 'Check NEO4J_USER and NEO4J_PASSWORD, or enter them again in the connection dialog.',
    });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Could not perform discovery|Failed to connect/i.test(message)) {
    return new ApiError({
      code: 'DB_UNAVAILABLE',
      message: 'The Neo4j database cannot be reached.',
      hint: 'Check that the database is running and that the address is right; for the local database run "npm run db:start".',
    });
  }
  if (code === 'Neo.TransientError.Database.DatabaseUnavailable' || /database is unavailable|not yet available|starting/i.test(message)) {
    return new ApiError({
      code: 'DB_STARTING',
      message: 'The Neo4j database is still starting.',
      hint: 'Wait a few seconds and try again.',
    });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || /database does not exist|DatabaseNotFound/i.test(message)) {
    return new ApiError({
      code: 'DB_NOT_FOUND',
      message: 'The Neo4j server has no database of that name.',
      hint: 'Check the database name (leave it empty for the server\'s default database).',
    });
  }
  // The file system refused a name the request carried (too long, or bytes it cannot store).
  if (code === 'ENAMETOOLONG' || code === 'EILSEQ') {
    return new ApiError({
      code: 'BAD_REQUEST',
      message: code === 'ENAMETOOLONG' ? 'The file name is too long to be stored.' : 'The file name has characters that cannot be stored.',
      hint: 'Rename the file to something shorter and plainer, then try again.',
    });
  }
  // Unknown failures: keep the detail in the backend log, give the user a plain statement.
  console.error('[schakel] unexpected error:', error);
  return new ApiError({
    code: 'INTERNAL',
    message: 'Something went wrong in Schakel while handling this request.',
    hint: 'Try again; if it keeps happening, report it with the time shown in the backend log.',
  });
}
