// Owns the drivers of this process (the evidence database and, when configured, a separate workspace
// database for Schakel's own records) and the state the status bar shows. Switching databases replaces
// the old drivers only after the new ones answered, so a typo in the connection dialog never drops a
// working connection; the old ones are closed once what was running on them has finished.
import type { Driver } from 'neo4j-driver';
import { ApiError, type ConnectionStatus } from '../contract/api';
import { checkUri, createDriver, type Neo4jTarget } from '../graph-queries/driver';
import { applyMigrations, checkSchema, schemaIsCurrent, type SchemaCheck } from '../graph-queries/migrations';
import { currentDatabaseUser, type AuthenticatedUser } from '../graph-queries/current-user';
import type { QueryContext } from '../graph-queries/run';
import { trackDriverUse, type DriverInUse } from './driver-in-use';
import { toApiError } from './errors';

/** At shutdown, how long queries still running may take before they are failed and their driver closed. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * 'auto' applies missing migrations at connect (needs schema rights; the managed local Neo4j has them) and
 * falls back to a check when the login may not change the schema. 'check' only reads what is missing.
 */
export type MigrationPolicy = 'auto' | 'check';

export interface OpenOptions {
  migrations?: MigrationPolicy;
  /** A second database for audit, saved charts and other workspace records; absent: the evidence database. */
  workspace?: Neo4jTarget | null;
}

interface Opened {
  target: Neo4jTarget;
  use: DriverInUse;
}

export class DatabaseConnection {
  /** The evidence database's driver, counting what runs on it. */
  private evidence: DriverInUse | null = null;
  /** Drivers replaced by a switch, still finishing what ran on them. */
  private readonly retiring = new Set<DriverInUse>();
  private target: Neo4jTarget | null = null;
  private authenticated: AuthenticatedUser | null = null;
  private workspace: Opened | null = null;
  private current: ConnectionStatus = { state: 'disconnected', kind: 'local', readOnly: false };

  constructor(private readonly options: { shutdownGraceMs?: number } = {}) {}

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
    if (!this.evidence || this.current.state === 'error' || this.current.state === 'disconnected') {
      throw new ApiError({
        code: 'DB_UNAVAILABLE',
        message: this.current.message ?? 'Schakel is not connected to a Neo4j database.',
        hint: this.current.hint ?? 'Open "Connection…" to connect, or start the local database with "npm run db:start".',
      });
    }
    return { driver: this.evidence.driver, database: this.target?.database };
  }

  /** Where Schakel's own records go: the workspace database when one is configured, else the evidence one. */
  workspaceContext(): QueryContext {
    const evidence = this.context();
    return this.workspace ? { driver: this.workspace.use.driver, database: this.workspace.target.database } : evidence;
  }

  hasSeparateWorkspace(): boolean {
    return this.workspace !== null;
  }

  /** Connection changes run one at a time: a click on Connect during start-up waits for start-up. */
  private queue: Promise<unknown> = Promise.resolve();

  open(target: Neo4jTarget, kind: 'local' | 'remote', options: OpenOptions = {}): Promise<ConnectionStatus> {
    const next = this.queue.then(() => this.openNow(target, kind, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async openNow(target: Neo4jTarget, kind: 'local' | 'remote', options: OpenOptions): Promise<ConnectionStatus> {
    checkUri(target.uri);
    if (options.workspace) checkUri(options.workspace.uri);
    const previous = { ...this.current };
    this.current = { ...previous, state: 'connecting', uri: target.uri, kind };
    const driverUse = trackDriverUse(createDriver(target));
    const workspaceUse = options.workspace ? trackDriverUse(createDriver(options.workspace)) : null;
    const driver = driverUse.driver;
    const workspaceDriver = workspaceUse?.driver ?? null;
    try {
      const info = await driver.getServerInfo({ database: target.database });
      const policy = options.migrations ?? 'auto';
      // A read-only evidence database falls back to the check (auto mode) when the login may not migrate it.
      await ensureSchema(driver, target, policy);
      if (workspaceDriver && options.workspace) {
        await workspaceDriver.getServerInfo({ database: options.workspace.database });
        await ensureSchema(workspaceDriver, options.workspace, policy);
      }
      const authenticated = await currentDatabaseUser(driver);
      for (const replaced of this.detach()) this.retire(replaced);
      this.evidence = driverUse;
      this.target = target;
      this.authenticated = authenticated;
      this.workspace = workspaceUse && options.workspace ? { target: options.workspace, use: workspaceUse } : null;
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
      await driverUse.closeWhenIdle(0);
      await workspaceUse?.closeWhenIdle(0);
      const apiError = describeConnectError(error, target);
      // Keep a working connection if there was one; otherwise show why there is none.
      this.current = this.evidence ? previous : { state: 'error', uri: target.uri, kind, readOnly: false, message: apiError.message, hint: apiError.hint };
      throw apiError;
    }
  }

  /** The user the connected server authenticated (null without authentication), with its roles if any. */
  authenticatedUser(): AuthenticatedUser | null {
    return this.evidence ? this.authenticated : null;
  }

  /** Closes every driver: what is still running gets a few seconds to finish, then fails. */
  async close(): Promise<void> {
    const uses = [...this.detach(), ...this.retiring];
    this.current = { ...this.current, state: 'disconnected' };
    await Promise.all(uses.map((use) => use.closeWhenIdle(this.options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS)));
  }

  /** Takes the current drivers out of use (new requests get none of them) and hands them back. */
  private detach(): DriverInUse[] {
    const uses = [this.evidence, this.workspace?.use].filter((use): use is DriverInUse => use !== null && use !== undefined);
    this.authenticated = null;
    this.evidence = null;
    this.target = null;
    this.workspace = null;
    return uses;
  }

  /** Closes a replaced driver once what runs on it (a search, an audit shipment, an import) has finished. */
  private retire(use: DriverInUse): void {
    this.retiring.add(use);
    void use.closeWhenIdle(Number.POSITIVE_INFINITY).finally(() => this.retiring.delete(use));
  }
}

const NO_SCHEMA_RIGHTS = /Security\.(Forbidden|Unauthorized)|PermissionDenied/i;

async function ensureSchema(driver: Driver, target: Neo4jTarget, policy: MigrationPolicy): Promise<void> {
  if (policy === 'auto') {
    try {
      await applyMigrations(driver, target.database);
      return;
    } catch (error) {
      // An analyst login without schema rights: say what is missing rather than fail on a privilege error.
      if (!NO_SCHEMA_RIGHTS.test(String((error as { code?: unknown }).code ?? ''))) throw error;
    }
  }
  const check = await checkSchema(driver, target.database);
  if (!schemaIsCurrent(check)) throw schemaOutdated(check, target);
}

export function schemaOutdated(check: SchemaCheck, target: Neo4jTarget): ApiError {
  const where = target.database ? `database "${target.database}" at ${target.uri}` : target.uri;
  const pending = check.pending.map((m) => `${m.version} (${m.description})`);
  const parts = [
    pending.length ? `migrations ${pending.join(', ')}` : '',
    check.missing.length ? `indexes/constraints ${check.missing.slice(0, 12).join(', ')}${check.missing.length > 12 ? ` and ${check.missing.length - 12} more` : ''}` : '',
  ].filter(Boolean);
  return new ApiError({
    code: 'DB_SCHEMA_OUTDATED',
    message: `The Neo4j ${where} lacks Schakel's schema (version ${check.version} of ${check.latest}): ${parts.join('; ')}.`,
    hint: `An administrator with schema rights must run "npm run db:migrate" against it (NEO4J_URI=${target.uri}${target.database ? ` NEO4J_DATABASE=${target.database}` : ''}); then connect again.`,
  });
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
