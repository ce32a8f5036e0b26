import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRows } from './run';

/** A driver whose sessions answer each RUN from the script in turn: an error to throw, or rows. */
function scriptedDriver(script: (Error | Record<string, unknown>[])[]) {
  const runs: { mode: unknown; bookmarkManager: unknown }[] = [];
  let closed = 0;
  const driver = {
    executeQueryBookmarkManager: neo4j.bookmarkManager(),
    session(config: { defaultAccessMode?: unknown; bookmarkManager?: unknown }) {
      return {
        async run() {
          runs.push({ mode: config.defaultAccessMode, bookmarkManager: config.bookmarkManager });
          const next = script.shift();
          if (!next) throw new Error('the script ran out');
          if (next instanceof Error) throw next;
          return { records: next.map((row) => ({ keys: Object.keys(row), get: (key: string) => row[key] })) };
        },
        async close() {
          closed += 1;
        },
      };
    },
  } as unknown as Driver;
  return { driver, runs, closedSessions: () => closed };
}

const unavailable = () => new Neo4jError('the leader is being elected', neo4j.error.SERVICE_UNAVAILABLE, 'N/A', 'N/A');
const syntaxError = () => new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');

afterEach(() => {
  vi.useRealTimers();
});

describe('reads', () => {
  it('run in a read session that shares the driver bookmarks, and close it', async () => {
    const { driver, runs, closedSessions } = scriptedDriver([[{ one: 1 }]]);
    expect(await readRows({ driver }, 'RETURN 1 AS one')).toEqual([{ one: 1 }]);
    expect(runs).toEqual([{ mode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager }]);
    expect(closedSessions()).toBe(1);
  });

  it('are run again, in a new session, after an error the driver would retry', async () => {
    vi.useFakeTimers();
    const { driver, runs, closedSessions } = scriptedDriver([unavailable(), unavailable(), [{ one: 1 }]]);
    const answer = readRows({ driver }, 'RETURN 1 AS one');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await answer).toEqual([{ one: 1 }]);
    expect(runs).toHaveLength(3);
    expect(closedSessions()).toBe(3);
  });

  it('fail at once on an error that running again cannot mend', async () => {
    const { driver, runs } = scriptedDriver([syntaxError(), [{ one: 1 }]]);
    await expect(readRows({ driver }, 'RETRUN 1')).rejects.toThrow('Invalid input');
    expect(runs).toHaveLength(1);
  });

  it('give up once the retry time is spent, with the last error', async () => {
    vi.useFakeTimers();
    const { driver, runs } = scriptedDriver(Array.from({ length: 100 }, unavailable));
    const answer = readRows({ driver }, 'RETURN 1 AS one');
    const settled = expect(answer).rejects.toThrow('the leader is being elected');
    await vi.advanceTimersByTimeAsync(60_000);
    await settled;
    // Pauses of 0.2, 0.4, 0.8, 1.6, 3.2 s (±20 %) fit in the single server's 10 s; the next would not.
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBeLessThanOrEqual(7);
  });
});
