// Opens neo4j-driver connections. The only place that knows about URI schemes, auth tokens and driver
// configuration.
import neo4j, { type AuthToken, type Config, type Driver } from 'neo4j-driver';
import { ApiError } from '../contract/api';

export interface Neo4jTarget {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** SSO/OIDC access token (Enterprise): used instead of user and password when set. */
  bearerToken?: string;
  /** Base64 Kerberos ticket (Enterprise): used instead of user and password when set. */
  kerberosTicket?: string;
  /** PEM files of the CAs to trust (a police PKI): TLS on, only these CAs, whatever the scheme's suffix. */
  trustedCertificates?: string[];
  /** How long a transaction is retried on transient errors; long enough to ride out a leader election. */
  maxTransactionRetryTimeMs?: number;
}

/** A cluster elects a new leader within seconds; 30 s of retries covers it with room to spare. */
export const DEFAULT_MAX_TRANSACTION_RETRY_MS = 30_000;
/** One server (bolt://) has no election to wait for: a dead server is said sooner. */
export const SINGLE_SERVER_MAX_TRANSACTION_RETRY_MS = 10_000;

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

function authToken(target: Neo4jTarget): AuthToken {
  if (target.bearerToken) return neo4j.auth.bearer(target.bearerToken);
  if (target.kerberosTicket) return neo4j.auth.kerberos(target.kerberosTicket);
  if (target.user) return neo4j.auth.basic(target.user, target.password ?? '');
  // The local instance runs with auth off (loopback only); the 'none' scheme is what the server expects then.
  return { scheme: 'none', principal: '', credentials: '' };
}

export interface DriverSettings {
  uri: string;
  auth: AuthToken;
  config: Config;
}

/**
 * Everything neo4j.driver() is called with. The driver refuses TLS settings in both the URI and the config,
 * so a trusted-CA file moves the encryption from the scheme (+s) into the config (plain bolt:// / neo4j://).
 */
export function driverSettings(target: Neo4jTarget): DriverSettings {
  const parsed = checkUri(target.uri);
  const scheme = parsed.protocol.replace(/:$/, '');
  const config: Config = {
    // Fail fast on an unreachable host so the UI can say so instead of spinning.
    connectionTimeout: 8_000,
    connectionAcquisitionTimeout: 15_000,
    maxTransactionRetryTime:
      target.maxTransactionRetryTimeMs ?? (scheme.startsWith('neo4j') ? DEFAULT_MAX_TRANSACTION_RETRY_MS : SINGLE_SERVER_MAX_TRANSACTION_RETRY_MS),
    userAgent: 'schakel/0.1',
    logging: { level: 'error', logger: () => undefined },
  };
  let uri = target.uri;
  if (target.trustedCertificates?.length) {
    if (scheme.endsWith('+ssc')) {
      throw new ApiError({
        code: 'DB_BAD_URI',
        message: 'A trusted CA file was given together with a +ssc address, which trusts any certificate.',
        hint: 'Use bolt://, neo4j:// or their +s form with NEO4J_TRUSTED_CERTIFICATES, or drop the CA file.',
      });
    }
    uri = target.uri.replace(/^(bolt|neo4j)\+s:/, '$1:');
    config.encrypted = 'ENCRYPTION_ON';
    config.trust = 'TRUST_CUSTOM_CA_SIGNED_CERTIFICATES';
    config.trustedCertificates = [...target.trustedCertificates];
  }
  return { uri, auth: authToken(target), config };
}

/** How long the driver retries a transaction, kept on the driver for the reads that retry themselves. */
const RETRY_BUDGET = Symbol('schakel.retryBudgetMs');

export function createDriver(target: Neo4jTarget): Driver {
  const { uri, auth, config } = driverSettings(target);
  const driver = neo4j.driver(uri, auth, config);
  Object.defineProperty(driver, RETRY_BUDGET, { value: config.maxTransactionRetryTime });
  return driver;
}

/** The driver's transaction retry time; a driver made elsewhere gets the single server's. */
export function retryBudgetMs(driver: Driver): number {
  const budget: unknown = Reflect.get(driver, RETRY_BUDGET);
  return typeof budget === 'number' ? budget : SINGLE_SERVER_MAX_TRANSACTION_RETRY_MS;
}

/**
 * A session that shares the driver's bookmarks with executeQuery, so a read after a write (in any session
 * or through executeQuery) sees that write even when a cluster routes it to another member.
 */
export function causalSession(driver: Driver, options: { database?: string; mode: 'READ' | 'WRITE' }) {
  return driver.session({
    database: options.database,
    defaultAccessMode: options.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    bookmarkManager: driver.executeQueryBookmarkManager,
  });
}
