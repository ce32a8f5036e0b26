// Hosts the Cytoscape canvas and its toolbar. The chart itself lives in chart/ChartController; this
// component only mounts it and forwards toolbar clicks.
import { useEffect, useRef } from 'react';
import { ChartController } from '../chart/chart-controller';
import { ENTITY_TYPE_STYLES, STYLED_ENTITY_TYPES } from '../chart/entity-styles';
import { TypeIcon } from './TypeIcon';

interface Props {
  onReady: (chart: ChartController | undefined) => void;
  selectedCount: number;
  isEmpty: boolean;
  expanding: boolean;
  onExpand: () => void;
  onFit: () => void;
  onRemove: () => void;
  onClear: () => void;
}

export function ChartPane({ onReady, selectedCount, isEmpty, expanding, onExpand, onFit, onRemove, onClear }: Props) {
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
        <button type="button" className="primary" onClick={onExpand} disabled={selectedCount === 0 || expanding} aria-label="Expand selected">
          {expanding ? 'Expanding…' : 'Expand'}
        </button>
        <button type="button" onClick={onFit} disabled={isEmpty}>
          Fit to view
        </button>
        <button type="button" onClick={onRemove} disabled={selectedCount === 0}>
          Remove selected
        </button>
        <span className="spacer" />
        <button type="button" onClick={onClear} disabled={isEmpty}>
          Clear chart
        </button>
      </div>
      <div className="chart-canvas-wrap">
        <div ref={containerRef} className="chart-canvas" data-testid="chart" />
        {isEmpty ? (
          <div className="chart-empty">
            Search for a person, phone, vehicle or place and add it to the chart. Select it and press Expand (or
            double-click it) to bring in its links.
          </div>
        ) : null}
        <ul className="chart-legend" aria-label="Legend">
          {STYLED_ENTITY_TYPES.map((type) => (
            <li key={type}>
              <TypeIcon type={type} size={14} />
              {ENTITY_TYPE_STYLES[type].name}
            </li>
          ))}
          <li>
            <span className="legend-ring ring-nl" aria-hidden="true" /> NL
          </li>
          <li>
            <span className="legend-ring ring-be" aria-hidden="true" /> BE
          </li>
        </ul>
      </div>
    </section>
  );
}
