/** A place in a text as an editor shows it: both counted from 1. */
export interface LineAndColumn {
  line: number;
  column: number;
}

/**
 * The line and column of `offset` in `text`. Lines end at `\n` (so a `\r\n` file counts the same);
 * the column counts UTF-16 code units, as `JSON.parse`'s positions and most editors do.
 */
export function lineAndColumnAt(text: string, offset: number): LineAndColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < end;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}
