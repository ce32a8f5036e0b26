import { describe, expect, it } from 'vitest';
import { WorkbenchClientError } from '../api/client-error';
import { describeConnection } from './use-connection-status';

describe('describeConnection', () => {
  it('names the local database and its URI when connected', () => {
    expect(describeConnection({ state: 'connected', kind: 'local', uri: 'bolt://127.0.0.1:7687', readOnly: false }, undefined)).toEqual({
      text: 'Connected: local Neo4j bolt://127.0.0.1:7687',
      tone: 'ok',
    });
  });

  it('shows the message and the hint of a failed connection', () => {
    const text = describeConnection(
      { state: 'error', kind: 'remote', readOnly: false, message: 'Neo4j refused the password.', hint: 'Enter it again.' },
      undefined,
    );
    expect(text).toEqual({ text: 'Neo4j refused the password. Enter it again.', tone: 'error' });
  });

  it('prefers a transport failure over a stale status', () => {
    const error = new WorkbenchClientError({ code: 'NETWORK', message: 'The Schakel server is not reachable.', hint: 'Restart it.' });
    expect(describeConnection({ state: 'connected', kind: 'local', readOnly: false }, error).text).toBe(
      'The Schakel server is not reachable. Restart it.',
    );
  });
});
