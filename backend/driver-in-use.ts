// A query in flight on a neo4j-driver that is closed never settles: neither executeQuery nor a session's
// transaction resolves or rejects (driver 6.3). Closing the old driver when the analyst switches databases,
// or at shutdown, would leave a search waiting for ever, and the audit shipper with it (and every shipment
// queued behind it). So every driver the connection hands out knows what is in flight on it, and is closed
// only once that has finished; past a grace period, what is still in flight is failed explicitly first.
import type { Driver, QueryResult, Session } from 'neo4j-driver';
import { ApiError } from '../contract/api';

export interface DriverInUse {
  /** The driver to hand out: the same API, with its queries and sessions counted. */
  readonly driver: Driver;
  /** Queries running and sessions open on it. */
  inFlight(): number;
  /**
   * Closes the driver once nothing is in flight, or after `graceMs` (Infinity: only when idle; a later
   * call may shorten the wait): then queries still running are rejected with DB_UNAVAILABLE so their
   * callers settle, and the driver is closed under them.
   */
  closeWhenIdle(graceMs: number): Promise<void>;
}

function closedUnderneath(): ApiError {
  return new ApiError({
    code: 'DB_UNAVAILABLE',
    message: 'The connection to the database was closed before this request finished.',
    hint: 'Try again: Schakel uses the database it is connected to now.',
  });
}

export function trackDriverUse(inner: Driver): DriverInUse {
  let running = 0;
  const idle: (() => void)[] = [];
  const abandon = new Set<(error: ApiError) => void>();
  let closing: Promise<void> | null = null;
  let release: () => void = () => undefined;

  const finished = () => {
    running -= 1;
    if (running === 0) for (const wake of idle.splice(0)) wake();
  };

  /** A promise that rejects (through `fail`) when the driver is closed under what is still running. */
  function abandonable(): { abandoned: Promise<never>; fail: (error: ApiError) => void } {
    let fail!: (error: ApiError) => void;
    const abandoned = new Promise<never>((_, reject) => {
      fail = reject;
    });
    abandon.add(fail);
    return { abandoned, fail };
  }

  function executeQuery(...args: unknown[]): Promise<unknown> {
    running += 1;
    const { abandoned, fail } = abandonable();
    const query = (inner.executeQuery as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
    return Promise.race([query, abandoned]).finally(() => {
      abandon.delete(fail);
      finished();
    });
  }

  function session(...args: unknown[]): Session {
    const opened = (inner.session as (...a: unknown[]) => Session).apply(inner, args);
    running += 1;
    const { abandoned, fail } = abandonable();
    // Only an awaited result listens to it; a session that ran nothing must not leave it unhandled.
    abandoned.catch(() => undefined);
    const run = opened.run.bind(opened);
    opened.run = ((...runArgs: Parameters<Session['run']>) => {
      const result = run(...runArgs);
      // Awaiting the result (how graph-queries reads) settles when the driver is closed under it, too.
      // Hooked only when awaited: a caller that streams the records must not have them buffered as well.
      const fromServer = result.then.bind(result);
      let settled: Promise<QueryResult> | null = null;
      result.then = ((onFulfilled, onRejected) => {
        settled ??= Promise.race([new Promise<QueryResult>((resolve, reject) => void fromServer(resolve, reject)), abandoned]);
        return settled.then(onFulfilled, onRejected);
      }) as typeof result.then;
      return result;
    }) as Session['run'];
    let open = true;
    const close = opened.close.bind(opened);
    opened.close = async () => {
      try {
        await close();
      } finally {
        if (open) {
          open = false;
          abandon.delete(fail);
          finished();
        }
      }
    };
    return opened;
  }

  const driver = new Proxy(inner, {
    get(target, property) {
      if (property === 'executeQuery') return executeQuery;
      if (property === 'session') return session;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  return {
    driver,
    inFlight: () => running,
    closeWhenIdle(graceMs: number): Promise<void> {
      if (!closing) {
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        if (running === 0) release();
        else idle.push(release);
        closing = released.then(async () => {
          for (const fail of abandon) fail(closedUnderneath());
          await inner.close().catch(() => undefined);
        });
      }
      // A later, shorter grace (shutdown after a switch) still applies.
      if (Number.isFinite(graceMs)) {
        const timer = setTimeout(release, graceMs);
        void closing.finally(() => clearTimeout(timer));
      }
      return closing;
    },
  };
}
