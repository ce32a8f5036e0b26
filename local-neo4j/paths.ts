import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where Schakel keeps its data (local database, settings, logs): `SCHAKEL_DATA_DIR` if set, otherwise the
 * platform's per-user application-data folder.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const explicit = env.SCHAKEL_DATA_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || path.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Schakel');
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Schakel');
  const xdg = env.XDG_DATA_HOME?.trim();
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'schakel');
  return path.join(home, '.local', 'share', 'schakel');
}

/** Files of one managed instance, all under `<dataDir>/neo4j/` (also Neo4j's home directory). */
export interface InstancePaths {
  dataDir: string;
  home: string;
  stateFile: string;
  lockFile: string;
  /** The JVM's stdout/stderr: READY/ERROR lines and anything Neo4j prints outside its own logs. */
  launcherLog: string;
  /** Neo4j's own log directory (debug.log etc.). */
  neo4jLogsDir: string;
}

export function instancePaths(dataDir: string): InstancePaths {
  const home = path.join(dataDir, 'neo4j');
  return {
    dataDir,
    home,
    stateFile: path.join(home, 'schakel-local.json'),
    lockFile: path.join(home, 'schakel-local.lock'),
    launcherLog: path.join(home, 'launcher.log'),
    neo4jLogsDir: path.join(home, 'logs'),
  };
}

/** Files of the Maven-built Java launcher. */
export interface LauncherPaths {
  dir: string;
  pom: string;
  sourceDir: string;
  classesDir: string;
  libDir: string;
  stampFile: string;
  buildLog: string;
  buildLock: string;
}

/**
 * The launcher project sits beside this file. `SCHAKEL_NEO4J_LAUNCHER_DIR` overrides it for packaged
 * builds where the sources live elsewhere (e.g. an Electron resources folder).
 */
export function launcherPaths(env: NodeJS.ProcessEnv = process.env): LauncherPaths {
  const dir = env.SCHAKEL_NEO4J_LAUNCHER_DIR?.trim() || defaultLauncherDir();
  const target = path.join(dir, 'target');
  return {
    dir,
    pom: path.join(dir, 'pom.xml'),
    sourceDir: path.join(dir, 'src'),
    classesDir: path.join(target, 'classes'),
    libDir: path.join(target, 'lib'),
    stampFile: path.join(target, 'schakel-build.stamp'),
    buildLog: path.join(target, 'maven-build.log'),
    buildLock: path.join(dir, '.schakel-build.lock'),
  };
}

function defaultLauncherDir(): string {
  // import.meta.url is missing when this module is bundled to CommonJS; fall back to the repo layout.
  const here = typeof import.meta !== 'undefined' && import.meta.url ? path.dirname(fileURLToPath(import.meta.url)) : undefined;
  return here ? path.join(here, 'launcher') : path.resolve('local-neo4j', 'launcher');
}

/**
 * The trimmed Java runtime made by `npm run runtime:build` (jlink): `SCHAKEL_JAVA_RUNTIME` (set by the
 * packaged app to its resources folder), else `out/java-runtime` in the checkout.
 */
export function bundledJavaRuntimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.SCHAKEL_JAVA_RUNTIME?.trim();
  if (explicit) return explicit;
  return path.join(path.dirname(defaultLauncherDir()), '..', 'out', 'java-runtime');
}
