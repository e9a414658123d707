/**
 * A figure as the report prints it, by its unit: durations in ms or s, money in dollars, counts
 * with thousands separators. Three significant digits: the report compares, it does not audit.
 */
export function formatQuantity(value: number, unit: string): string {
  if (unit === 'ms') return formatDuration(value);
  if (unit === 'USD') return `$${significant(value)}`;
  return value.toLocaleString('en-US', {
    maximumFractionDigits: value < 10 ? 2 : value < 100 ? 1 : 0,
  });
}

function formatDuration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${significant(ms)} ms`;
  return `${significant(ms / 1000)} s`;
}

function significant(value: number): string {
  if (value === 0) return '0';
  // Number() drops the trailing zeros toPrecision keeps (2.00 → 2), and its exponent form.
  return String(Number(value.toPrecision(3)));
}
