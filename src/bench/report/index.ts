export { BenchReportError } from './bench-report-error.js';
export { escapeXml } from './escape-xml.js';
export { formatQuantity } from './format-quantity.js';
export { niceTicks } from './nice-ticks.js';
export {
  renderBarChartSvg,
  type BarChartBar,
  type BarChartOptions,
  type BarSegment,
} from './render-bar-chart-svg.js';
export { renderBenchReportHtml, type BenchReportHtmlOptions } from './render-bench-report-html.js';
export { renderScenarioCharts, type ScenarioCharts } from './render-scenario-charts.js';
export { reportStrategyColors } from './report-strategy-colors.js';
export {
  renderTimelineSvg,
  timelineColors,
  type TimelineSvgOptions,
} from './render-timeline-svg.js';
export { strategyColors } from './strategy-colors.js';
export { writeBenchReport, type WrittenBenchReport } from './write-bench-report.js';
