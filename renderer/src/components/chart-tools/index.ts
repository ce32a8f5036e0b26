// The chart tools (issue 3, chart part): toolbar row, expand options, the "more neighbours" choice,
// centrality panel, legend and time bar, with the hook that drives them.
import './chart-tools.css';

export { CentralityPanel } from './CentralityPanel';
export { ChartActionsBar } from './ChartActionsBar';
export { ChartLegend } from './ChartLegend';
export { ExpandMenu } from './ExpandMenu';
export { MoreNeighboursChoice } from './MoreNeighboursChoice';
export { TimeBar } from './TimeBar';
export { useChartTools, type ChartTools } from './use-chart-tools';
