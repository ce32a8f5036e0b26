// Opens neo4j-driver connections. The only place that knows about URI schemes and driver configuration.
import neo4j, { type Driver } from 'neo4j-driver';
import { ApiError } from '../contract/api';

export interface Neo4jTarget {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

/** bolt:// for one server (the local default), neo4j:// for routing (clusters, Aura); +s / +ssc add TLS. */
export const SUPPORTED_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

export function checkUri(uri: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new ApiError({
      code: 'DB_BAD_URI',
      message: `"${uri.slice(0, 120)}" is not a valid Neo4j address.`,
      hint: 'Use a URI such as bolt://127.0.0.1:7687 or neo4j+s://xxxx.databases.neo4j.io.',
    });
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (!(SUPPORTED_SCHEMES as readonly string[]).includes(scheme)) {
    throw new ApiError({
      code: 'DB_BAD_URI',
      message: `The scheme "${scheme}" is not one Neo4j understands.`,
      hint: `Use one of ${SUPPORTED_SCHEMES.map((s) => `${s}://`).join(', ')}.`,
    });
  }
  if (!parsed.hostname) {
    throw new ApiError({ code: 'DB_BAD_URI', message: 'The Neo4j address has no host name.', hint: 'Add a host, e.g. bolt://127.0.0.1:7687.' });
  }
  return parsed;
}

export function createDriver(target: Neo4jTarget): Driver {
  checkUri(target.uri);
  // The local instance runs with auth off (loopback only); the 'none' scheme is what the server expects then.
  const auth = target.user
    ? neo4j.auth.basic(target.user, target.password ?? '')
    : ({ scheme: 'none', principal: '', credentials: '' } as ReturnType<typeof neo4j.auth.basic>);
  return neo4j.driver(target.uri, auth, {
    // Fail fast on an unreachable host so the UI can say so instead of spinning.
    connectionTimeout: 8_000,
    connectionAcquisitionTimeout: 15_000,
    maxTransactionRetryTime: 10_000,
    userAgent: 'schakel/0.1',
    logging: { level: 'error', logger: () => undefined },
  });
}
