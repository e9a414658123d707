/** How an axis prints its ticks: every tick in one unit, named once in the axis title. */
export interface AxisUnit {
  /** The unit for the axis title (`s`, `ms`, `USD`), or empty for a count. */
  name: string;
  /** A tick's label: a plain number in the axis's unit (`0`, `0.5`, `1,000`). */
  format(value: number): string;
}

/**
 * The unit of an axis of quantities in `unit` (`ms`, `USD`, or a count) that ends at `end`:
 * seconds when the axis reaches a second, else milliseconds. One unit per axis, so `0 ms` is
 * never printed beside `1 s`.
 */
export function axisUnit(unit: string, end: number): AxisUnit {
  if (unit === 'ms' && end >= 1000) return { name: 's', format: (value) => plain(value / 1000) };
  if (unit === 'ms' || unit === 'USD') return { name: unit, format: plain };
  return { name: '', format: plain };
}

/** The axis title: the quantity, then its unit in brackets when it has one (`latency (s)`). */
export function axisTitle(quantity: string, unit: AxisUnit): string {
  return unit.name === '' ? quantity : `${quantity} (${unit.name})`;
}

function plain(value: number): string {
  // toPrecision drops float noise from tick arithmetic (0.30000000000000004 → 0.3).
  return Number(value.toPrecision(10)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}
