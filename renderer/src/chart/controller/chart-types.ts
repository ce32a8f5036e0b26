// What the chart controller tells the page (counts, the view, listeners) and how it is set up.
import type { HistoryState } from '../history/command-stack';
import type { LegendData } from '../legend-data';
import type { ChartSelection } from './chart-selection';
import type { ChartStyle } from './chart-styling';
import type { ForceAtlas2Runner } from './layout-runs';

export interface ChartCounts {
  entities: number;
  links: number;
}

/** What the toolbar, legend and time bar show about the chart beyond its size. */
export interface ChartView {
  /** Changes whenever what is drawn changes; analysis computed for an older revision is stale. */
  revision: number;
  /** Entities the analyst hid (H). */
  hidden: number;
  /** Entities outside the time bar's window. */
  outOfWindow: number;
  /** Entities drawn now. */
  visible: number;
  pinned: number;
  groups: number;
  style: ChartStyle;
  legend: LegendData;
  /** Selected entities that are pinned / in a group: what the Pin and Ungroup buttons act on. */
  selectionPinned: boolean;
  selectionGrouped: boolean;
}

export interface ChartListeners {
  /** Anything on the chart was added or removed. */
  onContentChange?: (counts: ChartCounts) => void;
  /**
   * `selection` is the single selected element, or null when nothing (or several things) is selected;
   * `selectedEntityIds` lists every selected entity (what "Expand selected" works on).
   */
  onSelectionChange?: (selection: ChartSelection, selectedEntityIds: string[]) => void;
  /** A node was double-clicked: the analyst wants its neighbours. */
  onEntityActivate?: (id: string) => void;
  /** Hidden/pinned/grouped/styled state or the time window changed. */
  onViewChange?: (view: ChartView) => void;
  onHistoryChange?: (state: HistoryState) => void;
}

export interface ChartControllerOptions {
  /** Animate layouts (off for headless tests and huge charts). */
  animate?: boolean;
  /** Runs big layouts off the page (analysis/worker); without it they run here. */
  forceAtlas2?: ForceAtlas2Runner;
}
