// Wires identity, the audit log and annotations into one workbench, so backend/workbench.ts needs only a
// few lines: create this, spread its handlers, wrap the handler table once, decorate the status.
import path from 'node:path';
import type { Role } from '../../contract/annotations';
import type { ConnectionStatus, WorkbenchHandlers } from '../../contract/api';
import { resolveDataDir } from '../../local-neo4j/paths';
import { AuditLog } from '../audit/audit-log';
import { auditKeyFile } from '../audit/keys';
import { Reachability } from '../audit/reachability';
import { withAudit } from '../audit/with-audit';
import type { DatabaseConnection } from '../connection';
import { IdentityService } from '../identity/identity';
import { withIdentity, withIdentityStatus } from '../identity/with-identity';
import { createAnnotationHandlers, type AnnotationHandlers } from './handlers';
import { AnnotationService, isUnreachable } from './service';

export interface AccountabilityOptions {
  connection: DatabaseConnection;
  /** Settings, the audit journal and pending annotations live here (default: SCHAKEL_DATA_DIR or per-user). */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  identity?: { name?: string; role?: Role };
  userName?: string;
  log?: (message: string) => void;
  /** How often the local journals are retried while the database is away (ms). */
  retryIntervalMs?: number;
}

export interface Accountability {
  identity: IdentityService;
  audit: AuditLog;
  annotations: AnnotationService;
  handlers: AnnotationHandlers;
  /** Applied once to the whole handler table: read-only guard inside, audit outside (refusals are logged). */
  wrap(handlers: WorkbenchHandlers): WorkbenchHandlers;
  status(status: ConnectionStatus): ConnectionStatus;
  /** After a connection was opened outside the handlers (start-up). */
  connected(status: ConnectionStatus): ConnectionStatus;
  close(): Promise<void>;
}

export function createAccountability(options: AccountabilityOptions): Accountability {
  const env = options.env ?? process.env;
  const dataDir = path.resolve(options.dataDir ?? resolveDataDir(env));
  const log = options.log ?? (() => undefined);
  const context = () => options.connection.context();
  const auditContext = () => options.connection.workspaceContext();
  const identity = new IdentityService({ dataDir, env, explicit: options.identity ?? (options.userName ? { name: options.userName } : undefined), databaseUser: () => options.connection.authenticatedUser(), log });
  const reachability = new Reachability(async () => {
    const ctx = context();
    await ctx.driver.getServerInfo({ database: ctx.database });
  });
  // The audit log is Schakel's own record: it goes to the workspace database when the evidence one is read-only.
  const audit = new AuditLog({ context: auditContext, dataDir, keyFile: auditKeyFile(dataDir, env), identity: () => identity.who(), reachability, isUnreachable, log });
  const annotations = new AnnotationService({ context, identity, dataDir, reachability, log });
  audit.startCatchUpTimer(options.retryIntervalMs);
  annotations.startCatchUpTimer(options.retryIntervalMs);

  const catchUp = () => {
    reachability.markUp();
    audit.catchUp().catch(() => 0);
    annotations.catchUp().catch(() => undefined);
  };

  return {
    identity,
    audit,
    annotations,
    handlers: createAnnotationHandlers({ context, auditContext, identity, annotations, audit }),
    wrap(handlers) {
      const wrapped = withAudit(withIdentity(handlers, identity), audit, log);
      // A (re)connection is the moment to write what waited locally.
      for (const operation of ['connect', 'useLocalDatabase', 'openDemo'] as const) {
        const open = wrapped[operation] as (request: unknown) => Promise<ConnectionStatus>;
        (wrapped as Record<string, unknown>)[operation] = async (request: unknown) => {
          const status = await open(request);
          if (status.state === 'connected') catchUp();
          return status;
        };
      }
      return wrapped;
    },
    status: (status) => withIdentityStatus(status, identity),
    connected(status) {
      if (status.state === 'connected') catchUp();
      return withIdentityStatus(status, identity);
    },
    async close() {
      await Promise.all([audit.close(), annotations.close()]);
    },
  };
}
