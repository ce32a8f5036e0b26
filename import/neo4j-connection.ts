// Which Neo4j the import command line and benchmark write to: NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD)
// when set, else the managed local instance, started when it is not running. The same rule as
// `npm run seed` (demo-data/cli.ts).
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../graph-queries/driver';
import { LocalNeo4jError, resolveDataDir, startLocalNeo4j } from '../local-neo4j/manager';

export interface ImportConnection {
  driver: Driver;
  uri: string;
  /** The managed local instance: it shares this machine's file system. */
  local: boolean;
}

export async function connectForImport(opts: { dataDir?: string; onProgress?: (line: string) => void } = {}): Promise<ImportConnection> {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    const driver = createDriver({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
    return { driver, uri, local: /^bolt:\/\/(127\.0\.0\.1|localhost)[:/]/.test(uri) };
  }
  const info = await startLocalNeo4j({ dataDir: opts.dataDir ?? resolveDataDir(), onProgress: opts.onProgress });
  if (!info.boltUri) throw new LocalNeo4jError('start-failed', 'The local Neo4j started but reported no Bolt address.', 'Run "npm run db:status" and try again.');
  return { driver: createDriver({ uri: info.boltUri }), uri: info.boltUri, local: true };
}
