/**
 * Vitest global setup for the database projects (integration, e2e, electron).
 *
 * Uses SCHAKEL_TEST_NEO4J_URI when set (scripts/run-tests.ts sets it after starting one Neo4j, or point it
 * at any server). Otherwise starts a FRESH local Neo4j in a new temp data dir on a free port, and stops it
 * and deletes the dir at teardown.
 *
 * Several projects list this file, and Vitest runs each project's global setup separately (all in the
 * main process). A reference count on globalThis makes them share one instance: the first setup starts
 * it, the last teardown stops it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, stopLocalNeo4j } from '../../local-neo4j/manager';
import { findFreePort } from '../../local-neo4j/process-utils';

interface SharedTestNeo4j {
  users: number;
  uri: string;
  /** Set only when we started it and must stop it. */
  dataDir?: string;
  ready: Promise<void>;
}

const KEY = Symbol.for('schakel.test.neo4j');
type GlobalWithNeo4j = typeof globalThis & { [KEY]?: SharedTestNeo4j };
const shared = globalThis as GlobalWithNeo4j;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!shared[KEY]) {
    const external = process.env.SCHAKEL_TEST_NEO4J_URI;
    const entry: SharedTestNeo4j = { users: 0, uri: external ?? '', ready: Promise.resolve() };
    if (!external) entry.ready = startFresh(entry);
    shared[KEY] = entry;
  }
  const entry = shared[KEY];
  entry.users += 1;
  await entry.ready;
  // Workers are forked after global setup, so they inherit this; inject('neo4jUri') works too.
  process.env.SCHAKEL_TEST_NEO4J_URI = entry.uri;
  project.provide('neo4jUri', entry.uri);

  return async () => {
    entry.users -= 1;
    if (entry.users > 0 || !entry.dataDir) return;
    shared[KEY] = undefined;
    await stopAndRemove(entry.dataDir);
  };
}

async function startFresh(entry: SharedTestNeo4j): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-test-neo4j-'));
  entry.dataDir = dataDir;
  try {
    const info = await startLocalNeo4j({ dataDir, port: await findFreePort(), onProgress: (line) => console.log(`[test neo4j] ${line}`) });
    entry.uri = info.boltUri!;
    console.log(`[test neo4j] ready at ${entry.uri}`);
  } catch (error) {
    await stopAndRemove(dataDir);
    throw error;
  }
}

async function stopAndRemove(dataDir: string): Promise<void> {
  try {
    await stopLocalNeo4j({ dataDir });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
