import { describe, expect, it } from 'vitest';
import { ApiError } from '../contract/api';
import { DEFAULT_MAX_TRANSACTION_RETRY_MS, SINGLE_SERVER_MAX_TRANSACTION_RETRY_MS, driverSettings } from '../graph-queries/driver';
import { enterpriseSettingsFromEnv, targetFromEnv, workspaceTargetFromEnv } from './connection-env';

const CLUSTER = 'neo4j+s://cluster.politie.example:7687';

describe('connection settings from the environment', () => {
  it('logs in with an SSO bearer token instead of the password', () => {
    const target = targetFromEnv({ NEO4J_URI: CLUSTER, NEO4J_USER: 'jansen', NEO4J_PASSWORD: 'x', NEO4J_BEARER_TOKEN: 'eyJ.token.sig' })!;
    expect(driverSettings(target).auth).toMatchObject({ scheme: 'bearer', credentials: 'eyJ.token.sig' });
  });

  it('logs in with a Kerberos ticket', () => {
    const target = targetFromEnv({ NEO4J_URI: CLUSTER, NEO4J_KERBEROS_TICKET: 'YIIC-ticket' })!;
    expect(driverSettings(target).auth).toMatchObject({ scheme: 'kerberos', credentials: 'YIIC-ticket' });
  });

  it('uses user and password when no enterprise token is set, and no auth for the local instance', () => {
    expect(driverSettings(targetFromEnv({ NEO4J_URI: CLUSTER, NEO4J_USER: 'jansen', NEO4J_PASSWORD: 'pw' })!).auth).toMatchObject({
      scheme: 'basic',
      principal: 'jansen',
      credentials: 'pw',
    });
    expect(driverSettings({ uri: 'bolt://127.0.0.1:7687' }).auth).toMatchObject({ scheme: 'none' });
  });

  it('refuses both a bearer token and a Kerberos ticket', () => {
    expect(() => enterpriseSettingsFromEnv({ NEO4J_BEARER_TOKEN: 'a', NEO4J_KERBEROS_TICKET: 'b' })).toThrow(/which login/);
  });

  it('trusts exactly the given CA files, moving TLS from the +s scheme into the driver config', () => {
    const settings = driverSettings(targetFromEnv({ NEO4J_URI: CLUSTER, NEO4J_TRUSTED_CERTIFICATES: '/etc/pki/politie-ca.pem, /etc/pki/sub-ca.pem' })!);
    expect(settings.uri).toBe('neo4j://cluster.politie.example:7687');
    expect(settings.config).toMatchObject({
      encrypted: 'ENCRYPTION_ON',
      trust: 'TRUST_CUSTOM_CA_SIGNED_CERTIFICATES',
      trustedCertificates: ['/etc/pki/politie-ca.pem', '/etc/pki/sub-ca.pem'],
    });
    expect(driverSettings({ uri: 'bolt://10.0.0.5:7687', trustedCertificates: ['/ca.pem'] }).uri).toBe('bolt://10.0.0.5:7687');
  });

  it('leaves TLS to the scheme when no CA file is given', () => {
    const settings = driverSettings({ uri: CLUSTER });
    expect(settings.uri).toBe(CLUSTER);
    expect(settings.config.encrypted).toBeUndefined();
    expect(settings.config.trustedCertificates).toBeUndefined();
  });

  it('refuses a CA file with +ssc, which would trust any certificate', () => {
    expect(() => driverSettings({ uri: 'bolt+ssc://10.0.0.5:7687', trustedCertificates: ['/ca.pem'] })).toThrow(ApiError);
  });

  it('retries transactions long enough to ride out a leader election, configurable', () => {
    expect(driverSettings({ uri: CLUSTER }).config.maxTransactionRetryTime).toBe(DEFAULT_MAX_TRANSACTION_RETRY_MS);
    expect(driverSettings({ uri: 'bolt://127.0.0.1:7687' }).config.maxTransactionRetryTime).toBe(SINGLE_SERVER_MAX_TRANSACTION_RETRY_MS);
    expect(DEFAULT_MAX_TRANSACTION_RETRY_MS).toBeGreaterThanOrEqual(30_000);
    expect(driverSettings(targetFromEnv({ NEO4J_URI: CLUSTER, NEO4J_MAX_TRANSACTION_RETRY_MS: '60000' })!).config.maxTransactionRetryTime).toBe(60_000);
    expect(() => enterpriseSettingsFromEnv({ NEO4J_MAX_TRANSACTION_RETRY_MS: 'soon' })).toThrow(/milliseconds/);
  });

  it('keeps everything in one database unless a workspace is configured', () => {
    const evidence = targetFromEnv({ NEO4J_URI: CLUSTER, NEO4J_USER: 'jansen', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'evidence' })!;
    expect(workspaceTargetFromEnv({}, evidence)).toBeNull();
    expect(workspaceTargetFromEnv({ SCHAKEL_WORKSPACE_DATABASE: 'schakel' }, evidence)).toMatchObject({ uri: CLUSTER, database: 'schakel', user: 'jansen' });
    expect(
      workspaceTargetFromEnv({ SCHAKEL_WORKSPACE_URI: 'bolt://ws:7687', SCHAKEL_WORKSPACE_USER: 'ws', SCHAKEL_WORKSPACE_PASSWORD: 'w' }, evidence),
    ).toMatchObject({ uri: 'bolt://ws:7687', database: undefined, user: 'ws', password: 'w' });
  });
});
