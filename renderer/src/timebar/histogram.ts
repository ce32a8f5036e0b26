// The time bar's bars: how many timed elements are active in each slice of the chart's time range.
// A window (a phone used for a year) counts in every slice it overlaps, so the bars show activity.
import { overlaps, type TimeSpan, type TimedElements } from './element-times';

export interface HistogramBin extends TimeSpan {
  count: number;
}

export function buildHistogram(timed: TimedElements, extent: TimeSpan, binCount: number): HistogramBin[] {
  const span = Math.max(1, extent.end - extent.start);
  const width = span / binCount;
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, i) => ({
    start: extent.start + i * width,
    end: i === binCount - 1 ? extent.end : extent.start + (i + 1) * width,
    count: 0,
  }));
  const binOf = (t: number) => Math.min(binCount - 1, Math.max(0, Math.floor((t - extent.start) / width)));
  for (const element of [...timed.entities.values(), ...timed.links.values()]) {
    const first = binOf(element.start);
    const last = binOf(element.end);
    for (let i = first; i <= last; i++) if (overlaps(element, bins[i])) bins[i].count++;
  }
  return bins;
}
