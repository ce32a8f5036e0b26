// The page's side of the analysis worker: one request → one promise, progress through a callback.
// Small inputs run on the page directly (a worker round trip would cost more than the work); where the
// page has no Worker (unit tests), everything runs directly.
import type { AnalysisRequest, AnalysisResponse, AnalysisResults } from './protocol';
import { runAnalysisRequest } from './run-request';

/** Below this many nodes + edges, computing on the page is faster than posting to a worker. */
const INLINE_SIZE_LIMIT = 1500;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (done: number, total: number) => void };

export class AnalysisRunner {
  private worker?: Worker;
  private workerFailed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  run<K extends AnalysisRequest['kind']>(
    request: Extract<AnalysisRequest, { kind: K }>,
    options: { onProgress?: (done: number, total: number) => void; preferWorker?: boolean } = {},
  ): Promise<AnalysisResults[K]> {
    const worker = options.preferWorker || sizeOf(request) > INLINE_SIZE_LIMIT ? this.ensureWorker() : undefined;
    if (!worker) {
      try {
        return Promise.resolve(runAnalysisRequest(request, options.onProgress) as AnalysisResults[K]);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const id = this.nextId++;
    return new Promise<AnalysisResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress });
      worker.postMessage({ id, request });
    });
  }

  /** True once a worker has been started and answered without failing to load. */
  get usesWorker(): boolean {
    return this.worker !== undefined && !this.workerFailed;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const { reject } of this.pending.values()) reject(new Error('The analysis was cancelled.'));
    this.pending.clear();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    if (typeof Worker === 'undefined') return undefined;
    try {
      this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'schakel-analysis' });
    } catch {
      this.workerFailed = true;
      return undefined;
    }
    this.worker.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => this.onMessage(event.data));
    this.worker.addEventListener('error', () => {
      // A worker that cannot load (blocked, missing) fails every pending request with a clear message.
      this.workerFailed = true;
      for (const { reject } of this.pending.values()) reject(new Error('The analysis worker could not start; reload the window and try again.'));
      this.pending.clear();
      this.worker?.terminate();
      this.worker = undefined;
    });
    return this.worker;
  }

  private onMessage(message: AnalysisResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new Error(message.message));
  }
}

function sizeOf(request: AnalysisRequest): number {
  if (request.kind === 'forceatlas2') return request.graph.nodes.length + request.graph.edges.length;
  return request.input.nodes.length + request.input.edges.length;
}
