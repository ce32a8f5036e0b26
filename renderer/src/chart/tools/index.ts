// The chart tools: toolbar row, expand options, the "more neighbours" choice and legend, with the hook
// that drives them.
import './chart-tools.css';

export { ChartActionsBar } from './ChartActionsBar';
export { ChartLegend } from './ChartLegend';
export { ExpandMenu } from './ExpandMenu';
export { MoreNeighboursChoice } from './MoreNeighboursChoice';
export { useChartTools, type ChartTools } from './use-chart-tools';
