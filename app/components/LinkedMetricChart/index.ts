export type { ChartMode, ChartPointView, ChartWindowView, GapSeriesView, GroupSeriesView } from './chart-data'
export { LinkedMetricChart, type ViewControl } from './LinkedMetricChart'
