// Hosts the Cytoscape canvas and its toolbar. The chart itself lives in chart/ChartController; this
// component only mounts it and forwards toolbar clicks.
import { useEffect, useRef, type ReactNode } from 'react';
import { ChartController } from './chart-controller';

interface Props {
  onReady: (chart: ChartController | undefined) => void;
  selectedCount: number;
  isEmpty: boolean;
  expanding: boolean;
  onExpand: () => void;
  onFit: () => void;
  onRemove: () => void;
  onClear: () => void;
  /** Beside the Expand button (its options). */
  afterExpand?: ReactNode;
  /** A second toolbar row (chart tools). */
  toolbarExtra?: ReactNode;
  /** Drawn over the canvas: legend, panels, prompts. */
  children?: ReactNode;
}

export function ChartPane({ onReady, selectedCount, isEmpty, expanding, onExpand, onFit, onRemove, onClear, afterExpand, toolbarExtra, children }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;

  useEffect(() => {
    if (!containerRef.current) return;
    const chart = ChartController.mount(containerRef.current);
    readyRef.current(chart);
    return () => {
      readyRef.current(undefined);
      chart.destroy();
    };
  }, []);

  return (
    <section className="chart-pane" aria-label="Chart">
      <div className="chart-toolbar" role="toolbar" aria-label="Chart actions">
        <button type="button" className="primary" onClick={onExpand} disabled={selectedCount === 0 || expanding} aria-label="Expand selected" title="Expand the selected entities (E or double-click)">
          {expanding ? 'Expanding…' : 'Expand'}
        </button>
        {afterExpand}
        <button type="button" onClick={onFit} disabled={isEmpty} title="Fit to view (F)">
          Fit to view
        </button>
        <button type="button" onClick={onRemove} disabled={selectedCount === 0} title="Remove selected (Delete); undo with Ctrl+Z">
          Remove selected
        </button>
        <span className="spacer" />
        <button type="button" onClick={onClear} disabled={isEmpty}>
          Clear chart
        </button>
      </div>
      {toolbarExtra}
      <div className="chart-canvas-wrap">
        <div ref={containerRef} className="chart-canvas" data-testid="chart" />
        {isEmpty ? (
          <div className="chart-empty">
            Search for a person, phone, vehicle or place and add it to the chart. Select it and press Expand (or
            double-click it) to bring in its links.
          </div>
        ) : null}
        {children}
      </div>
    </section>
  );
}
