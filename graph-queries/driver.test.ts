import { describe, expect, it } from 'vitest';
import { ApiError } from '../contract/api';
import { checkUri } from './driver';

describe('checkUri', () => {
  it.each(['bolt://127.0.0.1:7687', 'neo4j://cluster.example:7687', 'neo4j+s://abcd.databases.neo4j.io', 'bolt+ssc://10.0.0.1:7687'])(
    'accepts %s',
    (uri) => {
      expect(() => checkUri(uri)).not.toThrow();
    },
  );

  it.each([
    ['http://127.0.0.1:7474', /scheme "http"/],
    ['localhost:7687', /scheme/],
    ['not a uri', /not a valid Neo4j address/],
  ])('refuses %s with a clear message', (uri, message) => {
    try {
      checkUri(uri);
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('DB_BAD_URI');
      expect((error as ApiError).message).toMatch(message);
      expect((error as ApiError).hint).toMatch(/bolt:\/\//);
    }
  });
});
