/**
 * A plain-text table for a terminal: the first column left-aligned, the others right-aligned
 * (figures), a rule under the header, two spaces between columns.
 */
export function formatTextTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    render(header),
    render(widths.map((width) => '─'.repeat(width))),
    ...rows.map(render),
  ].join('\n');
}
