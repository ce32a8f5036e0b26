// The analysis worker: centralities, communities and big layouts computed off the page's thread so the
// chart stays responsive. Loaded as a same-origin module file (allowed by `script-src 'self'`).
import type { AnalysisRequest, AnalysisResponse } from './protocol';
import { runAnalysisRequest } from './run-request';

const post = (message: AnalysisResponse) => (self as unknown as { postMessage(m: AnalysisResponse): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<{ id: number; request: AnalysisRequest }>) => {
  const { id, request } = event.data;
  try {
    const result = runAnalysisRequest(request, (done, total) => post({ id, type: 'progress', done, total }));
    post({ id, type: 'result', result });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
