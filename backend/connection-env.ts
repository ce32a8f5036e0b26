// Reads the connection settings an administrator gives through the environment: the evidence database
// (NEO4J_*), an optional workspace database for Schakel's own records (SCHAKEL_WORKSPACE_*), enterprise
// authentication (SSO bearer token, Kerberos ticket), a trusted-CA file and the transaction retry time.
import { ApiError } from '../contract/api';
import type { Neo4jTarget } from '../graph-queries/driver';

type EnterpriseSettings = Pick<Neo4jTarget, 'bearerToken' | 'kerberosTicket' | 'trustedCertificates' | 'maxTransactionRetryTimeMs'>;

/** Settings that apply to every server Schakel connects to (also the one chosen in the connection dialog). */
export function enterpriseSettingsFromEnv(env: NodeJS.ProcessEnv): EnterpriseSettings {
  const settings: EnterpriseSettings = {};
  const bearer = env.NEO4J_BEARER_TOKEN?.trim();
  const kerberos = env.NEO4J_KERBEROS_TICKET?.trim();
  if (bearer && kerberos) {
    throw new ApiError({
      code: 'BAD_REQUEST',
      message: 'Both NEO4J_BEARER_TOKEN and NEO4J_KERBEROS_TICKET are set; Schakel cannot tell which login to use.',
      hint: 'Set only one of them.',
    });
  }
  if (bearer) settings.bearerToken = bearer;
  if (kerberos) settings.kerberosTicket = kerberos;
  const certificates = env.NEO4J_TRUSTED_CERTIFICATES?.split(/[,;]/).map((file) => file.trim()).filter(Boolean);
  if (certificates?.length) settings.trustedCertificates = certificates;
  const retry = env.NEO4J_MAX_TRANSACTION_RETRY_MS?.trim();
  if (retry) {
    const ms = Number(retry);
    if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
      throw new ApiError({
        code: 'BAD_REQUEST',
        message: `NEO4J_MAX_TRANSACTION_RETRY_MS="${retry}" is not a number of milliseconds between 0 and 600000.`,
        hint: 'Leave it unset for the default of 30000 (30 s, enough to ride out a leader election).',
      });
    }
    settings.maxTransactionRetryTimeMs = ms;
  }
  return settings;
}

/** The evidence database from NEO4J_URI; null means the managed local Neo4j. */
export function targetFromEnv(env: NodeJS.ProcessEnv): Neo4jTarget | null {
  if (!env.NEO4J_URI) return null;
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
    ...enterpriseSettingsFromEnv(env),
  };
}

/**
 * Where Schakel keeps its own records (audit, saved charts, notes, match decisions) when the evidence
 * database is read-only to analysts. Null: everything lives in the evidence database (the local default).
 * SCHAKEL_WORKSPACE_DATABASE alone means another database on the same server; SCHAKEL_WORKSPACE_URI
 * another server (SCHAKEL_WORKSPACE_USER / _PASSWORD, else the evidence login).
 */
export function workspaceTargetFromEnv(env: NodeJS.ProcessEnv, evidence: Neo4jTarget): Neo4jTarget | null {
  const uri = env.SCHAKEL_WORKSPACE_URI?.trim();
  const database = env.SCHAKEL_WORKSPACE_DATABASE?.trim();
  if (!uri && !database) return null;
  const sameLogin = !uri || !env.SCHAKEL_WORKSPACE_USER;
  return {
    ...evidence,
    uri: uri || evidence.uri,
    database: database || (uri ? undefined : evidence.database),
    ...(sameLogin ? {} : { user: env.SCHAKEL_WORKSPACE_USER, password: env.SCHAKEL_WORKSPACE_PASSWORD ?? '' }),
  };
}
