// When an expansion hit its cap: say how many neighbours were left out and let the analyst choose.
import type { ChartTools } from './use-chart-tools';

export function MoreNeighboursChoice({ tools }: { tools: ChartTools }) {
  const pending = tools.pendingMore;
  if (!pending) return null;
  const more = pending.omitted.toLocaleString('en');
  const adding = Math.min(pending.omitted, 10_000).toLocaleString('en');
  return (
    <div className="more-neighbours" role="group" aria-label="More neighbours">
      <span>
        <strong>{more} more neighbours</strong> not added (cap {pending.settings.cap.toLocaleString('en')}).
      </span>
      <button type="button" className="primary" onClick={() => void tools.addMore()} disabled={tools.expanding} title={`Fetch up to ${adding} more`}>
        Add {pending.omitted > 10_000 ? adding : 'them'}
      </button>
      <button type="button" onClick={tools.filterMore} disabled={tools.expanding}>
        Filter…
      </button>
      <button type="button" onClick={tools.skipMore}>
        Skip
      </button>
    </div>
  );
}
