/**
 * The managed local Neo4j, for real: a JVM started through the manager, queried over Bolt.
 * Uses its own temp data dirs and free ports, not the shared test database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureLauncherBuilt,
  instancePaths,
  LocalNeo4jError,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../local-neo4j/manager';
import { findFreePort, isPidAlive } from '../../local-neo4j/process-utils';

const dataDirs: string[] = [];

function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-local-neo4j-test-'));
  dataDirs.push(dir);
  return dir;
}

async function countMarkers(boltUri: string, marker: string): Promise<number> {
  const driver = neo4j.driver(boltUri, neo4j.auth.basic('neo4j', 'unused'));
  try {
    const { records } = await driver.executeQuery('MATCH (m:TestMarker {name: $marker}) RETURN count(m) AS n', { marker });
    return records[0].get('n').toNumber();
  } finally {
    await driver.close();
  }
}

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

beforeAll(async () => {
  // Build (or confirm) the launcher up front so the first start's timeout covers only Neo4j itself.
  await ensureLauncherBuilt();
}, 600_000);

afterAll(async () => {
  for (const dataDir of dataDirs) {
    await stopLocalNeo4j({ dataDir }).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);

describe('managed local Neo4j', () => {
  it('starts, reports status, detects a second start, answers Bolt, stops, and keeps data across restarts', async () => {
    const dataDir = freshDataDir();
    const port = await findFreePort();

    const first = await startLocalNeo4j({ dataDir, port });
    expect(first).toMatchObject({ running: true, alreadyRunning: false, port, boltUri: `bolt://127.0.0.1:${port}`, dataDir });
    expect(isPidAlive(first.pid!)).toBe(true);

    const status = await localNeo4jStatus({ dataDir });
    expect(status).toMatchObject({ running: true, pid: first.pid, boltUri: first.boltUri });

    // A second start must hand back the running instance, not launch a duplicate.
    const second = await startLocalNeo4j({ dataDir, port });
    expect(second).toMatchObject({ alreadyRunning: true, pid: first.pid, boltUri: first.boltUri });

    // Without its state file the running JVM is a foreign holder of the store: say so, name the pid.
    const stateFile = instancePaths(dataDir).stateFile;
    const savedState = fs.readFileSync(stateFile, 'utf8');
    fs.rmSync(stateFile);
    const locked = await startLocalNeo4j({ dataDir, port: await findFreePort() }).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(LocalNeo4jError);
    expect(locked).toMatchObject({ code: 'store-locked' });
    expect((locked as LocalNeo4jError).message).toContain(String(first.pid));
    fs.writeFileSync(stateFile, savedState);
    expect((await localNeo4jStatus({ dataDir })).running).toBe(true);

    const driver = neo4j.driver(first.boltUri!, neo4j.auth.basic('neo4j', 'unused'));
    try {
      await driver.executeQuery('CREATE (:TestMarker {name: $marker})', { marker: 'survives-restart' });
    } finally {
      await driver.close();
    }
    expect(await countMarkers(first.boltUri!, 'survives-restart')).toBe(1);

    expect(await stopLocalNeo4j({ dataDir })).toEqual({ wasRunning: true });
    expect(isPidAlive(first.pid!)).toBe(false);
    expect((await localNeo4jStatus({ dataDir })).running).toBe(false);
    expect(fs.existsSync(instancePaths(dataDir).stateFile)).toBe(false);
    expect(await stopLocalNeo4j({ dataDir })).toEqual({ wasRunning: false });

    const restarted = await startLocalNeo4j({ dataDir, port });
    expect(restarted.alreadyRunning).toBe(false);
    expect(restarted.pid).not.toBe(first.pid);
    expect(await countMarkers(restarted.boltUri!, 'survives-restart')).toBe(1);
    expect(await stopLocalNeo4j({ dataDir })).toEqual({ wasRunning: true });
  }, 300_000);

  it('recovers from a stale state file left by a crashed instance', async () => {
    const dataDir = freshDataDir();
    const paths = instancePaths(dataDir);
    const port = await findFreePort();
    fs.mkdirSync(paths.home, { recursive: true });
    const stalePid = await deadPid();
    fs.writeFileSync(
      paths.stateFile,
      JSON.stringify({ pid: stalePid, port, boltUri: `bolt://127.0.0.1:${port}`, startedAt: '2020-01-01T00:00:00.000Z' }),
    );

    expect((await localNeo4jStatus({ dataDir })).running).toBe(false);

    const progress: string[] = [];
    const started = await startLocalNeo4j({ dataDir, port, onProgress: (line) => progress.push(line) });
    expect(started.alreadyRunning).toBe(false);
    expect(started.pid).not.toBe(stalePid);
    expect(progress.some((line) => line.includes('stale'))).toBe(true);
    expect(await countMarkers(started.boltUri!, 'nothing')).toBe(0);

    const state = JSON.parse(fs.readFileSync(paths.stateFile, 'utf8'));
    expect(state).toMatchObject({ pid: started.pid, port });
    expect(await stopLocalNeo4j({ dataDir })).toEqual({ wasRunning: true });
  }, 240_000);

  it('refuses an explicitly requested port that another program holds, with a hint', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await startLocalNeo4j({ dataDir: freshDataDir(), port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LocalNeo4jError);
      expect(error).toMatchObject({ code: 'port-in-use' });
      expect((error as LocalNeo4jError).message).toContain(String(port));
      expect((error as LocalNeo4jError).hint).toMatch(/--port|SCHAKEL_NEO4J_PORT/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
