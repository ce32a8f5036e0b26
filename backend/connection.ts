// Owns the one driver of this process and the state the status bar shows. Switching databases closes the
// old driver only after the new one answered, so a typo in the connection dialog never drops a working
// connection.
import type { Driver } from 'neo4j-driver';
import { ApiError, type ConnectionStatus } from '../contract/api';
import { checkUri, createDriver, type Neo4jTarget } from '../graph-queries/driver';
import { applyMigrations } from '../graph-queries/migrations';
import { currentDatabaseUser, type AuthenticatedUser } from '../graph-queries/current-user';
import type { QueryContext } from '../graph-queries/run';
import { toApiError } from './errors';

export class DatabaseConnection {
  private driver: Driver | null = null;
  private target: Neo4jTarget | null = null;
  private authenticated: AuthenticatedUser | null = null;
  private current: ConnectionStatus = { state: 'disconnected', kind: 'local', readOnly: false };

  status(): ConnectionStatus {
    return { ...this.current };
  }

  setStatus(status: ConnectionStatus): void {
    this.current = status;
  }

  /**
   * The query context for handlers; a clear error when there is no database. While a switch to another
   * database is being tried, requests keep using the working connection (it is closed only once the new one
   * answered), so a typo in the connection dialog does not fail everyone's searches meanwhile.
   */
  context(): QueryContext {
    if (!this.driver || this.current.state === 'error' || this.current.state === 'disconnected') {
      throw new ApiError({
        code: 'DB_UNAVAILABLE',
        message: this.current.message ?? 'Schakel is not connected to a Neo4j database.',
        hint: this.current.hint ?? 'Open "Connection…" to connect, or start the local database with "npm run db:start".',
      });
    }
    return { driver: this.driver, database: this.target?.database };
  }

  /** Connection changes run one at a time: a click on Connect during start-up waits for start-up. */
  private queue: Promise<unknown> = Promise.resolve();

  open(target: Neo4jTarget, kind: 'local' | 'remote'): Promise<ConnectionStatus> {
    const next = this.queue.then(() => this.openNow(target, kind));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async openNow(target: Neo4jTarget, kind: 'local' | 'remote'): Promise<ConnectionStatus> {
    checkUri(target.uri);
    const previous = { ...this.current };
    this.current = { ...previous, state: 'connecting', uri: target.uri, kind };
    const driver = createDriver(target);
    try {
      const info = await driver.getServerInfo({ database: target.database });
      await applyMigrations(driver, target.database);
      const authenticated = await currentDatabaseUser(driver);
      await this.close();
      this.driver = driver;
      this.target = target;
      this.authenticated = authenticated;
      this.current = {
        state: 'connected',
        uri: target.uri,
        kind,
        database: target.database,
        serverVersion: info.agent,
        readOnly: false,
        // Only a user the server authenticated; a name sent to a server without authentication proves nothing.
        user: authenticated?.user,
      };
      return this.status();
    } catch (error) {
      await driver.close().catch(() => undefined);
      const apiError = describeConnectError(error, target);
      // Keep a working connection if there was one; otherwise show why there is none.
      this.current = this.driver ? previous : { state: 'error', uri: target.uri, kind, readOnly: false, message: apiError.message, hint: apiError.hint };
      throw apiError;
    }
  }

  /** The user the connected server authenticated (null without authentication), with its roles if any. */
  authenticatedUser(): AuthenticatedUser | null {
    return this.driver ? this.authenticated : null;
  }

  async close(): Promise<void> {
    this.authenticated = null;
    const driver = this.driver;
    this.driver = null;
    this.target = null;
    if (driver) await driver.close().catch(() => undefined);
    this.current = { ...this.current, state: 'disconnected' };
  }
}

function describeConnectError(error: unknown, target: Neo4jTarget): ApiError {
  const apiError = toApiError(error);
  const message = String((error as { message?: unknown })?.message ?? '');
  if (apiError.code === 'DB_UNAVAILABLE' || apiError.code === 'INTERNAL') {
    if (/SSL|TLS|certificate|EPROTO/i.test(message)) {
      return new ApiError({
        code: 'DB_UNAVAILABLE',
        message: `Could not open an encrypted connection to ${target.uri}.`,
        hint: 'The server may not use TLS (try bolt:// or neo4j://), or its certificate is self-signed (try the +ssc scheme).',
      });
    }
    if (/routing|discovery/i.test(message) || /^neo4j(\+s|\+ssc)?:/.test(target.uri) && apiError.code === 'DB_UNAVAILABLE') {
      return new ApiError({
        code: 'DB_UNAVAILABLE',
        message: `No Neo4j answered at ${target.uri}.`,
        hint: 'Check the host and port and that the database runs; a single server also answers on bolt://.',
      });
    }
    if (apiError.code === 'DB_UNAVAILABLE') {
      return new ApiError({
        code: 'DB_UNAVAILABLE',
        message: `No Neo4j answered at ${target.uri}.`,
        hint: 'Check the host and port and that the database is running; for the local database run "npm run db:start".',
      });
    }
  }
  return apiError;
}
