/**
 * The one place that starts, watches and stops Schakel's managed local Neo4j. The desktop app, the
 * browser-mode server, the CLI (`npm run db:*`) and the tests all go through these functions.
 *
 * Layout: Neo4j's home is `<dataDir>/neo4j/` (database under `data/`, Neo4j's logs under `logs/`), the
 * JVM's own output goes to `launcher.log` beside it, and `schakel-local.json` records the running
 * instance. The JVM is detached: it outlives the process that started it until someone calls
 * `stopLocalNeo4j` (the desktop app and tests do so explicitly).
 *
 * Port policy: an explicitly requested port (`port` option or SCHAKEL_NEO4J_PORT) is used or the start
 * fails with a clear message; the default 7687, when taken by another program, is replaced by a free
 * port chosen by the OS, and the progress callback says so. The actual port is in the returned bolt URI.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { estimatedPercent, reportPercentages } from './progress';
import { LocalNeo4jError } from './errors';
import { withFileLock } from './file-lock';
import { checkJava } from './java-toolchain';
import { ensureLauncherBuilt, launcherClasspath } from './launcher-build';
import { instancePaths, resolveDataDir, type InstancePaths } from './paths';
import {
  findFreePort,
  findLauncherPids,
  isOurLauncher,
  isPidAlive,
  isPortAnswering,
  isPortFree,
  LOOPBACK,
  sleep,
  waitForPidExit,
} from './process-utils';
import { readState, removeState, writeState, type InstanceState } from './state-file';

export { LocalNeo4jError, type LocalNeo4jErrorCode } from './errors';
export { ensureLauncherBuilt } from './launcher-build';
export { resolveDataDir, instancePaths } from './paths';

export const DEFAULT_BOLT_PORT = 7687;
const DEFAULT_HEAP = '1g';
const DEFAULT_PAGE_CACHE = '512m';
const DEFAULT_START_TIMEOUT_MS = 180_000;
const DEFAULT_STOP_TIMEOUT_MS = 60_000;
const READY_PREFIX = 'SCHAKEL_NEO4J_READY ';
const ERROR_PREFIX = 'SCHAKEL_NEO4J_ERROR ';
const LAUNCHER_CLASS = 'be.schakel.localneo4j.LocalNeo4j';

export interface LocalNeo4jInfo {
  running: boolean;
  boltUri?: string;
  pid?: number;
  port?: number;
  dataDir: string;
  startedAt?: string;
  /** Where the JVM's output goes; Neo4j's own logs are in `logs/` beside it. */
  logFile?: string;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  timeoutMs?: number;
  onProgress?: (line: string) => void;
}

export async function startLocalNeo4j(opts: StartOptions = {}): Promise<LocalNeo4jInfo & { alreadyRunning: boolean }> {
  const paths = instancePaths(path.resolve(opts.dataDir ?? resolveDataDir()));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const memory = memorySettings();
  const requestedPort = opts.port ?? portFromEnv();
  fs.mkdirSync(paths.home, { recursive: true });

  // Fast path without building or locking: it is already up.
  const existing = await inspectInstance(paths);
  if (existing.kind === 'running') return { ...toInfo(paths, existing.state, true), alreadyRunning: true };

  await ensureLauncherBuilt({ onProgress: opts.onProgress });

  return withFileLock(
    paths.lockFile,
    {
      timeoutMs: timeoutMs + DEFAULT_STOP_TIMEOUT_MS,
      timeoutError: () =>
        new LocalNeo4jError(
          'start-busy',
          `Another process has been starting or stopping the local Neo4j in ${paths.dataDir} for too long.`,
          `Check "npm run db:status"; if nothing is running, remove ${paths.lockFile} and try again.`,
        ),
      onWait: () => opts.onProgress?.('Another process is starting or stopping this local Neo4j; waiting for it…'),
    },
    async () => {
      // Re-check under the lock: a concurrent caller may have started it meanwhile.
      const current = await inspectInstance(paths);
      if (current.kind === 'running') return { ...toInfo(paths, current.state, true), alreadyRunning: true };
      if (current.kind === 'starting') {
        const ready = await waitForPort(current.state, timeoutMs);
        if (ready) return { ...toInfo(paths, current.state, true), alreadyRunning: true };
        throw new LocalNeo4jError(
          'start-failed',
          `A local Neo4j for ${paths.dataDir} is running (pid ${current.state.pid}) but does not answer on port ${current.state.port}.`,
          `Stop it with "npm run db:stop" and start again; see ${paths.launcherLog} and ${paths.neo4jLogsDir}/debug.log.`,
        );
      }
      if (current.kind === 'stale') {
        opts.onProgress?.(`Removing stale state from a previous run (pid ${current.state.pid} is gone).`);
        removeState(paths.stateFile);
      }
      return launchWithPortPolicy(paths, requestedPort, memory, timeoutMs, opts.onProgress);
    },
  );
}

export async function stopLocalNeo4j(opts: { dataDir?: string; timeoutMs?: number } = {}): Promise<{ wasRunning: boolean }> {
  const paths = instancePaths(path.resolve(opts.dataDir ?? resolveDataDir()));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  if (!fs.existsSync(paths.home)) return { wasRunning: false };
  return withFileLock(
    paths.lockFile,
    {
      timeoutMs: timeoutMs + DEFAULT_START_TIMEOUT_MS,
      timeoutError: () =>
        new LocalNeo4jError(
          'start-busy',
          `Another process has been starting or stopping the local Neo4j in ${paths.dataDir} for too long.`,
          `Try again later; if nothing is running, remove ${paths.lockFile}.`,
        ),
    },
    async () => {
      const state = readState(paths.stateFile);
      const pids = new Set<number>(findLauncherPids(paths.home));
      if (state && isPidAlive(state.pid) && isOurLauncher(state.pid, paths.home) !== false) pids.add(state.pid);
      for (const pid of pids) await terminate(pid, timeoutMs);
      removeState(paths.stateFile);
      return { wasRunning: pids.size > 0 };
    },
  );
}

export async function localNeo4jStatus(opts: { dataDir?: string } = {}): Promise<LocalNeo4jInfo> {
  const paths = instancePaths(path.resolve(opts.dataDir ?? resolveDataDir()));
  const instance = await inspectInstance(paths);
  if (instance.kind === 'running') return toInfo(paths, instance.state, true);
  return { running: false, dataDir: paths.dataDir, logFile: paths.launcherLog };
}

// ---------------------------------------------------------------------------------------------------

type InstanceView =
  | { kind: 'none' }
  | { kind: 'stale'; state: InstanceState }
  | { kind: 'starting'; state: InstanceState }
  | { kind: 'running'; state: InstanceState };

/** What the state file says, checked against reality (pid alive, really our JVM, Bolt port answering). */
async function inspectInstance(paths: InstancePaths): Promise<InstanceView> {
  const state = readState(paths.stateFile);
  if (!state) return { kind: 'none' };
  if (!isPidAlive(state.pid) || isOurLauncher(state.pid, paths.home) === false) return { kind: 'stale', state };
  return (await isPortAnswering(state.port)) ? { kind: 'running', state } : { kind: 'starting', state };
}

function toInfo(paths: InstancePaths, state: InstanceState, running: boolean): LocalNeo4jInfo {
  return {
    running,
    boltUri: state.boltUri,
    pid: state.pid,
    port: state.port,
    dataDir: paths.dataDir,
    startedAt: state.startedAt,
    logFile: paths.launcherLog,
  };
}

interface MemorySettings {
  heap: string;
  pageCache: string;
}

function memorySettings(env: NodeJS.ProcessEnv = process.env): MemorySettings {
  const heap = env.SCHAKEL_NEO4J_HEAP?.trim() || DEFAULT_HEAP;
  const pageCache = env.SCHAKEL_NEO4J_PAGECACHE?.trim() || DEFAULT_PAGE_CACHE;
  for (const [name, value] of [
    ['SCHAKEL_NEO4J_HEAP', heap],
    ['SCHAKEL_NEO4J_PAGECACHE', pageCache],
  ] as const) {
    if (!/^\d+[kmg]?$/i.test(value)) {
      throw new LocalNeo4jError('bad-config', `${name}="${value}" is not a memory size.`, `Use a size such as 512m or 2g, or unset ${name}.`);
    }
  }
  return { heap, pageCache };
}

function portFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SCHAKEL_NEO4J_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LocalNeo4jError('bad-config', `SCHAKEL_NEO4J_PORT="${raw}" is not a port number.`, 'Use a number between 1024 and 65535, or unset it.');
  }
  return port;
}

function portInUseError(port: number): LocalNeo4jError {
  return new LocalNeo4jError(
    'port-in-use',
    `Port ${port} on ${LOOPBACK} is already in use by another program, so the local Neo4j cannot listen there.`,
    'Choose another port (--port N or SCHAKEL_NEO4J_PORT), or stop the program using it. ' +
      'Leave the port unset to let Schakel pick a free one.',
  );
}

/** Explicit port: use it or fail. Default port: fall back to a free one, retrying if we lose a race for it. */
async function launchWithPortPolicy(
  paths: InstancePaths,
  requestedPort: number | undefined,
  memory: MemorySettings,
  timeoutMs: number,
  onProgress?: (line: string) => void,
): Promise<LocalNeo4jInfo & { alreadyRunning: boolean }> {
  if (requestedPort !== undefined) {
    if (!(await isPortFree(requestedPort))) throw portInUseError(requestedPort);
    return launch(paths, requestedPort, memory, timeoutMs, onProgress);
  }
  let port = DEFAULT_BOLT_PORT;
  if (!(await isPortFree(port))) {
    port = await findFreePort();
    onProgress?.(`Port ${DEFAULT_BOLT_PORT} is taken by another program; using port ${port} instead.`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(paths, port, memory, timeoutMs, onProgress);
    } catch (error) {
      if (!(error instanceof LocalNeo4jError && error.code === 'port-in-use') || attempt >= 3) throw error;
      port = await findFreePort();
      onProgress?.(`That port was taken meanwhile; trying port ${port}.`);
    }
  }
}

async function launch(
  paths: InstancePaths,
  port: number,
  memory: MemorySettings,
  timeoutMs: number,
  onProgress?: (line: string) => void,
): Promise<LocalNeo4jInfo & { alreadyRunning: boolean }> {
  const { java } = checkJava();
  const args = [
    `-Xms${memory.heap}`,
    `-Xmx${memory.heap}`,
    // The same flags Neo4j's own server scripts pass (NIO internals used by the page cache and Bolt).
    '--add-opens', 'java.base/java.nio=ALL-UNNAMED',
    '--add-opens', 'java.base/java.io=ALL-UNNAMED',
    '--add-opens', 'java.base/sun.nio.ch=ALL-UNNAMED',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp', launcherClasspath(),
    LAUNCHER_CLASS,
    '--home', paths.home,
    '--port', String(port),
    '--page-cache', memory.pageCache,
  ];

  fs.appendFileSync(paths.launcherLog, `\n=== ${new Date().toISOString()} starting on port ${port} (heap ${memory.heap}, page cache ${memory.pageCache})\n`);
  const logOffset = fs.statSync(paths.launcherLog).size;
  const logFd = fs.openSync(paths.launcherLog, 'a');
  onProgress?.(`Starting Neo4j on ${LOOPBACK}:${port} (data in ${paths.home})…`);
  // Output goes to a file, not a pipe: the JVM must keep running after this process exits, and a pipe
  // whose reader is gone would break its stdout.
  const child = spawn(java, args, { cwd: paths.home, detached: true, stdio: ['ignore', logFd, logFd], windowsHide: true });
  fs.closeSync(logFd);
  let exitDescription: string | undefined;
  child.once('exit', (code, signal) => {
    exitDescription = signal ? `stopped by ${signal}` : `exit code ${code}`;
  });
  const spawnFailure = new Promise<string>((resolve) => child.once('error', (error) => resolve(error.message)));
  child.unref();

  const pid = child.pid;
  if (pid === undefined) {
    throw new LocalNeo4jError('start-failed', `Java could not be started (${await spawnFailure}).`, 'Check that Java 17+ is installed and on PATH, or set JAVA_HOME.');
  }
  const bootState: InstanceState = { pid, port, boltUri: `bolt://${LOOPBACK}:${port}`, startedAt: new Date().toISOString() };
  // Recorded at once so a crash of *this* process mid-start still leaves the JVM findable and stoppable.
  writeState(paths.stateFile, bootState);

  const startedAt = Date.now();
  const expectedMs = previousStartMs(paths) ?? FIRST_START_ESTIMATE_MS;
  const stopReporting = reportPercentages(
    () => estimatedPercent(Date.now() - startedAt, expectedMs),
    (percent) => onProgress?.(`  starting Neo4j: about ${percent} %`),
  );
  const outcome = await waitForLauncherOutcome(paths.launcherLog, logOffset, timeoutMs, () => exitDescription).finally(stopReporting);
  if (outcome.kind === 'ready') rememberStartMs(paths, Date.now() - startedAt);
  if (outcome.kind === 'ready') {
    const state: InstanceState = { ...bootState, boltUri: outcome.boltUri, startedAt: new Date().toISOString() };
    writeState(paths.stateFile, state);
    return { ...toInfo(paths, state, true), alreadyRunning: false };
  }

  // Failed: make sure no half-started JVM lingers and no state points at it.
  if (isPidAlive(pid)) await terminate(pid, 30_000);
  removeState(paths.stateFile);
  throw launchError(outcome, paths, port, timeoutMs);
}

/** A first start creates the store and indexes; later starts on the same machine take about as long as the last. */
const FIRST_START_ESTIMATE_MS = 30_000;
const startTimeFile = (paths: InstancePaths) => path.join(paths.home, 'schakel-last-start-ms');

function previousStartMs(paths: InstancePaths): number | undefined {
  try {
    const ms = Number(fs.readFileSync(startTimeFile(paths), 'utf8'));
    return Number.isFinite(ms) && ms > 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

function rememberStartMs(paths: InstancePaths, ms: number): void {
  try {
    fs.writeFileSync(startTimeFile(paths), String(ms));
  } catch {
    // Only an estimate for the next start's progress line.
  }
}

type LauncherOutcome =
  | { kind: 'ready'; boltUri: string }
  | { kind: 'error'; errorKind: string; detail: string }
  | { kind: 'exited'; how: string }
  | { kind: 'timeout' };

/** Follows the launcher log from `offset` until the READY or ERROR line, the JVM's exit, or the timeout. */
async function waitForLauncherOutcome(
  logFile: string,
  offset: number,
  timeoutMs: number,
  exited: () => string | undefined,
): Promise<LauncherOutcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = readFrom(logFile, offset).split(/\r?\n/);
    for (const line of lines) {
      if (line.startsWith(READY_PREFIX)) return { kind: 'ready', boltUri: line.slice(READY_PREFIX.length).trim() };
      if (line.startsWith(ERROR_PREFIX)) {
        const body = line.slice(ERROR_PREFIX.length);
        const colon = body.indexOf(':');
        return { kind: 'error', errorKind: colon > 0 ? body.slice(0, colon) : 'startup-failed', detail: body.slice(colon + 1).trim() };
      }
    }
    const how = exited();
    // Read once more after exit so a final line written just before exiting is not missed.
    if (how !== undefined && !readFrom(logFile, offset).includes('SCHAKEL_NEO4J_')) return { kind: 'exited', how };
    if (Date.now() >= deadline) return { kind: 'timeout' };
    await sleep(250);
  }
}

function readFrom(file: string, offset: number): string {
  try {
    const buffer = fs.readFileSync(file);
    return buffer.subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function launchError(outcome: Exclude<LauncherOutcome, { kind: 'ready' }>, paths: InstancePaths, port: number, timeoutMs: number): LocalNeo4jError {
  const logs = `${paths.launcherLog} and ${path.join(paths.neo4jLogsDir, 'debug.log')}`;
  switch (outcome.kind) {
    case 'timeout':
      return new LocalNeo4jError(
        'start-timeout',
        `The local Neo4j did not become ready within ${Math.round(timeoutMs / 1000)} seconds.`,
        `See ${logs}. A large database may need longer: try again, it continues where it left off.`,
      );
    case 'exited':
      return new LocalNeo4jError(
        'start-failed',
        `The local Neo4j stopped during startup (${outcome.how}).`,
        `See ${logs}. If it ran out of memory, raise SCHAKEL_NEO4J_HEAP (e.g. 2g).`,
      );
    case 'error':
      if (outcome.errorKind === 'port-in-use') return portInUseError(port);
      if (outcome.errorKind === 'store-locked') {
        const others = findLauncherPids(paths.home);
        return new LocalNeo4jError(
          'store-locked',
          `The database in ${paths.home} is in use by another running Neo4j process${others.length ? ` (pid ${others.join(', ')})` : ''}.`,
          'Close the other Schakel window or server using this data folder, or run "npm run db:stop"; ' +
            'if another Neo4j uses the folder, stop it first, or set SCHAKEL_DATA_DIR to use another folder.',
        );
      }
      return new LocalNeo4jError('start-failed', `The local Neo4j could not start: ${outcome.detail}`, `See ${logs}.`);
  }
}

async function waitForPort(state: InstanceState, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isPidAlive(state.pid)) {
    if (await isPortAnswering(state.port)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(500);
  }
  return false;
}

/** SIGTERM lets the JVM's shutdown hook close the store cleanly; SIGKILL only if it will not stop. */
async function terminate(pid: number, timeoutMs: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  if (await waitForPidExit(pid, timeoutMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  if (!(await waitForPidExit(pid, 10_000))) {
    throw new LocalNeo4jError(
      'stop-failed',
      `The local Neo4j (pid ${pid}) did not stop.`,
      `End process ${pid} with your system's task manager, then try again.`,
    );
  }
}
