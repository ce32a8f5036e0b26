/**
 * The one error type the local-Neo4j manager throws. `message` says what happened, `hint` what to do;
 * callers (CLI, desktop app, web server) show both and never a stack trace.
 */
export type LocalNeo4jErrorCode =
  | 'java-missing'
  | 'java-too-old'
  | 'maven-missing'
  | 'build-failed'
  | 'build-busy'
  | 'port-in-use'
  | 'store-locked'
  | 'start-timeout'
  | 'start-failed'
  | 'start-busy'
  | 'stop-failed'
  | 'bad-config';

export class LocalNeo4jError extends Error {
  readonly hint: string;
  readonly code: LocalNeo4jErrorCode;

  constructor(code: LocalNeo4jErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'LocalNeo4jError';
    this.code = code;
    this.hint = hint;
  }
}
