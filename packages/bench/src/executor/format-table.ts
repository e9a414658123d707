/**
 * Renders rows as a text table: the first column left-aligned, the others right-aligned, columns
 * two spaces apart. `headers` may span several lines (one array per line).
 */
export function formatTable(
  headers: ReadonlyArray<readonly string[]>,
  rows: ReadonlyArray<readonly string[]>,
): string {
  const lines = [...headers, ...rows];
  const columns = Math.max(...lines.map((line) => line.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  const render = (line: readonly string[]) =>
    widths
      .map((width, column) => {
        const cell = line[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [...headers.map(render), rule, ...rows.map(render)].join('\n');
}
