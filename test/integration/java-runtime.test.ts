// The trimmed Java runtime the installers ship (npm run runtime:build, jlink): it is found when no Java 17+
// is on the machine, and it runs the local Neo4j. Reuses out/java-runtime when it was built with the
// current module list, so the test costs one Neo4j start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../graph-queries/driver';
import { buildJavaRuntime, NEO4J_RUNTIME_MODULES } from '../../local-neo4j/java-runtime-build';
import { checkJava } from '../../local-neo4j/java-toolchain';
import { startLocalNeo4j, stopLocalNeo4j } from '../../local-neo4j/manager';
import { bundledJavaRuntimeDir } from '../../local-neo4j/paths';
import { findFreePort } from '../../local-neo4j/process-utils';
import { tempDataDir } from '../setup/temp-data-dir';

function runtime(): { dir: string; java: string } {
  const dir = bundledJavaRuntimeDir({});
  const java = path.join(dir, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, 'schakel-runtime.json'), 'utf8')) as { modules: string[] };
    if (fs.existsSync(java) && JSON.stringify(stamp.modules) === JSON.stringify(NEO4J_RUNTIME_MODULES)) return { dir, java };
  } catch {
    // not built yet, or by an older module list
  }
  return buildJavaRuntime({ output: dir, env: { ...process.env } });
}

const dataDir = tempDataDir('schakel-jlink-neo4j-');
const previousJava = process.env.SCHAKEL_JAVA;

afterAll(async () => {
  await stopLocalNeo4j({ dataDir });
  if (previousJava === undefined) delete process.env.SCHAKEL_JAVA;
  else process.env.SCHAKEL_JAVA = previousJava;
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('the bundled jlink Java runtime', () => {
  it('is used when no Java is found on the machine', { timeout: 300_000 }, () => {
    const { dir, java } = runtime();
    const found = checkJava({ PATH: path.join(dataDir, 'no-java-here'), SCHAKEL_JAVA_RUNTIME: dir });
    expect(found).toEqual({ java, major: expect.any(Number) });
    expect(found.major).toBeGreaterThanOrEqual(17);
    // Trimmed: the modules Neo4j needs (and what they require), far fewer than a full JDK's 70 or so.
    const modules = spawnSync(java, ['--list-modules'], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(modules.some((line) => line.startsWith('java.sql@'))).toBe(true);
    expect(modules.length).toBeLessThan(40);
  });

  it('starts the local Neo4j', { timeout: 300_000 }, async () => {
    const { java } = runtime();
    process.env.SCHAKEL_JAVA = java;
    const info = await startLocalNeo4j({ dataDir, port: await findFreePort() });
    if (process.platform === 'linux') {
      expect(fs.readlinkSync(`/proc/${info.pid}/exe`)).toBe(fs.realpathSync(java));
    }
    const driver = createDriver({ uri: info.boltUri! });
    try {
      const { records } = await driver.executeQuery('RETURN 1 + 1 AS two');
      expect(records[0].get('two').toNumber()).toBe(2);
    } finally {
      await driver.close();
    }
  });
});
