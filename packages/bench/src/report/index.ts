export { axisTitle, axisUnit, type AxisUnit } from './axis-unit.js';
export { BenchReportError } from './bench-report-error.js';
export { escapeXml } from './escape-xml.js';
export { estimateTextWidth } from './estimate-text-width.js';
export { formatQuantity } from './format-quantity.js';
export { niceTicks } from './nice-ticks.js';
export { pickSharedCase, SHARED_CASE_REFERENCE, type SharedCaseRun } from './pick-shared-case.js';
export {
  renderBarChartSvg,
  type BarChartBar,
  type BarChartOptions,
  type BarSegment,
} from './render-bar-chart-svg.js';
export { renderBenchReportHtml, type BenchReportHtmlOptions } from './render-bench-report-html.js';
export {
  renderLineChartSvg,
  type LineChartOptions,
  type LineChartSeries,
} from './render-line-chart-svg.js';
export {
  renderScenarioCharts,
  TIMELINE_WIDTH,
  type ScenarioCharts,
} from './render-scenario-charts.js';
export { reportStrategyColors } from './report-strategy-colors.js';
export {
  renderTimelineSvg,
  timelineColors,
  type TimelineSvgOptions,
} from './render-timeline-svg.js';
export { strategyColors } from './strategy-colors.js';
export { writeBenchReport, type WrittenBenchReport } from './write-bench-report.js';
