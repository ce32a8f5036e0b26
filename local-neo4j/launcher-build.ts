import { spawn } from 'node:child_process';
import { mavenBuildPercent, reportPercentages } from './progress';
import fs from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './errors';
import { withFileLock } from './file-lock';
import { checkJava, checkMaven } from './java-toolchain';
import { launcherPaths, type LauncherPaths } from './paths';

const BUILD_TIMEOUT_MS = 20 * 60_000;

/**
 * Compiles the Java launcher and copies Neo4j's jars into `launcher/target/lib` with Maven, unless a
 * previous build is newer than pom.xml and every source file. Checks Java and Maven first so a missing
 * tool gives a clear message instead of a Maven stack trace.
 */
export async function ensureLauncherBuilt(opts: { onProgress?: (line: string) => void } = {}): Promise<void> {
  const paths = launcherPaths();
  checkJava();
  if (isUpToDate(paths)) return;
  await withFileLock(
    paths.buildLock,
    {
      timeoutMs: BUILD_TIMEOUT_MS,
      timeoutError: () =>
        new LocalNeo4jError(
          'build-busy',
          'Another process has been building the local Neo4j launcher for too long.',
          `Wait for it to finish, or remove ${paths.buildLock} if no build is running, then try again.`,
        ),
      onWait: () => opts.onProgress?.('Waiting for another build of the Neo4j launcher to finish…'),
    },
    async () => {
      // Another process may have finished the build while we waited for the lock.
      if (isUpToDate(paths)) return;
      const mvn = checkMaven();
      opts.onProgress?.('Building the local Neo4j launcher with Maven (first time only; downloads Neo4j from Maven Central)…');
      const stopReporting = reportPercentages(
        () => mavenBuildPercent(readLog(paths.buildLog)),
        (percent) => opts.onProgress?.(`  building the Neo4j launcher: ${percent} %`),
      );
      try {
        await runMaven(mvn, paths);
      } finally {
        stopReporting();
      }
      fs.writeFileSync(paths.stampFile, `${new Date().toISOString()}\n`);
      opts.onProgress?.('Neo4j launcher built.');
    },
  );
}

/** The classpath the JVM needs: compiled classes plus every dependency jar. */
export function launcherClasspath(paths: LauncherPaths = launcherPaths()): string {
  return [paths.classesDir, path.join(paths.libDir, '*')].join(path.delimiter);
}

export function isUpToDate(paths: LauncherPaths): boolean {
  // A packaged app ships the built classes and jars without the Maven sources: nothing to rebuild from.
  if (!fs.existsSync(paths.pom) && fs.existsSync(paths.libDir) && fs.existsSync(paths.classesDir)) return true;
  let stampTime: number;
  try {
    stampTime = fs.statSync(paths.stampFile).mtimeMs;
  } catch {
    return false;
  }
  if (!fs.existsSync(paths.libDir) || !fs.existsSync(paths.classesDir)) return false;
  const inputs = [paths.pom, ...listFiles(paths.sourceDir)];
  return inputs.every((file) => fs.statSync(file).mtimeMs <= stampTime);
}

function readLog(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function runMaven(mvn: string, paths: LauncherPaths): Promise<void> {
  fs.mkdirSync(path.dirname(paths.buildLog), { recursive: true });
  const log = fs.openSync(paths.buildLog, 'w');
  const args = ['-B', '-f', paths.pom, 'package', 'dependency:copy-dependencies', '-DskipTests'];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ['ignore', log, log], shell: process.platform === 'win32' });
    let settled = false;
    // 'error' and 'exit' can both fire for one child; settle (and close the log) exactly once.
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fs.closeSync(log);
      if (!failure) {
        resolve();
        return;
      }
      reject(
        new LocalNeo4jError(
          'build-failed',
          `Building the local Neo4j launcher failed (${failure}).`,
          `See the Maven log at ${paths.buildLog}. A first build needs access to Maven Central; ` +
            'fix the cause and run "npm run db:build" again.',
        ),
      );
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(`no result after ${BUILD_TIMEOUT_MS / 60_000} minutes`);
    }, BUILD_TIMEOUT_MS);
    child.once('error', (error) => finish(error.message));
    child.once('exit', (code, signal) =>
      finish(code === 0 ? undefined : signal ? `Maven was stopped by ${signal}` : `Maven exited with code ${code}`),
    );
  });
}
