import type { ChartCounts } from '../chart/chart-controller';

/** The chart's size in words ("12 entities, 15 links") and what the last expansion left out. */
export function StatusBar({ counts, notice }: { counts: ChartCounts; notice: string | undefined }) {
  return (
    <footer className="status-bar">
      <span role="status" aria-label="Chart status" className="chart-status">
        {`${counts.entities} entities, ${counts.links} links`}
      </span>
      <span className="status-notice" aria-live="polite">
        {notice ?? ''}
      </span>
    </footer>
  );
}
