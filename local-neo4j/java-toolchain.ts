import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './errors';
import { bundledJavaRuntimeDir } from './paths';

/** Neo4j 5.26 (the line we embed) needs Java 17 or 21. */
export const MINIMUM_JAVA_MAJOR = 17;

const isWindows = process.platform === 'win32';

/**
 * The java executable to use: `SCHAKEL_JAVA` if set, else `$JAVA_HOME/bin/java` if present, else `java`
 * from PATH.
 */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCHAKEL_JAVA?.trim()) return env.SCHAKEL_JAVA.trim();
  if (env.JAVA_HOME?.trim()) {
    const candidate = path.join(env.JAVA_HOME.trim(), 'bin', isWindows ? 'java.exe' : 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

/**
 * Major version from `java -version` output, e.g. `openjdk version "17.0.15"` → 17 and the legacy
 * `java version "1.8.0_392"` → 8. Undefined when the text holds no version.
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** The java of the bundled (jlink) runtime, when there is one. */
export function bundledJava(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidate = path.join(bundledJavaRuntimeDir(env), 'bin', isWindows ? 'java.exe' : 'java');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * Checks Java is present and new enough; returns the executable and its major version. When the Java from
 * JAVA_HOME or PATH is missing or too old, the runtime shipped with the app (jlink, see
 * scripts/build-java-runtime.ts) is used instead; an explicit SCHAKEL_JAVA is never second-guessed.
 */
export function checkJava(env: NodeJS.ProcessEnv = process.env): { java: string; major: number } {
  try {
    return probeJava(javaExecutable(env), env);
  } catch (error) {
    const bundled = env.SCHAKEL_JAVA?.trim() ? undefined : bundledJava(env);
    if (!bundled) throw error;
    return probeJava(bundled, env);
  }
}

function probeJava(java: string, env: NodeJS.ProcessEnv): { java: string; major: number } {
  // The environment's PATH decides where a bare "java" is looked up.
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000, env });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'java-missing',
      `Java was not found (tried "${java}"), and the local Neo4j database needs it.`,
      `Install a Java ${MINIMUM_JAVA_MAJOR} or 21 runtime (e.g. "apt-get install openjdk-17-jre-headless" or Eclipse Temurin), ` +
        'or point JAVA_HOME at one. Alternatively set NEO4J_URI to use an existing Neo4j server.',
    );
  }
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const major = parseJavaMajorVersion(output);
  if (major === undefined) {
    throw new LocalNeo4jError(
      'java-missing',
      `Could not read the Java version from "${java} -version".`,
      `Make sure "${java}" is a working Java ${MINIMUM_JAVA_MAJOR}+ runtime, or point JAVA_HOME at one.`,
    );
  }
  if (major < MINIMUM_JAVA_MAJOR) {
    throw new LocalNeo4jError(
      'java-too-old',
      `Java ${major} was found ("${java}"), but the local Neo4j database needs Java ${MINIMUM_JAVA_MAJOR} or newer.`,
      `Install Java ${MINIMUM_JAVA_MAJOR} or 21 and put it first on PATH or set JAVA_HOME to it.`,
    );
  }
  return { java, major };
}

/** The Maven executable (`SCHAKEL_MVN` overrides), after checking it runs. */
export function checkMaven(env: NodeJS.ProcessEnv = process.env): string {
  const mvn = env.SCHAKEL_MVN?.trim() || (isWindows ? 'mvn.cmd' : 'mvn');
  const result = spawnSync(mvn, ['--version'], { encoding: 'utf8', timeout: 60_000, shell: isWindows });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'maven-missing',
      `Maven was not found (tried "${mvn}"); it is needed once to build the local Neo4j launcher.`,
      'Install Apache Maven 3.8 or newer (e.g. "apt-get install maven") and run "npm run db:build" again.',
    );
  }
  return mvn;
}
