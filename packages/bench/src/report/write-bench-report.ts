import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BenchReport } from '../bench-figures.js';
import { renderBenchReportHtml } from './render-bench-report-html.js';
import { renderScenarioCharts } from './render-scenario-charts.js';
import { reportStrategyColors } from './report-strategy-colors.js';

/** What `writeBenchReport` wrote, as absolute paths. */
export interface WrittenBenchReport {
  /** The page to open. */
  index: string;
  /**
   * The same charts as standalone SVG files: `<scenario>-timeline.svg`, `-latency`, `-tokens`,
   * `-cost`, and `-turns` for a multi-turn scenario.
   */
  images: string[];
}

/**
 * Writes the HTML report (`index.html`) and each scenario's charts as SVG files into a
 * directory, creating it when missing and replacing files of the same names.
 */
export async function writeBenchReport(options: {
  directory: string;
  report: BenchReport;
  /** A line about each scenario, by name. @default none */
  descriptions?: Readonly<Record<string, string>>;
  /** When the bench was run. @default the current time */
  generatedAt?: Date;
}): Promise<WrittenBenchReport> {
  const directory = resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const { report } = options;
  const colors = reportStrategyColors(report);
  const images: string[] = [];
  for (const scenario of Object.keys(report.scenarios)) {
    const charts = renderScenarioCharts({ report, scenario, colors });
    for (const [kind, svg] of Object.entries(charts)) {
      const path = join(directory, `${fileName(scenario)}-${kind}.svg`);
      await writeFile(path, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
      images.push(path);
    }
  }
  const index = join(directory, 'index.html');
  await writeFile(
    index,
    renderBenchReportHtml(report, {
      ...(options.descriptions === undefined ? {} : { descriptions: options.descriptions }),
      ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    }),
  );
  return { index, images };
}

// Scenario names are kebab-case today; a name from elsewhere must not climb out of the directory.
function fileName(scenario: string): string {
  return scenario.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^\.+/, '_');
}
