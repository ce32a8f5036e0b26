// Builds the trimmed Java runtime shipped with the installers (Windows, macOS, AppImage) for machines without
// Java 17+: `jlink` with only the modules the local Neo4j needs. jlink builds for the platform it runs on, so
// each installer is built on its own platform (see the README). The module list comes from
// `jdeps --print-module-deps` over the launcher and its 200+ jars (`npm run runtime:build -- --jdeps`
// recomputes it; that takes minutes), plus what Neo4j loads reflectively at run time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './errors';
import { MINIMUM_JAVA_MAJOR, parseJavaMajorVersion } from './java-toolchain';
import { bundledJavaRuntimeDir, launcherPaths } from './paths';

/** From jdeps over the launcher (Neo4j 5.26), 2026-12. */
export const JDEPS_MODULES = [
  'java.base', 'java.desktop', 'java.instrument', 'java.naming', 'java.rmi', 'java.scripting', 'java.security.jgss',
  'java.security.sasl', 'java.sql', 'jdk.attach', 'jdk.javadoc', 'jdk.management', 'jdk.management.jfr', 'jdk.unsupported',
];
/** Loaded through ServiceLoader or by name, which jdeps cannot see: TLS ciphers, zip file systems, charsets, JMX. */
export const RUNTIME_ONLY_MODULES = ['jdk.crypto.ec', 'jdk.zipfs', 'jdk.charsets', 'java.management', 'java.logging', 'jdk.net'];
export const NEO4J_RUNTIME_MODULES = [...new Set([...JDEPS_MODULES, ...RUNTIME_ONLY_MODULES])].sort();

const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

/** A JDK tool (jlink, jdeps) next to JAVA_HOME's or PATH's java. */
export function jdkTool(name: 'jlink' | 'jdeps', env: NodeJS.ProcessEnv = process.env): string {
  const home = env.JAVA_HOME?.trim();
  const candidate = home ? path.join(home, 'bin', exe(name)) : undefined;
  if (candidate && fs.existsSync(candidate)) return candidate;
  const probe = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError('java-missing', `${name} was not found: building the Java runtime needs a JDK ${MINIMUM_JAVA_MAJOR}+ (not only a JRE).`, 'Install a JDK 17 or 21 (e.g. "apt-get install openjdk-17-jdk-headless" or Eclipse Temurin) and set JAVA_HOME to it.');
  }
  return name;
}

export function modulesFromJdeps(env: NodeJS.ProcessEnv = process.env): string[] {
  const launcher = launcherPaths(env);
  const result = spawnSync(jdkTool('jdeps', env), ['--print-module-deps', '--ignore-missing-deps', '--multi-release', String(MINIMUM_JAVA_MAJOR), '--class-path', path.join(launcher.libDir, '*'), launcher.classesDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`jdeps failed: ${result.stderr}`);
  return result.stdout.trim().split(',').filter(Boolean);
}

export interface JavaRuntimeBuild {
  dir: string;
  java: string;
  modules: string[];
  major: number;
}

export function buildJavaRuntime(options: { output?: string; modules?: string[]; log?: (line: string) => void; env?: NodeJS.ProcessEnv } = {}): JavaRuntimeBuild {
  const env = options.env ?? process.env;
  const output = path.resolve(options.output ?? bundledJavaRuntimeDir(env));
  const modules = options.modules ?? NEO4J_RUNTIME_MODULES;
  const log = options.log ?? (() => undefined);
  const jlink = jdkTool('jlink', env);
  fs.rmSync(output, { recursive: true, force: true }); // jlink refuses an existing folder
  fs.mkdirSync(path.dirname(output), { recursive: true });
  log(`jlink: ${modules.length} modules → ${output}`);
  const result = spawnSync(jlink, ['--add-modules', modules.join(','), '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2', '--output', output], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`jlink failed (${result.status}): ${result.stderr || result.stdout}`);
  const java = path.join(output, 'bin', exe('java'));
  const version = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const major = parseJavaMajorVersion(`${version.stderr}\n${version.stdout}`) ?? 0;
  if (major < MINIMUM_JAVA_MAJOR) throw new Error(`The runtime built in ${output} does not run (java -version: ${version.stderr}).`);
  fs.writeFileSync(path.join(output, 'schakel-runtime.json'), `${JSON.stringify({ modules, major, builtAt: new Date().toISOString() }, null, 2)}\n`);
  return { dir: output, java, modules, major };
}
