// The backend service: one instance per process, bound to either transport. It decides which database to
// use (NEO4J_URI, the connection dialog, or the managed local Neo4j), and implements every operation of
// the contract on top of graph-queries.
import { ApiError, type ConnectionStatus, type WorkbenchHandlers } from '../contract/api';
import type { Neo4jTarget } from '../graph-queries/driver';
import { expandEntities } from '../graph-queries/expand';
import { anprTrack } from '../graph-queries/anpr-track';
import { configuredMapTiles, mapTileOrigin } from './map-settings';
import { getEntityDetails } from '../graph-queries/entity';
import { searchEntities } from '../graph-queries/search';
import { databaseSummary } from '../graph-queries/summary';
import { connectingNetwork, findPaths } from '../graph-queries/paths';
import { listCases, partitionExisting } from '../graph-queries/cases';
import * as charts from '../graph-queries/charts';
import { parseChartFile } from './chart-file';
import { randomUUID } from 'node:crypto';
import { interpretQuery } from '../identifiers';
import { startLocalNeo4j, stopLocalNeo4j, LocalNeo4jError } from '../local-neo4j/manager';
import { demoDataDir, hasLocalDatabase, loadDemoInto, type DemoMode } from './demo-database';
import { resolveDataDir } from '../local-neo4j/paths';
import { DatabaseConnection, type MigrationPolicy } from './connection';
import { enterpriseSettingsFromEnv, targetFromEnv, workspaceTargetFromEnv } from './connection-env';
import type { CredentialStore } from './credentials';
import { toApiError } from './errors';
import { createAccountability } from './annotations/setup';
import type { Role } from '../contract/annotations';
import type { AuditSink } from './audit-sink';
import { createWorkbenchExports } from './exports/index';
import { createResolutionHandlers } from '../resolution/handlers';
import { runResolution } from '../resolution/run-in-database';
import { createImports, defaultImportsDir } from './imports/index';
import { createQueryTemplateHandlers } from './query-templates';

export type { CredentialStore } from './credentials';

export interface WorkbenchOptions {
  /** An explicit database; otherwise NEO4J_URI from the environment; otherwise the managed local Neo4j. */
  neo4j?: Neo4jTarget;
  env?: NodeJS.ProcessEnv;
  credentialStore?: CredentialStore;
  /** Data directory of the managed local Neo4j (default: SCHAKEL_DATA_DIR or the per-user directory). */
  localDataDir?: string;
  /** When the demo investigation (in its own database) is shown; default 'offer' (see backend/demo-database.ts). */
  demo?: DemoMode;
  /** The database that holds the demo (tests); default: a local Neo4j in `<data dir>/demo-investigation`. */
  demoTarget?: Neo4jTarget;
  log?: (message: string) => void;
  /** Who is working: stamped on saved charts (and, later, every write). Default: the OS user. */
  userName?: string;
  /** Who is working and their role (read-only is enforced in the backend); else SCHAKEL_ROLE, settings.json. */
  identity?: { name?: string; role?: Role };
  /** Records disclosures (exports); without one they go to `<exports folder>/disclosures.jsonl`. */
  audit?: AuditSink;
  /** Where court exports are written (default: `<data dir>/exports`). */
  exportsDir?: string;
  /** Where imported files and their rejects files are kept (default: `<data dir>/imports`). */
  importsDir?: string;
}

export interface Workbench {
  handlers: WorkbenchHandlers;
  /** The configured map server's origin, which the page's CSP must admit; undefined by default. */
  mapTileOrigin(): string | undefined;
  start(): Promise<ConnectionStatus>;
  shutdown(): Promise<void>;
  status(): ConnectionStatus;
}

function chartNotFound(id: string): ApiError {
  return new ApiError({ code: 'NOT_FOUND', message: `No saved chart with id "${id}" exists.`, hint: 'It may have been deleted by a colleague; refresh the list of charts.' });
}

export { targetFromEnv } from './connection-env';

/** SCHAKEL_MIGRATIONS=check: never change the schema at connect, only say what is missing. */
function migrationPolicy(env: NodeJS.ProcessEnv): MigrationPolicy {
  return env.SCHAKEL_MIGRATIONS?.trim().toLowerCase() === 'check' ? 'check' : 'auto';
}

export function createWorkbench(options: WorkbenchOptions = {}): Workbench {
  const env = options.env ?? process.env;
  const log = options.log ?? ((message: string) => console.log(`[schakel] ${message}`));
  const connection = new DatabaseConnection();
  // Identity, role guard, audit log and annotations: backend/annotations/setup.ts.
  const accountability = createAccountability({ connection, dataDir: options.localDataDir, env, identity: options.identity, userName: options.userName, log });
  const userName = () => accountability.identity.name();
  const exportOperations = createWorkbenchExports({
    exportsDir: options.exportsDir,
    dataDir: options.localDataDir,
    env,
    currentUser: userName,
    audit: options.audit ?? accountability.audit,
    database: async () => ({ summary: await databaseSummary(connection.context()), status: connection.status() }),
  });
  // Imports started from the app run in the background here (backend/imports); resolution follows each one.
  const imports = createImports({
    importsDir: options.importsDir ?? defaultImportsDir(options.localDataDir, env),
    context: () => connection.context(),
    resolve: (ctx) => runResolution(ctx),
    audit: options.audit ?? accountability.audit,
    log,
  });

  const mainDataDir = options.localDataDir ?? resolveDataDir(env);
  /** Local instances this process started (the main one, the demo one), stopped on switch and shutdown. */
  const startedLocalDirs = new Map<string, string | undefined>();
  let showingDemo = false;

  async function stopOtherLocal(keep?: string): Promise<void> {
    for (const dir of [...startedLocalDirs.keys()].filter((dir) => dir !== keep)) {
      await stopLocalNeo4j({ dataDir: dir }).catch((error: unknown) => log(`Could not stop the local Neo4j in ${dir}: ${(error as Error).message}`));
      startedLocalDirs.delete(dir);
    }
  }

  async function openLocal(dataDir: string = mainDataDir): Promise<ConnectionStatus> {
    const previousState = connection.status();
    connection.setStatus({ state: 'starting-local', kind: 'local', readOnly: false });
    try {
      if ([...startedLocalDirs.keys()].some((dir) => dir !== dataDir)) {
        // Only one managed instance runs at a time (main or demo): the other one is stopped first.
        await connection.close();
        await stopOtherLocal(dataDir);
      }
      const local = await startLocalNeo4j({ dataDir, onProgress: log });
      if (!local.alreadyRunning) startedLocalDirs.set(dataDir, local.boltUri);
      // SCHAKEL_NEO4J_AUTH_PASSWORD turns authentication on for the local instance (user neo4j).
      const localAuth = env.SCHAKEL_NEO4J_AUTH_PASSWORD ? { user: 'neo4j', password: env.SCHAKEL_NEO4J_AUTH_PASSWORD } : {};
      // The managed local Neo4j is Schakel's own: it always migrates and keeps everything in one database.
      return await connection.open({ uri: local.boltUri!, ...localAuth }, 'local', { migrations: 'auto' });
    } catch (error) {
      const apiError =
        error instanceof LocalNeo4jError
          ? new ApiError({ code: 'DB_UNAVAILABLE', message: error.message, hint: error.hint })
          : toApiError(error);
      connection.setStatus({ state: 'error', kind: previousState.kind, readOnly: false, message: apiError.message, hint: apiError.hint });
      throw apiError;
    }
  }

  async function openDemo(): Promise<ConnectionStatus> {
    const demoDir = demoDataDir(mainDataDir);
    showingDemo = false;
    if (options.demoTarget) await stopOtherLocal();
    const status = options.demoTarget ? await openRemote(options.demoTarget) : await openLocal(demoDir);
    log(`Opening the demo investigation in its own database (${options.demoTarget ? options.demoTarget.uri : demoDir}); your own database is not touched.`);
    await loadDemoInto(connection.context(), { dataDir: demoDir, log });
    showingDemo = true;
    return { ...status, demo: true };
  }

  async function openAtStart(target: Neo4jTarget | null): Promise<ConnectionStatus> {
    const mode = options.demo ?? 'offer';
    if (mode === 'open' || (mode === 'open-when-new' && !target && !hasLocalDatabase(mainDataDir))) {
      if (mode === 'open-when-new') log(`No database of your own in ${mainDataDir} yet: showing the demo investigation from ${demoDataDir(mainDataDir)}.`);
      return openDemo();
    }
    return target ? openRemote(target) : openLocal();
  }

  async function openRemote(target: Neo4jTarget): Promise<ConnectionStatus> {
    showingDemo = false;
    const remembered = !target.password && options.credentialStore ? await options.credentialStore.load(target.uri) : null;
    const evidence = { ...enterpriseSettingsFromEnv(env), ...target, ...(remembered ?? {}) };
    return connection.open(evidence, 'remote', { migrations: migrationPolicy(env), workspace: workspaceTargetFromEnv(env, evidence) });
  }

  /** `bolt://localhost:7687` and `neo4j://127.0.0.1:7687` reach the same local instance. */
  function sameServer(a: string, b: string): boolean {
    const hostPort = (uri: string) => {
      try {
        const url = new URL(uri);
        const host = url.hostname.replace(/^\[|\]$/g, '');
        return `${['localhost', '127.0.0.1', '::1'].includes(host) ? 'loopback' : host}:${url.port || '7687'}`;
      } catch {
        return uri;
      }
    };
    return hostPort(a) === hostPort(b);
  }

  const handlers: WorkbenchHandlers = {
    async getConnectionStatus() {
      return { ...connection.status(), demo: showingDemo };
    },
    async connect(request) {
      // The local Neo4j keeps running until the other database has answered: a typo in the dialog must leave
      // the analyst with the database they had, not with a connection to a server that was just stopped.
      const status = await openRemote({ uri: request.uri, user: request.user, password: request.password, database: request.database });
      const reached = [...startedLocalDirs].find(([, boltUri]) => boltUri !== undefined && sameServer(boltUri, request.uri))?.[0];
      await stopOtherLocal(reached);
      if (request.rememberPassword) {
        if (!options.credentialStore) {
          throw new ApiError({
            code: 'BAD_REQUEST',
            message: 'Connected, but the password was not remembered: browser mode has no secure keychain.',
            hint: 'Use the desktop app to remember passwords, or set NEO4J_PASSWORD in the environment.',
          });
        }
        await options.credentialStore.save(request.uri, request.user, request.password);
      }
      return status;
    },
    async useLocalDatabase() {
      showingDemo = false;
      return openLocal();
    },
    async openDemo() {
      return openDemo();
    },
    async search(request) {
      const interpretations = interpretQuery(request.query).map(({ kind, value }) => ({ kind, value }));
      const hits = await searchEntities(connection.context(), { ...request, interpretations });
      return { hits, interpretations };
    },
    async getEntity(request) {
      const details = await getEntityDetails(connection.context(), request.id);
      if (!details) {
        throw new ApiError({ code: 'NOT_FOUND', message: `No entity with id "${request.id}" exists.`, hint: 'It may have been deleted; search for it again.' });
      }
      return details;
    },
    async expand(request) {
      return expandEntities(connection.context(), request);
    },
    async getDatabaseSummary() {
      return databaseSummary(connection.context());
    },
    async listCases() {
      return { cases: await listCases(connection.context()) };
    },
    async findPaths(request) {
      return findPaths(connection.context(), request);
    },
    async connectingNetwork(request) {
      return connectingNetwork(connection.context(), request);
    },
    async getAnprTrack(request) {
      const track = await anprTrack(connection.context(), request.id);
      if (!track) {
        throw new ApiError({ code: 'NOT_FOUND', message: `No vehicle with id "${request.id}" exists.`, hint: 'It may have been deleted; search for it again.' });
      }
      return track;
    },
    async getMapSettings() {
      const tiles = configuredMapTiles(mainDataDir, log);
      return tiles ? { tiles } : {};
    },
    async checkEntities(request) {
      return partitionExisting(connection.context(), request.ids);
    },
    async listCharts() {
      return { charts: await charts.listCharts(connection.workspaceContext()) };
    },
    async saveChart(request) {
      return charts.saveChart(connection.workspaceContext(), request.chart, userName(), request.expectedVersion);
    },
    async loadChart(request) {
      const loaded = await charts.loadChart(connection.workspaceContext(), request.id);
      if (!loaded) throw chartNotFound(request.id);
      const ids = loaded.chart.entities.map((entity) => entity.id);
      const { missing } = await partitionExisting(connection.context(), ids);
      return { ...loaded, missing };
    },
    async renameChart(request) {
      const renamed = await charts.renameChart(connection.workspaceContext(), request.id, request.title);
      if (!renamed) throw chartNotFound(request.id);
      return renamed;
    },
    async duplicateChart(request) {
      const loaded = await charts.loadChart(connection.workspaceContext(), request.id);
      if (!loaded) throw chartNotFound(request.id);
      return charts.saveChart(connection.workspaceContext(), { ...loaded.chart, id: `chart-${randomUUID()}`, title: request.title }, userName());
    },
    async deleteChart(request) {
      return { deleted: await charts.deleteChart(connection.workspaceContext(), request.id) };
    },
    async parseChartFile(request) {
      return { chart: parseChartFile(request.text) };
    },
    ...exportOperations,
    ...accountability.handlers,
    ...createResolutionHandlers({ context: () => connection.context(), userName }),
    ...imports.handlers,
    ...createQueryTemplateHandlers({ context: () => connection.context(), workspaceContext: () => connection.workspaceContext(), userName }),
  };

  return {
    handlers: accountability.wrap(handlers),
    mapTileOrigin: () => mapTileOrigin(configuredMapTiles(mainDataDir)),
    status: () => accountability.status({ ...connection.status(), demo: showingDemo }),
    async start() {
      return accountability.connected(await openAtStart(options.neo4j ?? targetFromEnv(env)));
    },
    async shutdown() {
      await imports.jobs.cancelAll();
      await accountability.close();
      await connection.close();
      if (startedLocalDirs.size > 0) log('Stopping the local Neo4j…');
      await stopOtherLocal();
    },
  };
}
